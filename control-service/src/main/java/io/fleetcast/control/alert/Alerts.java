package io.fleetcast.control.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.control.health.Part;
import io.fleetcast.control.protocol.Alert;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.protocol.Metrics;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import redis.clients.jedis.UnifiedJedis;

/**
 * This instance's owner alerts: the signals its sockets see (a robot connecting or going, a
 * presence event, a metrics message) and a clock tick become {@link Observation}s that
 * {@link AlertRules} judges per robot. The memories are owned by one thread. A raise or a
 * clear is announced only by the instance that wins its {@link Episodes} key: to the owner's
 * sockets, into the robot's history and to the webhook when one is set.
 */
public final class Alerts implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());
    private static final long TICK_MILLIS = 500;

    private final AlertSettings settings;
    private final Episodes episodes;
    private final OwnerNotices owners;
    private final MessageCodec codec;
    private final Clock clock;
    private final Optional<AlertWebhook> webhook;
    private final Map<Long, AlertMemory> memories = new HashMap<>();
    private final ScheduledExecutorService judge = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("owner-alerts").factory());
    private final AtomicBoolean closed = new AtomicBoolean();

    public Alerts(AlertSettings settings, UnifiedJedis redis, OwnerNotices owners,
                  MessageCodec codec, Clock clock) {
        this.settings = settings;
        this.episodes = new Episodes(redis);
        this.owners = owners;
        this.codec = codec;
        this.clock = clock;
        this.webhook = settings.webhook().map(url -> new AlertWebhook(url, settings.webhookAttempts(),
                settings.retryDelay(), codec.json()));
        LOG.log(Level.INFO, "owner alerts: " + settings.limits() + "; webhook " + settings.webhookStatus());
        judge.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The robot's socket opened on this instance. */
    public void connected(long robot) {
        observe(robot, at -> new Observation(at, RobotLink.CONNECTED, false, null));
    }

    /** The robot's socket on this instance went away. */
    public void disconnected(long robot) {
        observe(robot, at -> new Observation(at, RobotLink.DISCONNECTED, false, null));
    }

    /** A presence event reached this instance's watchers of the robot. */
    public void presence(long robot, boolean online) {
        observe(robot, at -> new Observation(at, online ? RobotLink.SEEN_ONLINE : RobotLink.DISCONNECTED,
                !online, null));
    }

    public void metrics(long robot, Metrics metrics) {
        Uplink uplink = Uplink.of(metrics);
        observe(robot, at -> Observation.metrics(at, uplink));
    }

    /** The robot's latest alerts, newest first, as the frames its owner received. */
    public List<String> history(long robot) {
        return episodes.history(robot);
    }

    /** The webhook's line in {@code /health}. */
    public Part webhook() {
        return webhook.map(hook -> hook.failure() == null ? Part.UP : Part.down(hook.failure())).orElse(Part.OFF);
    }

    private void observe(long robot, LongFunction<Observation> sample) {
        if (closed.get()) {
            return;
        }
        try {
            judge.execute(() -> judge(robot, sample.apply(clock.millis())));
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the instance is going away, its sockets with it.
        }
    }

    private void tick() {
        long at = clock.millis();
        List.copyOf(memories.keySet()).forEach(robot -> judge(robot, Observation.tick(at)));
    }

    private void judge(long robot, Observation sample) {
        try {
            Verdict verdict = AlertRules.decide(memories.getOrDefault(robot, AlertMemory.empty()), sample,
                    settings.limits());
            if (verdict.memory().idle()) {
                memories.remove(robot);
            } else {
                memories.put(robot, verdict.memory());
            }
            verdict.changes().forEach(change -> announce(robot, change));
        } catch (RuntimeException e) {
            // Redis unreachable, most likely: the next sample tries again.
            LOG.log(Level.WARNING, "judging alerts of robot " + robot + " failed", e);
        }
    }

    private void announce(long robot, Change change) {
        Optional<Episodes.Episode> episode = change.raised()
                ? episodes.open(robot, change.kind(), change.since())
                : episodes.close(robot, change.kind());
        if (episode.isEmpty()) {
            return;
        }
        Alert alert = new Alert(episode.get().id(), robot, change.kind().wire(), change.raised(),
                episode.get().since(), change.at(), change.kind().summary());
        String frame = codec.encode(alert);
        LOG.log(Level.INFO, "robot {0}: alert {1} {2}", robot, alert.kind(), alert.active() ? "raised" : "cleared");
        owners.toOwners(robot, frame);
        episodes.remember(robot, frame);
        ObjectNode tree = codec.tree(alert);
        webhook.ifPresent(hook -> hook.send(alert, tree));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            judge.shutdownNow();
            webhook.ifPresent(AlertWebhook::close);
        }
    }
}
