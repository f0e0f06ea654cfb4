package io.fleetcast.control.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.control.protocol.Alert;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts each alert to {@code ALERT_WEBHOOK_URL} as JSON that chat webhooks accept
 * ({@code text} for Slack and Mattermost, {@code content} for Discord) with the alert itself
 * under {@code alert}. A network error, a 429 or a 5xx is retried after a delay that doubles;
 * another 4xx is not (the URL or the payload is wrong, retrying cannot help). Never logs the
 * URL, which carries the webhook's secret: only its host.
 */
final class AlertWebhook implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AlertWebhook.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final int attempts;
    private final Duration delay;
    private final ObjectMapper json;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("alert-webhook").factory());

    AlertWebhook(URI url, int attempts, Duration delay, ObjectMapper json) {
        this.url = url;
        this.attempts = attempts;
        this.delay = delay;
        this.json = json;
    }

    void send(Alert alert, ObjectNode frame) {
        ObjectNode body = json.createObjectNode();
        String text = (alert.active() ? "ALERT" : "RESOLVED") + " robot " + alert.robot() + ": " + alert.message();
        body.put("text", text).put("content", text).set("alert", frame);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        sender.execute(() -> attempt(request, alert, 1));
    }

    private void attempt(HttpRequest request, Alert alert, int attempt) {
        String problem;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 300) {
                failure.set(null);
                return;
            }
            if (status != 429 && status < 500) {
                failed("refused alert " + alert.id() + " with HTTP " + status + "; not retried");
                return;
            }
            problem = "HTTP " + status;
        } catch (IOException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= attempts) {
            failed("failed for alert " + alert.id() + " after " + attempt + " attempts: " + problem);
            return;
        }
        long wait = delay.toMillis() << (attempt - 1);
        LOG.log(Level.WARNING, "alert webhook at " + url.getHost() + " failed (" + problem + "); retry "
                + attempt + " in " + wait + " ms");
        if (!sender.isShutdown()) {
            sender.schedule(() -> attempt(request, alert, attempt + 1), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void failed(String what) {
        String reason = "webhook at " + url.getHost() + " " + what;
        failure.set(reason);
        LOG.log(Level.ERROR, "alert " + reason);
    }

    /** The last delivery's failure, or null when it went through (or none was tried yet). */
    String failure() {
        return failure.get();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        http.close();
    }
}
