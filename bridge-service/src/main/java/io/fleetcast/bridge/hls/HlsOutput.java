package io.fleetcast.bridge.hls;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.OutputHealth;
import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.media.Packet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptive HLS: one MPEG-TS media playlist per rung plus the master playlist, written into a
 * {@link SegmentStore}. Playlists continue across reconnects with a discontinuity. The master
 * is (re)written once every rung of a run has its first segment, so it never points at a
 * playlist that does not exist yet and its CODECS come from the real streams.
 */
public final class HlsOutput implements Output {
    public static final String MASTER = "master.m3u8";
    /** MPEG-TS packaging adds about this share on top of the elementary streams. */
    private static final double CONTAINER_OVERHEAD = 1.1;

    private final SegmentStore store;
    private final Path staging;
    private final HlsSettings settings;
    private final Map<String, RungSegmenter> segmenters = new LinkedHashMap<>();
    private List<RungSegmenter> current = List.of();
    private StreamDescription audio;
    private boolean masterPending;
    private boolean closed;

    public HlsOutput(SegmentStore store, Path staging, HlsSettings settings) {
        this.store = store;
        this.staging = staging;
        this.settings = settings;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create HLS staging directory " + staging, e);
        }
    }

    @Override
    public void begin(List<StreamDescription> streams, boolean discontinuity) {
        List<RungSegmenter> run = new ArrayList<>();
        audio = streams.stream().filter(StreamDescription::isAudio).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("HLS needs an audio stream"));
        for (StreamDescription stream : streams) {
            if (!stream.isAudio()) {
                RungSegmenter segmenter = segmenters.computeIfAbsent(stream.rung().name(),
                        name -> new RungSegmenter(name, store, staging, settings));
                segmenter.begin(stream, audio, discontinuity);
                run.add(segmenter);
            }
        }
        current = List.copyOf(run);
        masterPending = true;
    }

    @Override
    public void write(StreamDescription stream, Packet packet) {
        if (stream.isAudio()) {
            for (RungSegmenter segmenter : current) {
                segmenter.queueAudio(packet);
            }
            return;
        }
        current.get(stream.index()).writeVideo(packet);
        if (masterPending && current.stream().allMatch(s -> s.segmentsThisRun() > 0)) {
            writeMaster();
        }
    }

    @Override
    public void end() {
        for (RungSegmenter segmenter : current) {
            segmenter.end();
        }
        if (masterPending && current.stream().allMatch(s -> s.segmentsThisRun() > 0)) {
            writeMaster();
        }
    }

    private void writeMaster() {
        List<Variant> variants = new ArrayList<>();
        long audioRate = audio.parameters().av().bit_rate();
        for (RungSegmenter segmenter : current) {
            var rung = segmenter.video().rung();
            String codecs = (segmenter.codecs() == null ? "avc1.640028" : segmenter.codecs()) + "," + AvcCodecs.AAC_LC;
            variants.add(new Variant(segmenter.playlistName(),
                    Math.round((rung.maxRate() + audioRate) * CONTAINER_OVERHEAD),
                    Math.round((rung.bitRate() + audioRate) * CONTAINER_OVERHEAD),
                    rung.width(), rung.height(), codecs, rung.frameRate().value()));
        }
        store.putPlaylist(MASTER, MasterPlaylist.text(variants));
        masterPending = false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RungSegmenter segmenter : segmenters.values()) {
            segmenter.close();
            segmenter.finishPlaylist();
        }
    }

    @Override
    public String part() {
        return store.part();
    }

    @Override
    public OutputHealth health() {
        String failure = store.failure();
        return new OutputHealth(failure.isEmpty() ? "live" : "backoff", 0, failure, store.counts());
    }

    @Override
    public String toString() {
        return "HLS to " + store;
    }
}
