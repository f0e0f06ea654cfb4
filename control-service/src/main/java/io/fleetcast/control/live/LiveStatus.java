package io.fleetcast.control.live;

import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.robot.RobotVideo;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which robots are live, from two sources that heal each other: MediaMTX's hooks (at once) and
 * the poll of its path list (a missed hook is corrected within one poll). Each change is stored
 * once and announced by the instance that made it.
 */
public final class LiveStatus implements RobotVideo {
    private static final System.Logger LOG = System.getLogger(LiveStatus.class.getName());

    private final VideoStates states;
    private final VideoAnnouncer announcer;

    public LiveStatus(VideoStates states, VideoAnnouncer announcer) {
        this.states = states;
        this.announcer = announcer;
    }

    /** Returns the new state when this call changed it. */
    public Optional<Video> set(long robot, boolean live, Instant since) {
        Optional<Video> changed = states.set(robot, live, since);
        changed.ifPresent(video -> {
            LOG.log(Level.INFO, "robot {0} video {1} since {2}", robot, live ? "live" : "offline", video.since());
            announcer.videoChanged(robot, video);
        });
        return changed;
    }

    /** {@code live}: every robot path MediaMTX lists as available, with the time it became so. */
    public int reconcile(Map<Long, Instant> live, Instant now) {
        int changes = 0;
        for (Map.Entry<Long, Instant> path : live.entrySet()) {
            changes += set(path.getKey(), true, path.getValue()).isPresent() ? 1 : 0;
        }
        Set<Long> believed = states.live();
        for (long robot : believed) {
            if (!live.containsKey(robot)) {
                changes += set(robot, false, now).isPresent() ? 1 : 0;
            }
        }
        if (changes > 0) {
            LOG.log(Level.INFO, "the MediaMTX path list corrected {0} robot video states (a hook was missed)", changes);
        }
        return changes;
    }

    @Override
    public Video of(long robot) {
        return states.of(robot);
    }

    @Override
    public Map<Long, Video> of(Collection<Long> robots) {
        return states.of(robots);
    }
}
