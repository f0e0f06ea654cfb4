package io.fleetcast.bridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** New segments of a media playlist as they appear: the longest wait beyond a segment's length. */
public final class PlaylistWatch {
    private final Path playlist;
    private final List<Long> arrivals = new ArrayList<>();
    private String lastSegment = "";

    public PlaylistWatch(Path playlist) {
        this.playlist = playlist;
    }

    public void poll() throws Exception {
        if (!Files.exists(playlist)) {
            return;
        }
        List<String> lines = Files.readAllLines(playlist);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.endsWith(".ts")) {
                if (!line.equals(lastSegment)) {
                    lastSegment = line;
                    arrivals.add(System.nanoTime());
                }
                return;
            }
        }
    }

    public long maxGapMs(double segmentSeconds) {
        long gap = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            gap = Math.max(gap, (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000 - (long) (segmentSeconds * 1000));
        }
        return Math.max(0, gap);
    }
}
