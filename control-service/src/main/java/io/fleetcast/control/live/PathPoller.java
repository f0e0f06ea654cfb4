package io.fleetcast.control.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback for missed hooks: every {@code MEDIAMTX_POLL_SECONDS} it reads MediaMTX's
 * {@code GET /v3/paths/list} (all pages) and lets {@link LiveStatus} correct what differs.
 * A failed poll changes nothing (an unreachable MediaMTX is not "every robot offline").
 */
public final class PathPoller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PathPoller.class.getName());
    private static final Pattern ROBOT_PATH = Pattern.compile("robot_(\\d{1,18})");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int PAGE = 1000;

    private final String base;
    private final String authorization;
    private final LiveStatus live;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mediamtx-path-poll").factory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean failing;

    /** @param token the service credential MediaMTX's API asks the webhook about */
    public PathPoller(URI api, String token, LiveStatus live, Clock clock) {
        this.authorization = "Bearer " + token;
        String text = api.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.live = live;
        this.clock = clock;
    }

    public PathPoller start(Duration every) {
        timer.scheduleWithFixedDelay(this::pollQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One poll: how many states it corrected. Throws when MediaMTX cannot be read. */
    public int poll() {
        Instant now = clock.instant();
        return live.reconcile(livePaths(now), now);
    }

    /** Robot paths MediaMTX lists as available, with the time each became available. */
    Map<Long, Instant> livePaths(Instant now) {
        Map<Long, Instant> paths = new HashMap<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode body = get("/v3/paths/list?itemsPerPage=" + PAGE + "&page=" + page);
            pages = body.path("pageCount").asInt(1);
            for (JsonNode item : body.path("items")) {
                Matcher name = ROBOT_PATH.matcher(item.path("name").asText(""));
                // v1.20 says "available"; older releases said "ready".
                boolean available = item.has("available") ? item.path("available").asBoolean()
                        : item.path("ready").asBoolean();
                if (name.matches() && available) {
                    String since = item.has("availableTime") ? item.path("availableTime").asText(null)
                            : item.path("readyTime").asText(null);
                    paths.put(Long.parseLong(name.group(1)), instant(since, now));
                }
            }
        }
        return paths;
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("MediaMTX GET " + path + " answered " + response.statusCode());
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("MediaMTX GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted polling MediaMTX", e);
        }
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private void pollQuietly() {
        try {
            poll();
            if (failing) {
                LOG.log(Level.INFO, "polling MediaMTX paths works again");
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "polling MediaMTX paths failed (logged once until it works): " + e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.shutdownNow();
            http.close();
        }
    }
}
