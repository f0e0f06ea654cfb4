package io.fleetcast.bridge.restream;

import io.fleetcast.bridge.broadcast.StreamDescription;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Which video stream a destination sends: the named rung, else (said once) the top one. Thread-safe. */
final class RungChoice {
    private static final Logger LOG = System.getLogger(RungChoice.class.getName());

    private final String rung;
    private final String destination;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param rung the rung's name ("720p"), null for the top one */
    RungChoice(String rung, String destination) {
        this.rung = rung;
        this.destination = destination;
    }

    /** The run's sound, which every destination sends with its picture. */
    static StreamDescription sound(List<StreamDescription> streams) {
        return streams.stream().filter(StreamDescription::isAudio).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a restream needs an audio stream"));
    }

    StreamDescription pick(List<StreamDescription> streams) {
        List<StreamDescription> rungs = streams.stream().filter(s -> !s.isAudio()).toList();
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("a restream needs a video stream");
        }
        if (rung == null) {
            return rungs.get(0);
        }
        for (StreamDescription candidate : rungs) {
            if (candidate.rung().name().equals(rung)) {
                return candidate;
            }
        }
        if (!warned.getAndSet(true)) {
            LOG.log(Level.WARNING, "{0}: rung {1} is not in this run (the source is smaller?), sending {2}",
                    destination, rung, rungs.get(0).rung().name());
        }
        return rungs.get(0);
    }
}
