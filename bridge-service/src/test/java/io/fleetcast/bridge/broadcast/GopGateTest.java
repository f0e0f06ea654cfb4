package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.Rational;
import org.junit.jupiter.api.Test;

class GopGateTest {
    private static final StreamDescription TOP = new StreamDescription(0, rung(), null, null);
    private static final StreamDescription LOW = new StreamDescription(1, rung(), null, null);
    private static final StreamDescription SOUND = new StreamDescription(2, null, null, null);

    private static RungPlan rung() {
        return new Ladder(Rung.parseAll("360p:800k"), 0).plan(640, 360, new Rational(1, 1), new Rational(30, 1)).get(0);
    }

    @Test
    void everythingPassesUntilDroppingStarts() {
        GopGate gate = new GopGate();
        gate.reset(2);
        assertThat(gate.admit(TOP, false)).isTrue();
        assertThat(gate.admit(SOUND, false)).isTrue();
    }

    @Test
    void eachStreamResumesAtItsOwnKeyframeAndTheSoundOnceAllHave() {
        GopGate gate = new GopGate();
        gate.reset(2);
        gate.startDropping();
        assertThat(gate.admit(TOP, false)).isFalse();
        assertThat(gate.admit(LOW, true)).isTrue();
        assertThat(gate.admit(LOW, false)).isTrue();
        assertThat(gate.admit(SOUND, false)).isFalse();
        assertThat(gate.admit(TOP, false)).isFalse();
        assertThat(gate.admit(TOP, true)).isTrue();
        assertThat(gate.dropping()).isFalse();
        assertThat(gate.admit(SOUND, false)).isTrue();
    }
}
