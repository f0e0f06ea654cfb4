package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTimelineTest {
    private static final int VIDEO = 0;
    private static final int AUDIO = 1;

    @Test
    void startsAtZeroOnTheOpeningKeyframeAndDropsWhatCameBefore() {
        SessionTimeline timeline = new SessionTimeline(2);
        timeline.startRun(10_000_000);
        assertThat(timeline.map(AUDIO, 9_990_000, 9_990_000, 21_333)).isNull();
        assertThat(timeline.map(VIDEO, 10_000_000, 10_033_333, 33_333)).isEqualTo(new SessionTimeline.Stamp(0, 33));
        assertThat(timeline.map(AUDIO, 10_010_667, 10_010_667, 21_333)).isEqualTo(new SessionTimeline.Stamp(11, 11));
    }

    @Test
    void decodeTimesNeverRepeatOrGoBackOnAStream() {
        SessionTimeline timeline = new SessionTimeline(2);
        timeline.startRun(0);
        assertThat(timeline.map(VIDEO, 0, 0, 400).dts()).isEqualTo(0);
        assertThat(timeline.map(VIDEO, 400, 400, 400).dts()).as("0.4 ms rounds to 0").isEqualTo(1);
        assertThat(timeline.map(VIDEO, 200, 200, 400)).as("went back").isEqualTo(new SessionTimeline.Stamp(2, 2));
        assertThat(timeline.map(AUDIO, 0, 0, 1000).dts()).as("streams are independent").isEqualTo(0);
    }

    @Test
    void aNewRunContinuesJustAfterTheLastPacketWhateverItsOwnClockSays() {
        SessionTimeline timeline = new SessionTimeline(2);
        timeline.startRun(10_000_000);
        timeline.map(VIDEO, 10_000_000, 10_000_000, 33_333);
        timeline.map(VIDEO, 11_966_667, 11_966_667, 33_333);
        timeline.map(AUDIO, 11_980_000, 11_980_000, 21_333);
        timeline.startRun(10_000_000);
        assertThat(timeline.map(VIDEO, 10_000_000, 10_000_000, 33_333)).isEqualTo(new SessionTimeline.Stamp(2001, 2001));
        assertThat(timeline.map(AUDIO, 9_000_000, 9_000_000, 21_333)).as("before the new run's keyframe").isNull();
    }

    @Test
    void convertsTicksToMicrosecondsWithoutOverflowingOnLongBroadcasts() {
        long thirtyDaysAt90k = 90_000L * 86_400 * 30;
        assertThat(SessionTimeline.micros(thirtyDaysAt90k, 1, 90_000)).isEqualTo(86_400L * 30 * 1_000_000);
        assertThat(SessionTimeline.micros(1, 1, 48_000)).isEqualTo(20);
        assertThat(SessionTimeline.micros(-3000, 1, 90_000)).isEqualTo(-33_334);
    }
}
