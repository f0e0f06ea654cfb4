package io.fleetcast.control.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package) in its own process: scrapes one
 * target every second and evaluates the given rules every second. Its alerts are read from its
 * HTTP API. Closing kills it.
 */
public final class Prometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    public Prometheus(Path dir, String job, URI target, String rules) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("rules.yml"), rules);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: %s
                    static_configs:
                      - targets: ["%s"]
                """.formatted(job, target.getHost() + ":" + target.getPort()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        api = URI.create("http://127.0.0.1:" + port);
        process = new ProcessBuilder(tool("prometheus").toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(100);
        }
    }

    /** A tool of Debian's prometheus package, or a failure that says to install it. */
    public static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " not found on PATH: install the Debian package prometheus "
                + "(apt-get install prometheus; .ci/run installs it)");
    }

    /** Runs {@code promtool} with the arguments; its exit code and output. */
    public static ToolResult promtool(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("promtool").toString()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ToolResult(run.waitFor(), output);
    }

    public record ToolResult(int exitCode, String output) {
    }

    /** The alerts now pending or firing: name and state. */
    public List<String> alerts() throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/alerts"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        for (JsonNode alert : JSON.readTree(reply.body()).path("data").path("alerts")) {
            out.add(alert.path("labels").path("alertname").asText() + " " + alert.path("state").asText());
        }
        return out;
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(api.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
