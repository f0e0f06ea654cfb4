package io.fleetcast.quality.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendQueueTest {

    @Test
    void countsBytesDeliveredOnlyWhenTheWholeFrameArrived() {
        SendQueue queue = new SendQueue();
        queue.add(new Frame(0, 1000, true));
        queue.add(new Frame(10, 500, false));

        assertThat(queue.deliver(800)).isEqualTo(800);
        assertThat(queue.deliveredBytes()).isZero();
        assertThat(queue.queuedBytes()).isEqualTo(700);

        assertThat(queue.deliver(10_000)).isEqualTo(700);
        assertThat(queue.deliveredBytes()).isEqualTo(1500);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void unusedCapacityIsNotBanked() {
        SendQueue queue = new SendQueue();
        assertThat(queue.deliver(1500)).isZero();
        queue.add(new Frame(0, 3000, true));

        assertThat(queue.deliver(1500)).isEqualTo(1500);
    }

    @Test
    void headAgeIsTheWaitOfTheOldestQueuedFrame() {
        SendQueue queue = new SendQueue();
        assertThat(queue.headAgeMs(50)).isZero();
        queue.add(new Frame(20, 100, true));
        queue.add(new Frame(40, 100, false));

        assertThat(queue.headAgeMs(100)).isEqualTo(80);
    }

    @Test
    void dropsAStaleFrameWithTheFramesThatPredictFromIt() {
        SendQueue queue = new SendQueue();
        queue.add(new Frame(0, 1000, true));
        queue.add(new Frame(30, 300, false));
        queue.add(new Frame(60, 300, false));
        queue.add(new Frame(90, 900, true));
        queue.add(new Frame(120, 300, false));
        queue.deliver(400);

        boolean dropped = queue.dropStale(1001, 1000);

        assertThat(dropped).isTrue();
        // The half-sent keyframe and its two dependants go; the next GOP stays.
        assertThat(queue.droppedBytes()).isEqualTo(1600);
        assertThat(queue.queuedBytes()).isEqualTo(1200);
        assertThat(queue.headAgeMs(1001)).isEqualTo(911);
    }

    @Test
    void keepsFramesWithinTheBudget() {
        SendQueue queue = new SendQueue();
        queue.add(new Frame(0, 1000, true));

        assertThat(queue.dropStale(1000, 1000)).isFalse();
        assertThat(queue.droppedBytes()).isZero();
    }
}
