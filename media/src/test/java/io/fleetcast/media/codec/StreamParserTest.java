package io.fleetcast.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.OutputMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamParserTest {
    /** Half a second of a 48 kHz mono sine as AAC in ADTS frames, encoded here. */
    private static byte[] adts(Path dir) throws Exception {
        Path file = dir.resolve("sine.aac");
        try (FilterGraph sine = new FilterGraph("sine=frequency=440:sample_rate=48000:duration=0.5,"
                + "aformat=sample_fmts=fltp[out0]", List.of(), List.of(false), 1);
             Encoder encoder = Encoder.audio(new AudioEncoderSettings("aac", 48_000, 1, AV_SAMPLE_FMT_FLTP, 64_000,
                     false, Map.of()));
             OutputMedia output = new OutputMedia("adts", file.toString());
             Frame frame = new Frame(); Packet packet = new Packet()) {
            sine.fixFrameSize(0, encoder.frameSize());
            output.addStream(encoder);
            output.begin(Map.of());
            while (sine.pull(0, frame) == Pull.FRAME) {
                encoder.send(frame);
                frame.unref();
                while (encoder.receive(packet) == Pull.FRAME) {
                    output.write(packet);
                }
            }
            encoder.send(null);
            while (encoder.receive(packet) == Pull.FRAME) {
                output.write(packet);
            }
        }
        return Files.readAllBytes(file);
    }

    /** The sizes of the packets the parser splits {@code bytes} into, fed {@code piece} bytes at a time. */
    private static List<Integer> split(byte[] bytes, int piece) {
        List<Integer> sizes = new ArrayList<>();
        try (StreamParser parser = new StreamParser(AV_CODEC_ID_AAC);
             Decoder decoder = Decoder.forBarePackets(AV_CODEC_ID_AAC)) {
            for (int at = 0; at < bytes.length; at += piece) {
                parser.parse(bytes, at, Math.min(piece, bytes.length - at), decoder, p -> sizes.add(p.av().size()));
            }
            parser.flush(decoder, p -> sizes.add(p.av().size()));
        }
        return sizes;
    }

    @Test
    void splitsAdtsFedInPiecesOfAnySizeIntoTheSameWholeFrames(@TempDir Path dir) throws Exception {
        byte[] bytes = adts(dir);
        List<Integer> whole = split(bytes, bytes.length);

        assertThat(whole).hasSizeGreaterThan(20);
        assertThat(whole.stream().mapToInt(Integer::intValue).sum()).as("every byte in a frame")
                .isEqualTo(bytes.length);
        assertThat(split(bytes, 1)).isEqualTo(whole);
        assertThat(split(bytes, 37)).isEqualTo(whole);
    }

    @Test
    void itsPacketsDecodeWithoutAContainer(@TempDir Path dir) throws Exception {
        byte[] bytes = adts(dir);
        int[] samples = {0};
        try (StreamParser parser = new StreamParser(AV_CODEC_ID_AAC);
             Decoder decoder = Decoder.forBarePackets(AV_CODEC_ID_AAC);
             Frame frame = new Frame()) {
            parser.parse(bytes, 0, bytes.length, decoder, packet -> {
                decoder.send(packet);
                while (decoder.receive(frame) == Pull.FRAME) {
                    assertThat(frame.av().sample_rate()).isEqualTo(48_000);
                    samples[0] += frame.av().nb_samples();
                    frame.unref();
                }
            });
        }
        assertThat(samples[0]).as("0.5 s plus the encoder's priming").isBetween(24_000, 24_000 + 2 * 1024);
    }
}
