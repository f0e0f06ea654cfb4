package io.fleetcast.quality.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendQueueTest {

    private static final long LATE = 1000;

    @Test
    void countsBytesDeliveredOnlyWhenTheWholeFrameArrived() {
        SendQueue queue = new SendQueue(1_000_000);
        queue.offer(new Frame(0, 1000, true));
        queue.offer(new Frame(10, 500, false));

        assertThat(queue.deliver(800, 20, LATE)).isEqualTo(800);
        assertThat(queue.deliveredBytes()).isZero();
        assertThat(queue.queuedBytes()).isEqualTo(700);

        assertThat(queue.deliver(10_000, 21, LATE)).isEqualTo(700);
        assertThat(queue.deliveredBytes()).isEqualTo(1500);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void unusedCapacityIsNotBanked() {
        SendQueue queue = new SendQueue(1_000_000);
        assertThat(queue.deliver(1500, 0, LATE)).isZero();
        queue.offer(new Frame(0, 3000, true));

        assertThat(queue.deliver(1500, 1, LATE)).isEqualTo(1500);
    }

    @Test
    void aFrameThatDoesNotFitIsLost() {
        SendQueue queue = new SendQueue(2000);

        assertThat(queue.offer(new Frame(0, 1500, true))).isTrue();
        assertThat(queue.offer(new Frame(10, 600, false))).isFalse();
        assertThat(queue.offer(new Frame(20, 500, false))).isTrue();

        assertThat(queue.lostBytes()).isEqualTo(600);
        assertThat(queue.queuedBytes()).isEqualTo(2000);
    }

    @Test
    void aFrameDeliveredMoreThanASecondAfterItWasQueuedIsLate() {
        SendQueue queue = new SendQueue(1_000_000);
        queue.offer(new Frame(0, 1000, true));
        queue.offer(new Frame(100, 1000, false));

        queue.deliver(1000, 1000, LATE);
        queue.deliver(1000, 1101, LATE);

        assertThat(queue.deliveredBytes()).isEqualTo(2000);
        assertThat(queue.lateBytes()).isEqualTo(1000);
    }

    @Test
    void headAgeIsTheWaitOfTheOldestQueuedFrame() {
        SendQueue queue = new SendQueue(1_000_000);
        assertThat(queue.headAgeMs(50)).isZero();
        queue.offer(new Frame(20, 100, true));
        queue.offer(new Frame(40, 100, false));

        assertThat(queue.headAgeMs(100)).isEqualTo(80);
    }

    @Test
    void dropsAStaleFrameWithTheFramesThatPredictFromIt() {
        SendQueue queue = new SendQueue(1_000_000);
        queue.offer(new Frame(0, 1000, true));
        queue.offer(new Frame(30, 300, false));
        queue.offer(new Frame(60, 300, false));
        queue.offer(new Frame(90, 900, true));
        queue.offer(new Frame(120, 300, false));
        queue.deliver(400, 130, LATE);

        boolean dropped = queue.dropStale(1001, 1000);

        assertThat(dropped).isTrue();
        // The half-sent keyframe and its two dependants go; the next GOP stays.
        assertThat(queue.droppedBytes()).isEqualTo(1600);
        assertThat(queue.queuedBytes()).isEqualTo(1200);
        assertThat(queue.headAgeMs(1001)).isEqualTo(911);
    }

    @Test
    void keepsFramesWithinTheBudget() {
        SendQueue queue = new SendQueue(1_000_000);
        queue.offer(new Frame(0, 1000, true));

        assertThat(queue.dropStale(1000, 1000)).isFalse();
        assertThat(queue.droppedBytes()).isZero();
    }
}
