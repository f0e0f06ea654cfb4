package io.fleetcast.control.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The owner alerts as a pure function: {@code (memory, observation, limits) -> verdict}. A
 * condition must hold for its limit's duration before it is raised, and it is cleared as soon
 * as it ends, so one episode gives one raise and one clear however many samples it spans.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static Verdict decide(AlertMemory memory, Observation sample, AlertLimits limits) {
        long at = sample.at();
        boolean connected = switch (sample.link()) {
            case CONNECTED -> true;
            case DISCONNECTED -> false;
            case SEEN_ONLINE, UNCHANGED -> memory.connected();
        };
        boolean online = connected || sample.link() == RobotLink.SEEN_ONLINE;
        // A new connection starts from a clean report; a closed one keeps none.
        Uplink uplink = sample.uplink() != null ? sample.uplink()
                : sample.link() == RobotLink.CONNECTED || sample.link() == RobotLink.DISCONNECTED ? null
                : memory.uplink();
        long uplinkAt = sample.uplink() != null ? at : uplink == null ? 0 : memory.uplinkAt();
        boolean fresh = uplink != null && at - uplinkAt <= limits.videoHold().toMillis();

        Map<AlertKind, Long> holding = AlertMemory.mutable(memory.holding());
        Map<AlertKind, Long> raised = AlertMemory.mutable(memory.raised());
        List<Change> changes = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            boolean holds = switch (kind) {
                case ROBOT_OFFLINE -> raised.containsKey(kind) ? !online
                        : sample.link() == RobotLink.DISCONNECTED && sample.watched();
                case VIDEO_NOT_LIVE -> connected && !(fresh && uplink.throughputKbps() > 0);
                case QUALITY_LOW -> connected && fresh
                        && ("VERY_LOW".equals(uplink.state()) || uplink.lossPct() > limits.lossPct());
                case HIGH_RTT -> connected && fresh && uplink.rttMs() > limits.rttMs();
            };
            if (holds) {
                long since = holding.computeIfAbsent(kind, k -> at);
                if (!raised.containsKey(kind) && at - since >= limits.hold(kind).toMillis()) {
                    raised.put(kind, since);
                    changes.add(new Change(kind, true, since, at));
                }
            } else {
                holding.remove(kind);
                Long since = raised.remove(kind);
                if (since != null) {
                    changes.add(new Change(kind, false, since, at));
                } else if (kind == AlertKind.ROBOT_OFFLINE && sample.link() == RobotLink.CONNECTED) {
                    // Another instance, one that had watchers, may have raised it: the shared
                    // episode decides whether there is anything to clear.
                    changes.add(new Change(kind, false, 0, at));
                }
            }
        }
        return new Verdict(new AlertMemory(connected, uplink, uplinkAt, holding, raised), changes);
    }
}
