package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.api.Parts;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.restream.LogCapture;
import io.fleetcast.media.source.SyntheticSource;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio endpoint is optional: when its port is taken the bridge broadcasts without it. */
class AudioEndpointAloneTest {
    @Test
    void anAudioEndpointThatCannotOpenItsPortDoesNotStopTheBroadcast(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(320, 240, 30, 3, true, 500_000, "ultrafast").writeTo(file);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            BridgeConfig config = BridgeConfig.fromEnv(Map.of("AUTOSTART_INPUT_URL", file.toString(),
                    "HLS_DIR", dir.resolve("hls").toString(), "ENCODERS", "libx264", "X264_PRESET", "ultrafast",
                    "LADDER", "240p:300k", "API_PORT", "0", "AUDIO_TOKEN", "audio-token-0123456789",
                    "AUDIO_PORT", Integer.toString(taken.getLocalPort())));

            int exit;
            List<String> log;
            try (LogCapture capture = new LogCapture(Level.INFO, Main.class.getName(), Parts.class.getName())) {
                exit = Main.run(config);
                log = capture.lines();
            }

            assertThat(exit).as("the file was broadcast to its end").isZero();
            assertThat(dir.resolve("hls/240p/index.m3u8")).exists();
            assertThat(Files.readString(dir.resolve("hls/240p/index.m3u8"))).contains("#EXT-X-ENDLIST");
            String cannot = "the audio endpoint cannot listen on AUDIO_PORT " + taken.getLocalPort() + " (in use?)";
            assertThat(log).anySatisfy(line -> assertThat(line).startsWith("SEVERE io.fleetcast.bridge.Main: "
                    + "audio endpoint failed to start, broadcasting without it: " + cannot));
            assertThat(log).anySatisfy(line -> assertThat(line).contains("audio endpoint down (did not start: " + cannot));
        }
    }
}
