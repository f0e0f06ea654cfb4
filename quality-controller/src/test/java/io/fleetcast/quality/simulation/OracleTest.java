package io.fleetcast.quality.simulation;

import io.fleetcast.quality.trace.Trace;
import io.fleetcast.quality.trace.TraceFormat;
import io.fleetcast.quality.trace.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OracleTest {

    static Trace steps(double... mbpsPerSecond) {
        float[] bytes = new float[mbpsPerSecond.length * 1000];
        for (int s = 0; s < mbpsPerSecond.length; s++) {
            Arrays.fill(bytes, s * 1000, (s + 1) * 1000, (float) (mbpsPerSecond[s] * 1e6 / 8 / 1000));
        }
        return new Trace("steps", TraceKind.OTHER, TraceFormat.PENSIEVE, bytes);
    }

    @Test
    void isTheCapacityWhileBelowTheTopOfTheLadder() {
        assertThat(Oracle.meanBps(steps(1, 2, 3), 3000)).isCloseTo(2e6, within(1.0));
    }

    @Test
    void capsEachSecondAtTheTopOfTheLadder() {
        assertThat(Oracle.meanBps(steps(9, 0, 3), 3000)).isCloseTo(2.5e6, within(1.0));
    }

    @Test
    void anOutageSecondCountsAsZero() {
        assertThat(Oracle.meanBps(steps(2, 0), 2000)).isCloseTo(1e6, within(1.0));
    }
}
