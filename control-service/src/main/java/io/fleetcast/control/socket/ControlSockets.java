package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.queue.DeadlineTicker;
import io.fleetcast.control.queue.PlayroomQueue;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * The control plane's real-time half, built once per instance: control sockets, the Redis
 * relay between instances, and the playroom queue with its deadline ticker.
 */
public final class ControlSockets implements AutoCloseable {

    private final RedisClient redis;
    private final Hub hub;
    private final RobotPresence presence;
    private final PlayroomQueue queue;
    private final DeadlineTicker ticker;
    private final Wiring wiring;
    private final ControlAccess access;
    private final SocketSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    public ControlSockets(ControlAccess access, RedisAddress address, SocketSettings settings,
            QueueSettings queueSettings, Clock clock) {
        this.access = access;
        this.settings = settings;
        MessageCodec codec = new MessageCodec();
        this.redis = address.client();
        this.hub = new Hub(codec, address);
        this.presence = new RobotPresence(redis, hub::localRobots);
        this.queue = new PlayroomQueue(redis, queueSettings, clock);
        this.ticker = new DeadlineTicker(queue, hub, queueSettings);
        this.wiring = new Wiring(codec, new Admission(access), hub, queue, presence,
                new CommandRate(settings.commandRate(), settings.commandBurst(), System::nanoTime),
                settings, new AtomicLong());
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
                .get("/control/{robot}", refusedUpgrade());
    }

    /** {@code GET /api/robots/{id}/queue}. */
    public Handler queueStatus() {
        return new QueueResource(access, queue, wiring.codec());
    }

    /** {@code GET /control/{robot}} when the WebSocket upgrade was refused. */
    public Handler refusedUpgrade() {
        return new RefusedUpgrade(wiring.admission(), wiring.codec().json());
    }

    public PlayroomQueue queue() {
        return queue;
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
        redis.close();
    }
}
