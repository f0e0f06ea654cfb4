package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.media.retry.Backoff;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The robot's end of the control socket: relays commands to the robot link and answers them,
 * publishes the robot's state and the stream's metrics, and keeps reconnecting until closed.
 * One thread owns the socket; WebSocket callbacks and timers only hand work to it.
 */
public final class ControlClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ControlClient.class.getName());
    private static final Duration HEALTHY = Duration.ofMinutes(1);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int GOING_AWAY = 1001;

    private final ControlSettings settings;
    private final RobotLink robot;
    private final StreamStatus stream;
    private final Inbound inbound;
    private final Clock clock;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService loop;
    private final AtomicReference<ObjectNode> latestState = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    // Owned by the loop thread.
    private Session current;
    private int failures;
    private long openedAt;

    private ControlClient(ControlSettings settings, RobotLink robot, StreamStatus stream, QualityOverride quality,
                          Clock clock) {
        this.settings = settings;
        this.robot = robot;
        this.stream = stream;
        this.inbound = new Inbound(robot, quality, this::send);
        this.clock = clock;
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        this.loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "control-client-robot_" + settings.robotId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects in the background and keeps the socket up until {@link #close()}. The client
     * takes over {@code robot}'s state listener; it does not close {@code robot}.
     */
    public static ControlClient start(ControlSettings settings, RobotLink robot, StreamStatus stream,
                                      QualityOverride quality) {
        return start(settings, robot, stream, quality, Clock.systemUTC());
    }

    static ControlClient start(ControlSettings settings, RobotLink robot, StreamStatus stream,
                               QualityOverride quality, Clock clock) {
        ControlClient client = new ControlClient(settings, robot, stream, quality, clock);
        robot.onState(data -> client.latestState.set(Frames.state(clock.millis(), data)));
        long statePeriod = settings.statePeriod().toMillis();
        long metricsPeriod = settings.metricsPeriod().toMillis();
        client.loop.scheduleAtFixedRate(client.guarded("state", client::publishState), statePeriod, statePeriod,
                TimeUnit.MILLISECONDS);
        client.loop.scheduleAtFixedRate(client.guarded("metrics", client::publishMetrics), metricsPeriod,
                metricsPeriod, TimeUnit.MILLISECONDS);
        client.execute(client::connect);
        return client;
    }

    private void connect() {
        if (closed.get()) {
            return;
        }
        Session session = new Session();
        http.newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .subprotocols("fleetcast.v1", "key." + settings.streamKey())
                .buildAsync(settings.socketUri(), session)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        execute(() -> failed(error));
                    }
                });
    }

    private void opened(Session session, WebSocket socket) {
        if (closed.get()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "observer stopping");
            return;
        }
        session.socket = socket;
        current = session;
        openedAt = clock.millis();
        LOG.log(Level.INFO, "control socket open: " + settings.socketUri());
        send(Frames.hello());
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Duration delay;
        if (cause instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            // Retrying a refusal fast cannot help and looks like an attack: wait the longest delay.
            delay = backoff.delay(Integer.MAX_VALUE, ThreadLocalRandom.current());
            LOG.log(Level.WARNING, "control socket " + settings.socketUri() + " refused with " + status + " ("
                    + refusal(status) + "); retrying in " + delay.toMillis() + " ms");
        } else {
            delay = backoff.delay(failures++, ThreadLocalRandom.current());
            LOG.log(Level.INFO, "control socket " + settings.socketUri() + " unreachable (" + cause
                    + "); retrying in " + delay.toMillis() + " ms");
        }
        reconnectIn(delay);
    }

    private static String refusal(int status) {
        return switch (status) {
            case 401 -> "bad stream key";
            case 403 -> "this key may not open this robot";
            case 404 -> "unknown robot id";
            default -> "unexpected answer";
        };
    }

    private void dropped(Session session, String why, int code) {
        if (session != current) {
            return;
        }
        current = null;
        if (clock.millis() - openedAt >= HEALTHY.toMillis()) {
            failures = 0;
        }
        stopRobot();
        Duration delay = code == GOING_AWAY
                ? backoff.delay(0, ThreadLocalRandom.current())
                : backoff.delay(failures++, ThreadLocalRandom.current());
        LOG.log(Level.WARNING, "control socket " + settings.socketUri() + " lost (" + why + "); reconnecting in "
                + delay.toMillis() + " ms");
        reconnectIn(delay);
    }

    private void stopRobot() {
        try {
            robot.send(RobotCommand.stop("control_lost"));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not stop the robot after losing the control socket", e);
        }
    }

    private void reconnectIn(Duration delay) {
        if (closed.get()) {
            return;
        }
        try {
            loop.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: no reconnect wanted
        }
    }

    private void received(Session session, String text) {
        if (session == current) {
            inbound.handle(text);
        }
    }

    private void publishState() {
        if (current == null) {
            return;
        }
        ObjectNode state = latestState.getAndSet(null);
        if (state != null) {
            send(state);
        }
    }

    private void publishMetrics() {
        if (current != null) {
            stream.metrics().ifPresent(metrics -> send(Frames.metrics(clock.millis(), metrics)));
        }
    }

    private void send(ObjectNode frame) {
        Session session = current;
        if (session == null) {
            return;
        }
        try {
            session.socket.sendText(Frames.text(frame), true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            session.socket.abort();
            dropped(session, "sending " + frame.path("type").asText() + " failed: " + e, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: log and carry on.
                LOG.log(Level.ERROR, "control client " + what + " tick failed", e);
            }
        };
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: late socket callbacks have nothing left to do
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.submit(() -> {
                Session session = current;
                current = null;
                if (session != null) {
                    session.socket.sendClose(WebSocket.NORMAL_CLOSURE, "observer stopping")
                            .get(2, TimeUnit.SECONDS);
                }
                return null;
            }).get(3, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "control socket did not close cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdownNow();
            http.shutdownNow();
            try {
                loop.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One connection attempt's listener; frames of an older connection are recognised and dropped. */
    private final class Session implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            execute(() -> opened(this, webSocket));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                execute(() -> received(this, text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            execute(() -> dropped(this, "closed by the server with " + statusCode + " " + reason, statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            execute(() -> dropped(this, error.toString(), -1));
        }
    }
}
