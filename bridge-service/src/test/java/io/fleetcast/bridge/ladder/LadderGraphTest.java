package io.fleetcast.bridge.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderGraphTest {
    private static RungPlan rung(int width, int height) {
        return new RungPlan(height + "p", width, height, new Rational(30, 1), 1_000_000, 1_000_000, 2_000_000, "high");
    }

    @Test
    void scalesEachRungFromTheRungAbove() {
        assertThat(LadderGraph.describe(List.of(rung(1920, 1080), rung(1280, 720), rung(854, 480)), false, null))
                .isEqualTo("[in0]scale=1920:1080:flags=bicubic,format=yuv420p,split=2[out0][c0];"
                        + "[c0]scale=1280:720:flags=bicubic,format=yuv420p,split=2[out1][c1];"
                        + "[c1]scale=854:480:flags=bicubic,format=yuv420p[out2]");
    }

    @Test
    void canScaleEveryRungFromTheSource() {
        assertThat(LadderGraph.fromSource(List.of(rung(1280, 720), rung(854, 480)), false, null)).isEqualTo(
                "[in0]split=2[s0][s1];[s0]scale=1280:720:flags=bicubic,format=yuv420p[out0];"
                        + "[s1]scale=854:480:flags=bicubic,format=yuv420p[out1]");
    }

    @Test
    void singleRungNeedsNoSplitAndCanCapTheRate() {
        assertThat(LadderGraph.describe(List.of(rung(640, 360)), false, "30/1"))
                .isEqualTo("[in0]fps=30/1,scale=640:360:flags=bicubic,format=yuv420p[out0]");
    }

    @Test
    void downloadsNvdecPicturesAtTheHeadOfTheCpuLadder() {
        String download = LadderGraph.transfer(false, "nv12", 0);
        assertThat(download).isEqualTo("hwdownload,format=nv12,");
        assertThat(LadderGraph.describe(List.of(rung(1280, 720), rung(854, 480)), false, "30/1", download))
                .isEqualTo("[in0]hwdownload,format=nv12,fps=30/1,scale=1280:720:flags=bicubic,format=yuv420p,"
                        + "split=2[out0][c0];[c0]scale=854:480:flags=bicubic,format=yuv420p[out1]");
        assertThat(LadderGraph.transfer(false, "p010le", 0)).as("10-bit pool").isEqualTo("hwdownload,format=p010le,");
    }

    @Test
    void uploadsPicturesFromMemoryForTheGpuLadderOnly() {
        String upload = LadderGraph.transfer(true, null, 1);
        assertThat(upload).isEqualTo("hwupload_cuda=device=1,");
        assertThat(LadderGraph.describe(List.of(rung(1280, 720), rung(854, 480)), true, null, upload))
                .isEqualTo("[in0]hwupload_cuda=device=1,split=2[s0][s1];[s0]scale_cuda=1280:720[out0];"
                        + "[s1]scale_cuda=854:480[out1]");
        assertThat(LadderGraph.transfer(true, "nv12", 1)).as("NVDEC into NVENC: already there").isEmpty();
        assertThat(LadderGraph.transfer(false, null, 1)).as("software decode into x264").isEmpty();
    }

    @Test
    void scalesOnTheGpuForNvenc() {
        assertThat(LadderGraph.describe(List.of(rung(1280, 720), rung(854, 480)), true, null))
                .isEqualTo("[in0]split=2[s0][s1];[s0]scale_cuda=1280:720[out0];[s1]scale_cuda=854:480[out1]");
    }
}
