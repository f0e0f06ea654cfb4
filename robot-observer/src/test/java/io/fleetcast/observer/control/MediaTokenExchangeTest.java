package io.fleetcast.observer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.media.MediaException;
import io.fleetcast.observer.push.PushTarget;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GATEWAY_AUTH=jwt: the observer trades its stream key for a publish token before each connection. */
@ExtendWith(StoresExtension.class)
class MediaTokenExchangeTest {
    @Test
    void eachConnectionCarriesAFreshPublishTokenInsteadOfTheKey(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores)) {
            TestClient.Session owner = server.client().signUp("owner");
            TestClient.NewRobot robot = server.client().createRobot(owner, "rover", "private");
            MediaTokenExchange exchange = new MediaTokenExchange(ControlClientTest.settings(server.server().port(), robot));
            PushTarget base = PushTarget.of("rtmp://media:1935", robot.path(), robot.streamKey());

            PushTarget rtmp = exchange.connectTo(base);
            assertThat(rtmp.url()).startsWith("rtmp://media:1935/" + robot.path() + "?token=")
                    .doesNotContain(robot.streamKey());
            SignedJWT token = SignedJWT.parse(URLDecoder.decode(rtmp.url().substring(rtmp.url().indexOf("=") + 1),
                    StandardCharsets.UTF_8));
            assertThat(token.getJWTClaimsSet().getClaim("mediamtx_permissions"))
                    .isEqualTo(List.of(Map.of("action", "publish", "path", robot.path())));
            assertThat(exchange.connectTo(base).url()).as("a new token per connection").isNotEqualTo(rtmp.url());

            PushTarget srt = exchange.connectTo(PushTarget.of("srt://media:8890", robot.path(), robot.streamKey()));
            assertThat(srt.ioOptions().get("streamid")).startsWith("publish:" + robot.path() + ":" + robot.path() + ":ey")
                    .doesNotContain(robot.streamKey());
        }
    }

    @Test
    void aRefusedExchangeFailsTheAttemptSoThePushRetries(TestStores stores) {
        try (TestServer server = TestServer.start(stores)) {
            TestClient.Session owner = server.client().signUp("owner");
            TestClient.NewRobot robot = server.client().createRobot(owner, "rover", "private");
            ControlSettings wrongKey = new ControlSettings(URI.create("http://127.0.0.1:" + server.server().port()),
                    robot.id(), "not-the-key", Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(50),
                    Duration.ofMillis(400));
            assertThatThrownBy(() -> new MediaTokenExchange(wrongKey)
                    .connectTo(PushTarget.of("rtmp://media:1935", robot.path(), "not-the-key")))
                    .isInstanceOf(MediaException.class).hasMessageContaining("refused a publish token (401");
        }
    }
}
