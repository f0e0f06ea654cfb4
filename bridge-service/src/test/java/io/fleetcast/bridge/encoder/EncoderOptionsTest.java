package io.fleetcast.bridge.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.Pull;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderOptionsTest {
    private static final RungPlan RUNG = new RungPlan("240p", 320, 240, new Rational(30, 1), 500_000, 500_000,
            1_000_000, "main");

    /**
     * A live segment closes only when its last frame is out: x264 may hold back one frame
     * (it needs the next timestamp for the rate control of variable-rate input), not the
     * preset's 10-frame lookahead, B-frames and frame threads.
     */
    @Test
    void x264HoldsBackAtMostOneFrame() {
        var options = new EncoderOptions("veryfast", "p4").forRung("libx264", RUNG);
        VideoEncoderSettings settings = new VideoEncoderSettings("libx264", 320, 240, AV_PIX_FMT_YUV420P,
                new Rational(1, 30), new Rational(30, 1), 500_000, 500_000, 1_000_000, 60, 2, false, options);
        try (Encoder encoder = Encoder.video(settings, null);
             FilterGraph source = new FilterGraph("testsrc2=size=320x240:rate=30,format=yuv420p[out0]", List.of(),
                     List.of(true), 1);
             Frame frame = new Frame();
             Packet packet = new Packet()) {
            assertThat(encoder.unusedOptions()).isEmpty();
            int received = 0;
            for (int sent = 1; sent <= 20; sent++) {
                assertThat(source.pull(0, frame)).isEqualTo(Pull.FRAME);
                frame.av().pict_type(AV_PICTURE_TYPE_NONE);
                assertThat(encoder.send(frame)).isTrue();
                frame.unref();
                while (encoder.receive(packet) == Pull.FRAME) {
                    assertThat(packet.av().pts()).isEqualTo(received++);
                    packet.unref();
                }
                assertThat(received).as("packets out after %d frames in", sent).isGreaterThanOrEqualTo(sent - 1);
            }
        }
    }
}
