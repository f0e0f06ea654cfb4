package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.Reply;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the service serves the pages: types, caching, the CSP, and nothing outside ui/. */
@ExtendWith(StoresExtension.class)
class PageServingTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestStores stores) {
        server = TestServer.start(stores, Map.of("MEDIAMTX_WEBRTC_URL", "http://media.lan:8889",
                "MEDIAMTX_HLS_URL", "http://media.lan:8888", "CDN_BASE_URL", "https://cdn.example.com/live"), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/, text/html; charset=utf-8, no-cache, <title>Fleetcast playroom",
        "/dashboard, text/html; charset=utf-8, no-cache, <title>Fleetcast: my robots",
        "/admin, text/html; charset=utf-8, no-cache, <title>Fleetcast admin",
        "/ui/app.js, text/javascript; charset=utf-8, 'public, max-age=0, must-revalidate', import",
        "/ui/style.css, text/css; charset=utf-8, 'public, max-age=0, must-revalidate', :root",
        "/ui/vendor/hls.mjs, text/javascript; charset=utf-8, 'public, max-age=0, must-revalidate', export",
        "/ui/vendor/uPlot.esm.js, text/javascript; charset=utf-8, 'public, max-age=0, must-revalidate', uPlot",
        "/ui/vendor/uPlot.min.css, text/css; charset=utf-8, 'public, max-age=0, must-revalidate', .uplot",
    })
    void servesEachFileWithItsTypeAndCaching(String path, String type, String cache, String content) {
        Reply reply = server.client().get(path, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(type);
        assertThat(reply.header("Cache-Control")).isEqualTo(cache);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.body()).contains(content);
    }

    @Test
    void policyAllowsOnlyThisServiceAndTheMediaOrigins() {
        String policy = server.client().get("/", null).header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "style-src 'self';",
                "connect-src 'self' http://media.lan:8889 http://media.lan:8888 https://cdn.example.com;",
                "media-src 'self' blob: http://media.lan:8889", "frame-ancestors 'none'", "base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void unchangedFilesAreRevalidatedWithoutABody() {
        Reply first = server.client().get("/ui/app.js", null);
        String tag = first.header("ETag");
        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        Reply again = server.client().send("GET", "/ui/app.js", null, null, null, Map.of("If-None-Match", tag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/ui/missing.js", "/ui/..%2Fpom.xml", "/ui/playroom.html", "/ui/vendor/hls.js", "/ui/Main.class"})
    void refusesAnythingButThePagesFiles(String path) {
        Reply reply = server.client().get(path, null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void streamInfoNamesThePlayroomRobotOnceThereIsOne() {
        assertThat(server.client().get("/api/stream/info", null).json().get("playroomRobot").isNull()).isTrue();
        server.server().users().create("root", "root-password", io.fleetcast.control.user.Role.OPERATOR);
        var root = server.client().login("root", "root-password");
        long id = server.client().createRobot(root, "playroom", "playroom").id();
        assertThat(server.client().get("/api/stream/info", null).json().get("playroomRobot").asLong()).isEqualTo(id);
        assertThat(server.client().post("/api/admin/playroom/skip", Map.of(),
                server.client().signUp("mallory").token()).status()).as("skip by a non-operator").isEqualTo(403);
    }
}
