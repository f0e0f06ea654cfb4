package io.fleetcast.control.recording;

import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.http.BadInputException;
import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Ids;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.http.UnavailableException;
import io.fleetcast.control.mediamtx.HookSecret;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The recordings API: the hook that indexes a stored segment, and for the owner and users
 * granted view the continuous spans of a time range and a VOD playlist over it.
 */
public final class RecordingRoutes {
    private static final System.Logger LOG = System.getLogger(RecordingRoutes.class.getName());
    /** Most segments one playlist holds (a day and a half of one-minute segments). */
    static final int PLAYLIST_LIMIT = 2000;
    private static final int LIST_LIMIT = 100_000;

    private final Recordings recordings;
    private final Optional<SegmentStore> store;
    private final Duration urlLifetime;
    private final AccessCache access;
    private final HookSecret hooks;
    private final Bearer bearer;
    private final Json json;

    public RecordingRoutes(Recordings recordings, Optional<SegmentStore> store, Duration urlLifetime,
                           AccessCache access, HookSecret hooks, Bearer bearer, Json json) {
        this.recordings = recordings;
        this.store = store;
        this.urlLifetime = urlLifetime;
        this.access = access;
        this.hooks = hooks;
        this.bearer = bearer;
        this.json = json;
    }

    /** {@code POST /internal/recordings}: 201 indexed, 200 already indexed (the hook retried). */
    public void index(ServerRequest req, ServerResponse res) {
        hooks.require(req);
        SegmentReport report = json.read(req, SegmentReport.class);
        long robot = report.robotId();
        Segment segment = report.segment();
        switch (recordings.add(robot, segment)) {
            case INDEXED -> {
                LOG.log(Level.DEBUG, "indexed recording {0} of robot {1}", segment.key(), robot);
                json.send(res, Status.CREATED_201, new IndexedView(robot, segment.key(), true));
            }
            case ALREADY_INDEXED -> json.send(res, Status.OK_200, new IndexedView(robot, segment.key(), false));
            case NO_SUCH_ROBOT -> throw new NotFoundException("robot " + robot + " does not exist");
            case KEY_OF_ANOTHER_ROBOT -> throw new ConflictException("key " + segment.key()
                    + " is already indexed for another robot", null);
        }
    }

    /** {@code GET /api/robots/{id}/recordings?from&to}. */
    public void list(ServerRequest req, ServerResponse res) {
        long robot = viewable(req);
        TimeRange range = TimeRange.of(req);
        List<Segment> segments = recordings.overlapping(robot, range.from(), range.to(), LIST_LIMIT);
        json.send(res, Status.OK_200, new SpansView(robot, Span.of(segments).stream().map(SpanView::of).toList()));
    }

    /** {@code GET /api/robots/{id}/recordings.m3u8?from&to}: whole segments overlapping the range. */
    public void playlist(ServerRequest req, ServerResponse res) {
        long robot = viewable(req);
        TimeRange range = TimeRange.of(req);
        SegmentStore segments = store.orElseThrow(() -> new UnavailableException(
                "recordings cannot be played: set RECORDINGS_S3_BUCKET or RECORDINGS_DIR", null));
        List<Segment> found = recordings.overlapping(robot, range.from(), range.to(), PLAYLIST_LIMIT + 1);
        if (found.isEmpty()) {
            throw new NotFoundException("robot " + robot + " has nothing recorded between " + range.from()
                    + " and " + range.to());
        }
        if (found.size() > PLAYLIST_LIMIT) {
            throw new BadInputException("the range holds more than " + PLAYLIST_LIMIT
                    + " segments; narrow from/to");
        }
        String text = VodPlaylist.of(found, segment -> segments.playbackUrl(segment.key(), urlLifetime));
        // The URLs inside expire: never cache the playlist.
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_TYPE, "application/vnd.apple.mpegurl");
        res.status(Status.OK_200).send(text.getBytes(StandardCharsets.UTF_8));
    }

    private long viewable(ServerRequest req) {
        Principal caller = bearer.require(req);
        long robot = Ids.pathId(req, "id");
        RobotAccess found = access.robot(robot)
                .orElseThrow(() -> new NotFoundException("robot " + robot + " does not exist"));
        if (!found.allows(caller.userId(), Permission.VIEW)) {
            throw new ForbiddenException("robot " + robot + " is not yours and you were not granted view");
        }
        return robot;
    }
}
