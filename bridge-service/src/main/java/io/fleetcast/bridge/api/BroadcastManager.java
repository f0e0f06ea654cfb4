package io.fleetcast.bridge.api;

import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.metrics.BroadcastMetrics;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the named broadcasts: starts them (several at once), stops them (twice is harmless),
 * and keeps a stopped one's last figures for its status. All its state is guarded by its own
 * lock; a watcher thread logs one structured line per state change.
 */
public final class BroadcastManager implements AutoCloseable {
    private static final Logger LOG = System.getLogger(BroadcastManager.class.getName());

    private final Launcher launcher;
    private final BridgeConfig config;
    private final Map<String, Entry> broadcasts = new LinkedHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("bridge-broadcasts").daemon().unstarted(r));
    private boolean closed;

    /** A broadcast's parts (null once stopped), its last figures, the state last logged. */
    private static final class Entry {
        Launcher.Running running;
        BroadcastMetrics last;
        String loggedState;
        Activity activity = new Activity();
    }

    /** The outcome of a start: {@code started} false when it was running already. */
    public record Started(BroadcastStatus status, boolean started) {
    }

    public BroadcastManager(Launcher launcher, BridgeConfig config) {
        this.launcher = launcher;
        this.config = config;
        watcher.scheduleWithFixedDelay(this::logStateChanges, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts {@code name} unless it is running. A running broadcast is left alone (the hooks
     * may call twice); one that ended or failed is started again. Validation comes first.
     */
    public synchronized Started start(String name, StartRequest request) {
        if (closed) {
            throw new IllegalStateException("the bridge is shutting down");
        }
        Entry existing = broadcasts.get(name);
        if (existing != null && existing.running != null && !request.overrides() && alive(existing)) {
            return new Started(status(name, existing), false);
        }
        BroadcastSpec spec = BroadcastSpec.resolve(name, request, config);
        Entry entry = broadcasts.computeIfAbsent(name, n -> new Entry());
        if (entry.running != null) {
            if (alive(entry)) {
                if (request.overrides()) {
                    throw ApiException.conflict("broadcast " + name + " is running; stop it to change its input,"
                            + " ladder or destinations");
                }
                return new Started(status(name, entry), false);
            }
            entry.last = entry.running.metrics();
            entry.running.close();
            entry.running = null;
        }
        entry.running = launcher.launch(spec);
        entry.activity = new Activity();
        entry.last = entry.running.metrics();
        logState(name, entry, "starting");
        return new Started(status(name, entry), true);
    }

    private static boolean alive(Entry entry) {
        String state = entry.running.metrics().state();
        return !state.equals("ended") && !state.equals("failed");
    }

    /** Stops {@code name}; stopping a stopped broadcast answers its status again. */
    public synchronized BroadcastStatus stop(String name) {
        Entry entry = broadcasts.get(name);
        if (entry == null) {
            throw ApiException.notFound("no broadcast named " + name);
        }
        if (entry.running != null) {
            Launcher.Running running = entry.running;
            entry.running = null;
            try {
                running.close();
            } finally {
                entry.last = running.metrics();
                logState(name, entry, "stopped");
            }
        }
        return status(name, entry);
    }

    public synchronized Optional<BroadcastStatus> status(String name) {
        Entry entry = broadcasts.get(name);
        return entry == null ? Optional.empty() : Optional.of(status(name, entry));
    }

    public synchronized List<BroadcastStatus> list() {
        List<BroadcastStatus> all = new ArrayList<>();
        broadcasts.forEach((name, entry) -> all.add(status(name, entry)));
        return all;
    }

    /** Each broadcast's latest figures, running or not, by name. */
    public synchronized Map<String, BroadcastMetrics> metrics() {
        Map<String, BroadcastMetrics> all = new LinkedHashMap<>();
        broadcasts.forEach((name, entry) -> all.put(name, figures(entry)));
        return all;
    }

    /** The health document's figures of each broadcast. */
    public synchronized List<BroadcastHealth> health() {
        List<BroadcastHealth> all = new ArrayList<>();
        broadcasts.forEach((name, entry) -> all.add(BroadcastHealth.of(name, status(name, entry).state(),
                figures(entry), entry.activity)));
        return all;
    }

    private static BroadcastMetrics figures(Entry entry) {
        return entry.running != null ? entry.running.metrics() : entry.last;
    }

    private static BroadcastStatus status(String name, Entry entry) {
        return BroadcastStatus.of(name, figures(entry), entry.running == null ? "stopped" : figures(entry).state());
    }

    private synchronized void logStateChanges() {
        broadcasts.forEach((name, entry) -> {
            if (entry.running != null) {
                BroadcastMetrics metrics = entry.running.metrics();
                entry.activity.sample(metrics, System.nanoTime());
                logState(name, entry, metrics.state());
            }
        });
    }

    /** One line per change, key=value, the input redacted and the error quoted. */
    private static void logState(String name, Entry entry, String state) {
        if (state.equals(entry.loggedState)) {
            return;
        }
        BroadcastMetrics m = figures(entry);
        LOG.log(state.equals("failed") ? Level.ERROR : Level.INFO, "broadcast_state broadcast=" + name
                + " state=" + state + " previous=" + (entry.loggedState == null ? "none" : entry.loggedState)
                + " input=" + m.input() + " encoder=" + m.encoder()
                + (m.lastError() == null || m.lastError().isEmpty() ? "" : " error=\"" + m.lastError().replace('"', '\'') + "\""));
        entry.loggedState = state;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.shutdownNow();
        List<String> names = new ArrayList<>(broadcasts.keySet());
        RuntimeException failure = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                stop(names.get(i));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
