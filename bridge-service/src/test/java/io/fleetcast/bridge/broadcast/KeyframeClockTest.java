package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeClockTest {
    @Test
    void marksTheFirstFrameAtOrAfterEachGopBoundary() {
        KeyframeClock clock = new KeyframeClock(1_000, 60);
        List<Long> keys = new ArrayList<>();
        for (long pts = 1_000; pts < 1_200; pts += 7) {
            if (clock.isKeyframe(pts)) {
                keys.add(pts);
            }
        }
        assertThat(keys).containsExactly(1_000L, 1_063L, 1_126L, 1_182L);
    }

    @Test
    void rungsWithDifferentDropsStillAgreeOnBoundaries() {
        KeyframeClock all = new KeyframeClock(0, 100);
        KeyframeClock dropped = new KeyframeClock(0, 100);
        assertThat(all.isKeyframe(0)).isTrue();
        assertThat(dropped.isKeyframe(0)).isTrue();
        assertThat(all.isKeyframe(90)).isFalse();
        assertThat(all.isKeyframe(100)).isTrue();
        assertThat(dropped.isKeyframe(100)).isTrue();
        assertThat(dropped.isKeyframe(350)).isTrue();
        assertThat(dropped.isKeyframe(390)).isFalse();
        assertThat(dropped.isKeyframe(400)).isTrue();
    }
}
