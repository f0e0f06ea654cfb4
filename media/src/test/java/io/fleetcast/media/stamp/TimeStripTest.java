package io.fleetcast.media.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.GraphInput;
import io.fleetcast.media.filter.Pull;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TimeStripTest {
    private static final long NOW = 1_764_620_000_123L;

    @Test
    void roundTripsTheMillisecondsThroughItsBits() {
        for (long millis : new long[] {0, 1, NOW, NOW + 999_999, (1L << 48) - 1}) {
            assertThat(TimeStrip.millis(TimeStrip.bits(millis))).hasValue(millis);
        }
    }

    @Test
    void rejectsBitsWhoseSyncOrCheckIsWrong() {
        long bits = TimeStrip.bits(NOW);
        assertThat(TimeStrip.millis(bits ^ (1L << 62))).isEmpty();
        assertThat(TimeStrip.millis(bits ^ (1L << 20))).isEmpty();
        assertThat(TimeStrip.millis(0)).isEmpty();
    }

    @Test
    void readsBackFromAPlainPicture() {
        try (Frame frame = picture(1280, 720)) {
            TimeStrip.stamp(frame.av(), NOW);
            assertThat(TimeStrip.read(frame.av())).hasValue(NOW);
        }
    }

    @Test
    void findsNoStripInAPictureWithout() {
        try (Frame frame = picture(640, 360)) {
            assertThat(TimeStrip.read(frame.av())).isEmpty();
        }
    }

    @Test
    void survivesScalingTo360pAndALowBitrateH264RoundTrip() {
        try (Frame source = picture(1920, 1080);
             FilterGraph scale = new FilterGraph("[in0]scale=640:360[out0]",
                     List.of(new GraphInput.Video(1920, 1080, AV_PIX_FMT_YUV420P, new Rational(1, 30),
                             new Rational(30, 1), new Rational(1, 1), null)), List.of(true), 1);
             Encoder encoder = Encoder.video(new VideoEncoderSettings("libx264", 640, 360, AV_PIX_FMT_YUV420P,
                     new Rational(1, 30), new Rational(30, 1), 300_000, 300_000, 600_000, 60, 1, false,
                     Map.of("preset", "veryfast", "tune", "zerolatency")), null);
             Frame scaled = new Frame();
             Packet packet = new Packet();
             Frame decoded = new Frame()) {
            OptionalLong read = OptionalLong.empty();
            try (var decoder = new H264Decoder()) {
                for (int i = 0; i < 10 && read.isEmpty(); i++) {
                    TimeStrip.stamp(source.av(), NOW + i);
                    source.av().pts(i);
                    scale.push(0, source);
                    while (scale.pull(0, scaled) == Pull.FRAME) {
                        encoder.send(scaled);
                        scaled.unref();
                        while (encoder.receive(packet) == Pull.FRAME) {
                            decoder.decode(packet, decoded);
                            packet.unref();
                            if (decoded.av().width() > 0) {
                                read = TimeStrip.read(decoded.av());
                                assertThat(read).as("a strip that reads must read right").satisfiesAnyOf(
                                        r -> assertThat(r).isEmpty(),
                                        r -> assertThat(r.getAsLong()).isBetween(NOW, NOW + 9));
                                decoded.unref();
                            }
                        }
                    }
                }
            }
            assertThat(read).as("the strip reads after scaling and encoding").isPresent();
        }
    }

    /** A mid-grey picture with some texture, as a camera would give. */
    static Frame picture(int width, int height) {
        Frame frame = new Frame();
        frame.av().width(width);
        frame.av().height(height);
        frame.av().format(AV_PIX_FMT_YUV420P);
        AvCall.check("av_frame_get_buffer", av_frame_get_buffer(frame.av(), 0));
        for (int plane = 0; plane < 3; plane++) {
            int rows = plane == 0 ? height : height / 2;
            int columns = plane == 0 ? width : width / 2;
            byte[] row = new byte[columns];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    row[x] = (byte) (plane == 0 ? 100 + ((x / 7 + y / 5) % 3) * 20 : 128);
                }
                frame.av().data(plane).position((long) y * frame.av().linesize(plane)).put(row, 0, columns);
            }
            frame.av().data(plane).position(0);
        }
        return frame;
    }
}
