package io.fleetcast.control.socket;

import io.fleetcast.control.alert.AlertSettings;
import io.fleetcast.control.alert.Alerts;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.queue.DeadlineTicker;
import io.fleetcast.control.queue.PlayroomQueue;
import io.fleetcast.control.queue.QueueChanges;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.lang.System.Logger.Level;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * The control plane's real-time half, built once per instance: control sockets, the Redis
 * relay between instances, and the playroom queue with its deadline ticker.
 */
public final class ControlSockets implements AutoCloseable {
    /** Close code for a socket whose token was taken back; reconnecting with it is refused. */
    public static final int REVOKED = 4401;
    private static final System.Logger LOG = System.getLogger(ControlSockets.class.getName());

    private final RedisClient redis;
    private final Alerts alerts;
    private final Hub hub;
    private final RobotPresence presence;
    private final PlayroomQueue queue;
    private final DeadlineTicker ticker;
    private final Wiring wiring;
    private final ControlAccess access;
    private final SocketSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    public ControlSockets(ControlAccess access, RedisAddress address, SocketSettings settings,
            QueueSettings queueSettings, Clock clock, VideoLookup videos) {
        this(access, address, settings, queueSettings, AlertSettings.defaults(), new SimpleMeterRegistry(), clock,
                videos);
    }

    /** {@code registry} gets {@code fleetcast_relay_publish_seconds}, the relay's own latency. */
    public ControlSockets(ControlAccess access, RedisAddress address, SocketSettings settings,
            QueueSettings queueSettings, AlertSettings alertSettings, MeterRegistry registry, Clock clock,
            VideoLookup videos) {
        this.access = access;
        this.settings = settings;
        MessageCodec codec = new MessageCodec();
        // Sockets opening at once each make a short call or two, and a call holds its connection
        // until its virtual thread is scheduled again: a burst of opening sockets needs many.
        this.redis = address.client(64);
        // The hub exists by the time the first alert is announced (the judge runs later).
        this.alerts = new Alerts(alertSettings, redis, this::toOwners, codec, clock);
        Timer relayed = Timer.builder("fleetcast_relay_publish")
                .description("from a frame handed to the relay to Redis confirming its publication")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        this.hub = new Hub(codec, address, settings.relaySubscribers(), videos, alerts,
                nanos -> relayed.record(nanos, TimeUnit.NANOSECONDS));
        this.presence = new RobotPresence(redis, hub::localRobots, hub::believedOnlineElsewhere,
                hub::wentOfflineUnannounced);
        this.queue = new PlayroomQueue(redis, queueSettings, clock);
        this.ticker = new DeadlineTicker(queue, hub, queueSettings);
        this.wiring = new Wiring(codec, new Admission(access), hub, queue, presence,
                new CommandRate(settings.commandRate(), settings.commandBurst(), System::nanoTime),
                settings, new AtomicLong(), alerts);
    }

    /** {@code WS /control/robot_{id}}. */
    public WsRouting.Builder websocketRouting() {
        return WsRouting.builder().endpoint("/control/{robot}", () -> new ControlEndpoint(wiring));
    }

    /** Frames above the message limit are closed with 1009 by the server itself. */
    public WsConfig websocketProtocol() {
        return WsConfig.builder().name("websocket").maxFrameLength(settings.maxMessageBytes())
                .build();
    }

    /** The HTTP side: the queue for the UI, and clear statuses for refused upgrades. */
    public void routes(HttpRouting.Builder routing) {
        routing.get("/api/robots/{id}/queue", queueStatus())
                .get("/api/robots/{id}/alerts", alertHistory())
                .get("/control/{robot}", refusedUpgrade());
    }

    /** {@code GET /api/robots/{id}/queue}. */
    public Handler queueStatus() {
        return new QueueResource(access, queue, wiring.codec());
    }

    /** {@code GET /api/robots/{id}/alerts}: the owner's alert history of the robot. */
    public Handler alertHistory() {
        return new AlertHistory(access, alerts, wiring.codec());
    }

    /** {@code GET /control/{robot}} when the WebSocket upgrade was refused. */
    public Handler refusedUpgrade() {
        return new RefusedUpgrade(wiring.admission(), wiring.codec().json());
    }

    /**
     * Closes (4401) this instance's sockets of the user whose token no longer counts: logged
     * out, password changed, account disabled. Called on every instance for each account change.
     */
    public void closeRevoked(long userId) {
        closeRevoked(hub.userLinks(userId));
    }

    /** After a lost account-change subscription: checks every user socket held here. */
    public void closeAllRevoked() {
        closeRevoked(hub.userLinks(null));
    }

    private void closeRevoked(List<Link> links) {
        for (Link link : links) {
            boolean valid;
            try {
                valid = access.userForToken(link.admitted().token()).equals(Optional.of(link.user()));
            } catch (RuntimeException e) {
                // Cannot tell (PostgreSQL down): keep it rather than drop every socket in an
                // outage; the next change of this user rechecks it.
                LOG.log(Level.WARNING, "cannot recheck the token of socket " + link.id(), e);
                valid = true;
            }
            if (!valid) {
                LOG.log(Level.INFO, "closing control socket {0} of user {1} on robot {2}: token revoked",
                        link.id(), link.user(), link.robot());
                link.close(REVOKED, "credentials revoked: sign in again");
            }
        }
    }

    /** The robot's media path started or stopped publishing: a {@code presence} event to its viewers. */
    public void videoChanged(long robot, Video video) {
        hub.video(robot, presence.online(robot), video);
    }

    public PlayroomQueue queue() {
        return queue;
    }

    /** Where a queue change made outside a socket (an operator's override) is announced. */
    public QueueChanges queueChanges() {
        return hub;
    }

    private void toOwners(long robot, String frame) {
        hub.toOwners(robot, frame);
    }

    public Alerts alerts() {
        return alerts;
    }

    /** Sockets held by this instance. */
    public int sockets() {
        return hub.sockets();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.close();
        presence.close();
        hub.close();
        alerts.close();
        redis.close();
    }
}
