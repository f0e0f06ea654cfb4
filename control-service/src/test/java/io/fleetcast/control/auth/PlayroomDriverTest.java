package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The playroom queue plugs in through {@link PlayroomDriver}; WebRTC reads follow its answer. */
@ExtendWith(StoresExtension.class)
class PlayroomDriverTest {
    @Test
    void webrtcReadOfThePlayroomFollowsThePluggedInDriver(TestStores stores) {
        AtomicLong currentDriver = new AtomicLong();
        PlayroomDriver queue = (userId, playroom) -> userId == currentDriver.get();
        try (TestServer server = TestServer.start(stores, Map.of(), queue)) {
            TestClient client = server.client();
            TestClient.Session keeper = client.signUp("keeper");
            TestClient.Session visitor = client.signUp("visitor");
            server.server().robots().create(keeper.userId(), "playroom", RobotKind.PLAYROOM);

            assertThat(readPlayroom(server.internal(), visitor.token())).isEqualTo(403);
            currentDriver.set(visitor.userId());
            assertThat(readPlayroom(server.internal(), visitor.token())).isEqualTo(200);
            assertThat(readPlayroom(server.internal(), keeper.token())).isEqualTo(403);
        }
    }

    private static int readPlayroom(TestClient client, String token) {
        MediaMtxBody body = Credential.BEARER.apply(MediaMtxBody.of("read", "playroom", "webrtc"), token);
        return client.post("/internal/auth", body.toMap(), null).status();
    }
}
