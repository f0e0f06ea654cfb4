package io.fleetcast.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose.yaml} as far as a machine without a container engine can check it: every
 * reference resolves (services, volumes and mounted repository folders, Dockerfiles, env files),
 * every variable it reads is in {@code .env.example}, the services people wait on have health
 * checks, and Debian's {@code docker-compose config} accepts it with that example environment
 * where it is installed.
 */
class ComposeFileTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Repository.root();

    @Test
    void everyServiceVolumeDockerfileAndEnvFileItNamesExists() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("compose.yaml").toFile());
        Set<String> services = names(compose.path("services"));
        Set<String> volumes = names(compose.path("volumes"));
        compose.path("services").fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            String name = entry.getKey();
            assertThat(service.has("image") || service.has("build")).as(name + " has an image or a build").isTrue();
            if (service.has("build")) {
                Path context = ROOT.resolve(service.path("build").path("context").asText());
                assertThat(context.resolve(service.path("build").path("dockerfile").asText())).as(name).exists();
            }
            if (service.has("env_file")) {
                assertThat(ROOT.resolve(service.path("env_file").asText())).as(name).exists();
            }
            names(service.path("depends_on")).forEach(other -> assertThat(services).as(name + " depends on").contains(other));
            service.path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    // A file or folder of the repository mounted as is (the Prometheus rules).
                    assertThat(ROOT.resolve(source)).as(name).exists();
                } else {
                    assertThat(volumes).as(name).contains(source);
                }
            });
        });
        for (String waitedOn : List.of("postgres", "redis", "minio", "control-service", "bridge-service")) {
            assertThat(compose.path("services").path(waitedOn).has("healthcheck")).as(waitedOn).isTrue();
        }
    }

    @Test
    void everyVariableItReadsIsInTheExampleEnvironment() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                documented.add(line.substring(0, line.indexOf('=')));
            }
        }
        // $${NAME} is the container's own variable, not compose's.
        Matcher used = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)").matcher(Files.readString(ROOT.resolve("compose.yaml")));
        Set<String> read = new LinkedHashSet<>();
        while (used.find()) {
            read.add(used.group(1));
        }
        assertThat(documented).containsAll(read);
    }

    @Test
    void dockerComposeAcceptsItWithTheExampleEnvironment(@TempDir Path dir) {
        Path dockerCompose = Path.of("/usr/bin/docker-compose");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(dockerCompose),
                "Debian's docker-compose is not installed (apt-get install docker-compose): the structural checks stand");
        ServiceProcess config = ServiceProcess.start("docker-compose", List.of(dockerCompose.toString(), "--env-file",
                ROOT.resolve(".env.example").toString(), "-f", ROOT.resolve("compose.yaml").toString(), "config", "-q"),
                Map.of(), dir);
        assertThat(config.awaitExit(Duration.ofSeconds(60))).as(config.tail()).isZero();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(item -> names.add(item.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
