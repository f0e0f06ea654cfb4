package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceClockTest {
    private static final long FRAME = 33_333;

    @Test
    void aSteadySourceKeepsItsOwnSpacingFromWhereTheTimelineIs() {
        SourceClock clock = new SourceClock();
        long first = clock.video(5_000_000, 10_000_000);
        assertThat(first).isEqualTo(10_000_000);
        assertThat(clock.video(5_000_000 + FRAME, first + FRAME)).isEqualTo(first + FRAME);
        // A gap in the source's pictures (under a second) stays a gap.
        assertThat(clock.video(5_000_000 + 10 * FRAME, first + 2 * FRAME)).isEqualTo(first + 10 * FRAME);
        assertThat(clock.rebases()).isZero();
    }

    @Test
    void aPublisherRestartingFromZeroFollowsOnInsteadOfGoingBack() {
        SourceClock clock = new SourceClock();
        long position = clock.video(7_200_000_000L, 10_000_000);
        long restarted = clock.video(0, position + FRAME);
        assertThat(restarted).isEqualTo(position + FRAME);
        assertThat(clock.video(FRAME, restarted + FRAME)).isEqualTo(restarted + FRAME);
        assertThat(clock.rebases()).isOne();
    }

    @Test
    void aForwardJumpOrAWrapAroundIsReBased() {
        SourceClock clock = new SourceClock();
        long position = clock.video(95_443_000_000L, 10_000_000); // near the 33-bit MPEG-TS wrap
        assertThat(clock.video(95_443_000_000L + 60_000_000, position + FRAME)).isEqualTo(position + FRAME);
        assertThat(clock.video(1_000, position + 2 * FRAME)).isEqualTo(position + 2 * FRAME);
        assertThat(clock.rebases()).isEqualTo(2);
    }

    @Test
    void aPictureSlightlyBehindTheTimelineFollowsOnAndTheSourceClockTakesOverWhenItCatchesUp() {
        SourceClock clock = new SourceClock();
        long first = clock.video(0, 10_000_000);
        // The last picture was held for 150 ms: the timeline is ahead of the source.
        long held = first + 5 * FRAME;
        assertThat(clock.video(FRAME, held + FRAME)).isEqualTo(held + FRAME);
        // A burst catches up: from there the source's own spacing again, no re-base.
        assertThat(clock.video(8 * FRAME, held + 2 * FRAME)).isEqualTo(first + 8 * FRAME);
        assertThat(clock.rebases()).isZero();
    }

    @Test
    void soundUsesThePicturesOffsetAndNothingBeforeTheFirstPicture() {
        SourceClock clock = new SourceClock();
        assertThat(clock.audio(1_000_000)).isEqualTo(Long.MIN_VALUE);
        clock.video(1_000_000, 10_000_000);
        assertThat(clock.audio(1_020_000)).isEqualTo(10_020_000);
    }

    @Test
    void afterTheSlateTheSourceFollowsTheSlateWhateverItsClockDid() {
        SourceClock clock = new SourceClock();
        clock.video(1_000_000, 10_000_000);
        clock.rebaseNext();
        assertThat(clock.video(1_000_000 + 300_000, 20_000_000)).isEqualTo(20_000_000);
    }
}
