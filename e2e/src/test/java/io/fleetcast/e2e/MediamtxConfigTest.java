package io.fleetcast.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcast.stack.Repository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code mediamtx/mediamtx.yml} against what MediaMTX v1.20.1 accepts (it refuses unknown keys
 * at start) and against the routes it calls: the auth webhook of the control service, the
 * bridge's broadcast routes in the playroom hooks. Nothing skips the webhook, which listens
 * on the control service's internal port, never published.
 */
class MediamtxConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path REFERENCE = Repository.root().resolveSibling("shared/reference/mediamtx-v1.20.1.yml");

    @Test
    void everyKeyIsOneMediamtxAccepts() throws IOException {
        Keys known = Keys.committed();
        JsonNode config = YAML.readTree(Repository.root().resolve("mediamtx/mediamtx.yml").toFile());
        assertThat(names(config)).as("top-level keys").isSubsetOf(known.top());
        for (JsonNode path : iterable(config.path("paths"))) {
            assertThat(names(path)).as("path keys").isSubsetOf(known.path());
        }
    }

    @Test
    void theCommittedKeyListIsTheReferencesOwn() throws IOException {
        Assumptions.assumeTrue(Files.exists(REFERENCE), "MediaMTX's reference configuration is not beside the repository");
        JsonNode reference = YAML.readTree(REFERENCE.toFile());
        Keys committed = Keys.committed();
        assertThat(committed.top()).containsExactlyInAnyOrderElementsOf(names(reference));
        assertThat(committed.path()).containsExactlyInAnyOrderElementsOf(names(reference.path("pathDefaults")));
    }

    @Test
    void authGoesToTheControlServicesWebhook() throws IOException {
        JsonNode config = YAML.readTree(Repository.root().resolve("mediamtx/mediamtx.yml").toFile());
        assertThat(config.path("authMethod").asText()).isEqualTo("http");
        assertThat(URI.create(config.path("authHTTPAddress").asText()).getPath()).isEqualTo("/internal/auth");
        assertThat(source("control-service", "Main.java")).contains("\"/internal/auth\"");
        List<String> excluded = new ArrayList<>();
        config.path("authHTTPExclude").forEach(rule -> excluded.add(rule.path("action").asText()));
        assertThat(excluded).as("publish, read and playback always ask the control service")
                .doesNotContain("publish", "read", "playback");
    }

    @Test
    void theControlApiAndMetricsAskTheWebhookToo() throws IOException {
        JsonNode config = YAML.readTree(Repository.root().resolve("mediamtx/mediamtx.yml").toFile());
        List<String> excluded = new ArrayList<>();
        config.path("authHTTPExclude").forEach(rule -> excluded.add(rule.path("action").asText()));
        assertThat(excluded).as("deny by default: nothing skips the webhook").doesNotContain("api", "metrics", "pprof");
        assertThat(config.path("pprof").asBoolean(false)).isFalse();
        assertThat(source("control-service", "MediaMtxApi.java")).contains("\"Authorization\"");
    }

    @Test
    void theWebhookIsOnTheControlServicesUnpublishedInternalPort() throws IOException {
        JsonNode config = YAML.readTree(Repository.root().resolve("mediamtx/mediamtx.yml").toFile());
        URI webhook = URI.create(config.path("authHTTPAddress").asText());
        String env = Files.readString(Repository.root().resolve("config/control.env"));
        assertThat(env).contains("CONTROL_INTERNAL_PORT=" + webhook.getPort() + "\n")
                .doesNotContain("CONTROL_PORT=" + webhook.getPort() + "\n");
        JsonNode control = YAML.readTree(Repository.root().resolve("compose.yaml").toFile())
                .path("services").path("control-service");
        List<String> published = new ArrayList<>();
        control.path("ports").forEach(port -> published.add(port.asText()));
        assertThat(published).as("compose publishes the public listener only").containsExactly("8080:8080");
    }

    @Test
    void thePlayroomHooksCallRoutesTheBridgeServes() throws IOException {
        JsonNode playroom = YAML.readTree(Repository.root().resolve("mediamtx/mediamtx.yml").toFile())
                .path("paths").path("playroom");
        String routes = source("bridge-service", "Main.java");
        for (String hook : List.of("runOnAvailable", "runOnUnavailable")) {
            Matcher route = Pattern.compile("/api/broadcasts/\\$MTX_PATH/([a-z]+)").matcher(playroom.path(hook).asText());
            assertThat(route.find()).as(hook + " calls a broadcast route").isTrue();
            assertThat(routes).as(hook).contains("\"/api/broadcasts/{name}/" + route.group(1) + "\"");
            assertThat(playroom.path(hook).asText()).contains("$BRIDGE_API_TOKEN").doesNotContainPattern("Bearer [A-Za-z0-9]");
        }
    }

    private static String source(String module, String file) throws IOException {
        try (var files = Files.walk(Repository.root().resolve(module).resolve("src/main/java"))) {
            Path found = files.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
            return Files.readString(found);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }

    /** {@code mediamtx/reference-keys.txt}. */
    private record Keys(Set<String> top, Set<String> path) {
        static Keys committed() throws IOException {
            Set<String> top = new LinkedHashSet<>();
            Set<String> path = new LinkedHashSet<>();
            Set<String> into = top;
            for (String line : Files.readAllLines(Repository.root().resolve("mediamtx/reference-keys.txt"))) {
                if (line.equals("[path]")) {
                    into = path;
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    into.add(line.strip());
                }
            }
            return new Keys(top, path);
        }
    }
}
