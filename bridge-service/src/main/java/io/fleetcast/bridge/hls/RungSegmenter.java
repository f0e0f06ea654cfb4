package io.fleetcast.bridge.hls;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;

import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.media.Packet;
import io.fleetcast.media.format.OutputMedia;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Cuts one rung into MPEG-TS segments at keyframes and keeps its media playlist. One muxer
 * serves a whole run, moving to a new file at each cut, so timestamps and continuity
 * counters run on across segments as players expect. Audio is
 * shared by all rungs and arrives ahead of the video (the video encoders look ahead), so it
 * waits here and goes into whichever segment covers its timestamp.
 */
final class RungSegmenter implements AutoCloseable {
    /** Cut at a keyframe once this share of the target duration has passed. */
    private static final double CUT_SHARE = 0.9;
    /** Each segment starts with its own PAT/PMT so it can be decoded on its own. */
    private static final Map<String, String> RESEND_HEADERS = Map.of("mpegts_flags", "+resend_headers");

    private final String name;
    private final SegmentStore store;
    private final Path staging;
    private final double targetSeconds;
    private final MediaPlaylist playlist;
    private final ArrayDeque<Packet> audioQueue = new ArrayDeque<>();
    private final ArrayDeque<String> retired = new ArrayDeque<>();
    private final int listSize;
    private StreamDescription video;
    private StreamDescription audio;
    // Native copies made once per run: Rational.av() allocates, and this runs per packet.
    private org.bytedeco.ffmpeg.avutil.AVRational videoTimeBase;
    private org.bytedeco.ffmpeg.avutil.AVRational audioTimeBase;
    private OutputMedia segment;
    private Path segmentFile;
    private long sequence;
    private long stagedFiles;
    private double segmentStart;
    private double lastVideoEnd;
    private boolean discontinuityPending;
    private int segmentsThisRun;
    private String codecs;

    RungSegmenter(String name, SegmentStore store, Path staging, HlsSettings settings) {
        this.name = name;
        this.store = store;
        this.staging = staging;
        this.targetSeconds = settings.segmentSeconds();
        this.playlist = new MediaPlaylist(settings.segmentSeconds(), settings.listSize());
        this.listSize = settings.listSize();
    }

    void begin(StreamDescription videoStream, StreamDescription audioStream, boolean discontinuity) {
        this.video = videoStream;
        this.audio = audioStream;
        this.videoTimeBase = videoStream.timeBase().av();
        this.audioTimeBase = audioStream.timeBase().av();
        this.discontinuityPending = discontinuity && !playlist.isEmpty();
        this.segmentsThisRun = 0;
        this.codecs = null;
    }

    String playlistName() {
        return name + "/index.m3u8";
    }

    /** The codec string of the current run, known after its first keyframe. */
    String codecs() {
        return codecs;
    }

    int segmentsThisRun() {
        return segmentsThisRun;
    }

    StreamDescription video() {
        return video;
    }

    void writeVideo(Packet packet) {
        var av = packet.av();
        double pts = seconds(av.pts(), video);
        boolean key = (av.flags() & AV_PKT_FLAG_KEY) != 0;
        if (key && codecs == null) {
            codecs = AvcCodecs.fromAnnexB(av.data().capacity(av.size()).asByteBuffer());
        }
        if (key && (segment == null || pts - segmentStart >= targetSeconds * CUT_SHARE)) {
            flushAudio(pts);
            cut(pts);
        }
        if (segment == null) {
            return;
        }
        flushAudio(seconds(av.dts(), video));
        double duration = av.duration() > 0 ? seconds(av.duration(), video) : 1 / video.rung().frameRate().value();
        lastVideoEnd = Math.max(lastVideoEnd, pts + duration);
        try (Packet copy = packet.newReference()) {
            copy.av().stream_index(0);
            av_packet_rescale_ts(copy.av(), videoTimeBase, segment.av().streams(0).time_base());
            segment.write(copy);
        }
    }

    void queueAudio(Packet packet) {
        audioQueue.add(packet.newReference());
    }

    /** Closes the open segment at the end of a run. */
    void end() {
        if (segment != null) {
            flushAudio(Double.MAX_VALUE);
            closeLast(lastVideoEnd);
        }
        clearAudio();
    }

    /** Marks the playlist finished (no more segments will come). */
    void finishPlaylist() {
        if (!playlist.isEmpty()) {
            playlist.end();
            store.putMediaPlaylist(playlistName(), playlist.snapshot());
        }
    }

    /** Starts a segment at a keyframe: a new muxer after a run start, else the same one continued. */
    private void cut(double start) {
        Path next = staging.resolve(name + "-" + stagedFiles++ + ".ts");
        if (segment == null) {
            segment = new OutputMedia("mpegts", next.toString());
            try {
                segment.addStream(video.parameters().av(), video.timeBase());
                segment.addStream(audio.parameters().av(), audio.timeBase());
                segment.begin(Map.of());
            } catch (RuntimeException e) {
                segment.close();
                segment = null;
                throw e;
            }
        } else {
            Path finished = segmentFile;
            segment.continueInto(next.toString(), RESEND_HEADERS);
            publish(finished, start);
        }
        segmentFile = next;
        segmentStart = start;
    }

    /** Ends the run's last segment: the muxer is finished with its trailer. */
    private void closeLast(double end) {
        if (segment == null) {
            return;
        }
        try {
            segment.close();
        } finally {
            segment = null;
        }
        publish(segmentFile, end);
    }

    private void publish(Path file, double end) {
        String uri = "seg_" + sequence + ".ts";
        store.putSegment(name + "/" + uri, file);
        List<SegmentEntry> removed = playlist.add(
                new SegmentEntry(sequence, uri, Math.max(0, end - segmentStart), discontinuityPending));
        discontinuityPending = false;
        sequence++;
        segmentsThisRun++;
        store.putMediaPlaylist(playlistName(), playlist.snapshot());
        // A player may still fetch a segment that just left the window: keep as many again.
        for (SegmentEntry gone : removed) {
            retired.add(name + "/" + gone.uri());
        }
        while (retired.size() > listSize) {
            store.delete(retired.poll());
        }
    }

    private void flushAudio(double before) {
        while (!audioQueue.isEmpty() && seconds(audioQueue.peek().av().pts(), audio) < before) {
            try (Packet packet = audioQueue.poll()) {
                if (segment == null) {
                    continue;
                }
                packet.av().stream_index(1);
                av_packet_rescale_ts(packet.av(), audioTimeBase, segment.av().streams(1).time_base());
                segment.write(packet);
            }
        }
    }

    private void clearAudio() {
        while (!audioQueue.isEmpty()) {
            audioQueue.poll().close();
        }
    }

    private static double seconds(long ticks, StreamDescription stream) {
        return ticks * stream.timeBase().value();
    }

    @Override
    public void close() {
        try {
            if (segment != null) {
                segment.close();
                segment = null;
            }
        } finally {
            clearAudio();
        }
    }
}
