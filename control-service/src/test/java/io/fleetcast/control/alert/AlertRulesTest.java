package io.fleetcast.control.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on exact timelines: each condition gives one raise after its hold and one clear. */
class AlertRulesTest {

    private static final AlertLimits LIMITS = AlertLimits.defaults();
    private static final Uplink GOOD = new Uplink(3000, 50, 0.2, "HIGH");

    /** Feeds the samples in order and collects every change. */
    private static final class Run {
        AlertMemory memory = AlertMemory.empty();
        final List<Change> changes = new ArrayList<>();

        Run feed(Observation sample) {
            Verdict verdict = AlertRules.decide(memory, sample, LIMITS);
            memory = verdict.memory();
            changes.addAll(verdict.changes());
            return this;
        }

        /** Leaves out the request to clear an offline alert raised elsewhere (tested alone). */
        Run connect(long at) {
            Verdict verdict = AlertRules.decide(memory, new Observation(at, RobotLink.CONNECTED, false, null), LIMITS);
            memory = verdict.memory();
            changes.addAll(verdict.changes().stream().filter(change -> change.raised() || change.since() != 0).toList());
            return this;
        }

        /** One metrics message a second from {@code from} to {@code to} inclusive. */
        Run every(long from, long to, Uplink uplink) {
            for (long at = from; at <= to; at += 1000) {
                feed(Observation.metrics(at, uplink));
            }
            return this;
        }

        List<Change> of(AlertKind kind) {
            return changes.stream().filter(change -> change.kind() == kind).toList();
        }
    }

    @Test
    void veryLowQualityIsRaisedAfterThirtySecondsOnceAndClearedWhenItEnds() {
        Run run = new Run().connect(0).every(0, 9_000, GOOD)
                .every(10_000, 60_000, new Uplink(400, 80, 0.5, "VERY_LOW"))
                .every(61_000, 70_000, GOOD);

        assertThat(run.of(AlertKind.QUALITY_LOW)).containsExactly(
                new Change(AlertKind.QUALITY_LOW, true, 10_000, 40_000),
                new Change(AlertKind.QUALITY_LOW, false, 10_000, 61_000));
        assertThat(run.changes).allMatch(change -> change.kind() == AlertKind.QUALITY_LOW);
    }

    @Test
    void lossAboveFivePercentForLessThanThirtySecondsIsNoAlert() {
        Run run = new Run().connect(0).every(0, 29_000, new Uplink(3000, 50, 7.5, "MEDIUM"))
                .every(30_000, 40_000, GOOD);

        assertThat(run.changes).isEmpty();
    }

    @Test
    void lossExactlyAtTheLimitIsNoAlertButAboveItIs() {
        assertThat(new Run().connect(0).every(0, 40_000, new Uplink(3000, 50, 5.0, "HIGH")).changes).isEmpty();
        assertThat(new Run().connect(0).every(0, 40_000, new Uplink(3000, 50, 5.1, "HIGH"))
                .of(AlertKind.QUALITY_LOW)).hasSize(1);
    }

    @Test
    void rttOverOneSecondIsRaisedAfterItsHoldAndCleared() {
        Run run = new Run().connect(0).every(0, 20_000, new Uplink(3000, 1500, 0, "HIGH"))
                .every(21_000, 25_000, new Uplink(3000, 1000, 0, "HIGH"));

        assertThat(run.changes).containsExactly(
                new Change(AlertKind.HIGH_RTT, true, 0, 10_000),
                new Change(AlertKind.HIGH_RTT, false, 0, 21_000));
    }

    @Test
    void videoNotLiveWhenNoMetricsComeWhileConnected() {
        Run run = new Run().connect(0);
        for (long at = 500; at <= 12_000; at += 500) {
            run.feed(Observation.tick(at));
        }
        run.every(13_000, 14_000, GOOD);

        assertThat(run.changes).containsExactly(
                new Change(AlertKind.VIDEO_NOT_LIVE, true, 0, 10_000),
                new Change(AlertKind.VIDEO_NOT_LIVE, false, 0, 13_000));
    }

    @Test
    void videoNotLiveWhenMetricsReportNoThroughput() {
        Run run = new Run().connect(0).every(0, 5_000, GOOD).every(6_000, 17_000, new Uplink(0, 50, 0, "HIGH"));

        assertThat(run.changes).containsExactly(new Change(AlertKind.VIDEO_NOT_LIVE, true, 6_000, 16_000));
    }

    @Test
    void offlineWhileWatchedIsRaisedAtOnceAndClearedOnReconnect() {
        Run run = new Run().connect(0).every(0, 3_000, GOOD)
                .feed(new Observation(4_000, RobotLink.DISCONNECTED, true, null))
                .feed(Observation.tick(5_000)).feed(Observation.tick(60_000))
                .connect(61_000);

        assertThat(run.of(AlertKind.ROBOT_OFFLINE)).containsExactly(
                new Change(AlertKind.ROBOT_OFFLINE, true, 4_000, 4_000),
                new Change(AlertKind.ROBOT_OFFLINE, false, 4_000, 61_000));
    }

    @Test
    void offlineWithNobodyWatchingIsNoAlert() {
        Run run = new Run().connect(0).every(0, 3_000, GOOD)
                .feed(new Observation(4_000, RobotLink.DISCONNECTED, false, null))
                .feed(Observation.tick(30_000));

        assertThat(run.changes).isEmpty();
        assertThat(run.memory.idle()).isTrue();
    }

    @Test
    void aPresenceEventClearsAnOfflineAlertRaisedOnAWatchersInstance() {
        Run run = new Run().feed(new Observation(1_000, RobotLink.DISCONNECTED, true, null))
                .feed(Observation.tick(20_000))
                .feed(new Observation(30_000, RobotLink.SEEN_ONLINE, false, null))
                .feed(Observation.tick(60_000));

        assertThat(run.changes).containsExactly(
                new Change(AlertKind.ROBOT_OFFLINE, true, 1_000, 1_000),
                new Change(AlertKind.ROBOT_OFFLINE, false, 1_000, 30_000));
        assertThat(run.memory.idle()).as("a watcher's instance judges no metrics").isTrue();
    }

    @Test
    void aConnectionAsksToClearAnOfflineAlertSomeOtherInstanceMayHaveRaised() {
        Run run = new Run().feed(new Observation(5_000, RobotLink.CONNECTED, false, null));

        assertThat(run.changes).containsExactly(new Change(AlertKind.ROBOT_OFFLINE, false, 0, 5_000));
    }

    @Test
    void disconnectingEndsTheMetricsAlertsOfTheConnection() {
        Run run = new Run().connect(0).every(0, 31_000, new Uplink(3000, 50, 20, "LOW"))
                .feed(new Observation(32_000, RobotLink.DISCONNECTED, false, null));

        assertThat(run.changes).containsExactly(
                new Change(AlertKind.QUALITY_LOW, true, 0, 30_000),
                new Change(AlertKind.QUALITY_LOW, false, 0, 32_000));
    }

    @Test
    void limitsNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> new AlertLimits(120, Duration.ofSeconds(30), 1000,
                Duration.ofSeconds(10), Duration.ofSeconds(10))).hasMessageContaining("ALERT_LOSS_PCT")
                .hasMessageContaining("120");
    }
}
