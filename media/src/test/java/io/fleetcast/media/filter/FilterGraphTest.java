package io.fleetcast.media.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterGraphTest {
    @Test
    void splitsAndScalesOneInputToSeveralOutputs() {
        var input = new GraphInput.Video(320, 240, AV_PIX_FMT_YUV420P, new Rational(1, 30), new Rational(30, 1),
                new Rational(1, 1), null);
        try (FilterGraph source = new FilterGraph("testsrc2=size=320x240:rate=30:duration=1,format=yuv420p[out0]",
                List.of(), List.of(true), 1);
             FilterGraph ladder = new FilterGraph("[in0]split=2[a][b];[a]scale=160:120[out0];[b]scale=64:48[out1]",
                     List.of(input), List.of(true, true), 1);
             Frame frame = new Frame(); Frame scaled = new Frame()) {
            int[] counts = new int[2];
            while (source.pull(0, frame) == Pull.FRAME) {
                ladder.push(0, frame);
                frame.unref();
                drain(ladder, scaled, counts);
            }
            ladder.endInput(0);
            drain(ladder, scaled, counts);
            assertThat(counts).containsExactly(30, 30);
            assertThat(ladder.width(0)).isEqualTo(160);
            assertThat(ladder.height(1)).isEqualTo(48);
            assertThat(ladder.pull(0, scaled)).isEqualTo(Pull.END);
        }
    }

    private static void drain(FilterGraph graph, Frame scaled, int[] counts) {
        for (int sink = 0; sink < 2; sink++) {
            while (graph.pull(sink, scaled) == Pull.FRAME) {
                counts[sink]++;
                scaled.unref();
            }
        }
    }

    @Test
    void badDescriptionNamesTheGraph() {
        assertThatThrownBy(() -> new FilterGraph("nosuchfilter=1[out0]", List.of(), List.of(true), 1))
                .isInstanceOf(MediaException.class).hasMessageContaining("nosuchfilter=1");
    }
}
