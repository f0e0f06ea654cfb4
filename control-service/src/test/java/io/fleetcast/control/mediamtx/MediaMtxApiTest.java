package io.fleetcast.control.mediamtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.control.auth.MediaProtocol;
import io.fleetcast.control.testing.CallRecorder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our MediaMTX API client's contract, checked against a server that records the calls: which
 * {@code /v3/.../kick/{id}} requests a kick makes, and what it makes of the answers.
 */
class MediaMtxApiTest {
    private static final String TOKEN = "service-credential-0123456789";
    private final UUID id = UUID.fromString("6b1c1f0e-8f1a-4c1e-9d5a-2b7c3e4f5a6b");

    @Test
    void kicksEachProtocolsSessionsWhereMediaMtxListsThem() throws Exception {
        try (CallRecorder server = CallRecorder.answering(path -> 200); MediaMtxApi api = new MediaMtxApi(server.uri(), TOKEN)) {
            for (MediaProtocol protocol : List.of(MediaProtocol.WEBRTC, MediaProtocol.RTSP, MediaProtocol.RTMP,
                    MediaProtocol.SRT, MediaProtocol.HLS)) {
                api.kickAsync(protocol, id).get(5, TimeUnit.SECONDS);
            }
            assertThat(server.calls()).containsExactly(
                    "POST /v3/webrtcsessions/kick/" + id,
                    "POST /v3/rtspsessions/kick/" + id,
                    "POST /v3/rtmpconns/kick/" + id,
                    "POST /v3/srtconns/kick/" + id,
                    "POST /v3/hlssessions/kick/" + id);
        }
    }

    @Test
    void everyCallCarriesTheServiceCredentialForTheAuthWebhook() throws Exception {
        try (CallRecorder server = CallRecorder.answering(path -> path.startsWith("/v3/rtmpconns/") ? 404 : 200);
             MediaMtxApi api = new MediaMtxApi(server.uri(), TOKEN)) {
            api.kickAsync(MediaProtocol.RTMP, id).get(5, TimeUnit.SECONDS);
            api.kickAsync(MediaProtocol.WEBRTC, id).get(5, TimeUnit.SECONDS);
            assertThat(server.authorizations()).hasSize(3).containsOnly("Bearer " + TOKEN);
        }
    }

    @Test
    void triesTheTlsKindWhenThePlainOneDoesNotHaveTheSession() throws Exception {
        try (CallRecorder server = CallRecorder.answering(path -> path.startsWith("/v3/rtspsessions/") ? 404 : 200);
             MediaMtxApi api = new MediaMtxApi(server.uri(), TOKEN)) {
            assertThat(api.kickAsync(MediaProtocol.RTSP, id).get(5, TimeUnit.SECONDS)).isEqualTo("rtspssessions");
            assertThat(server.calls()).containsExactly("POST /v3/rtspsessions/kick/" + id,
                    "POST /v3/rtspssessions/kick/" + id);
        }
    }

    @Test
    void aSessionThatAlreadyEndedIsNotAnError() throws Exception {
        try (CallRecorder server = CallRecorder.answering(path -> 404); MediaMtxApi api = new MediaMtxApi(server.uri(), TOKEN)) {
            assertThat(api.kickAsync(MediaProtocol.RTMP, id).get(5, TimeUnit.SECONDS)).isNull();
            assertThat(server.calls()).hasSize(2);
        }
    }

    @Test
    void anUnexpectedAnswerFailsTheKickWithWhatWasCalled() {
        try (CallRecorder server = CallRecorder.answering(path -> 500);
             MediaMtxApi api = new MediaMtxApi(server.uri().resolve("/"), TOKEN)) {
            assertThatThrownBy(() -> api.kickAsync(MediaProtocol.WEBRTC, id).get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("/v3/webrtcsessions/kick/" + id).hasMessageContaining("500");
        }
    }
}
