package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.recording.RecordedSegments;
import io.fleetcast.control.recording.SyncScript;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's recordings in a real browser, in local mode: segments that FFmpeg made in
 * MediaMTX's layout, indexed by hls_sync.sh, listed on the timeline and played through hls.js
 * from signed URLs the service serves itself.
 */
@ExtendWith(StoresExtension.class)
class RecordingsPageTest {

    @Test
    void theOwnerSeesTheRecordedSpansOnATimelineAndPlaysOneThroughHlsJs(TestStores stores, @TempDir Path root)
            throws Exception {
        try (Site site = Site.start(stores, Path.of("target", "no-broadcast"), Map.of(
                "RECORDINGS_DIR", root.toString(), "MEDIAMTX_HOOK_SECRET", SyncScript.HOOK_SECRET))) {
            Session erin = site.server().client().signUp("erin");
            NewRobot robot = site.server().client().createRobot(erin, "recorder", "private");
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
            List<RecordedSegments.Recorded> segments = RecordedSegments.write(root, robot.path(),
                    List.of(start, start.plusSeconds(2), start.plusSeconds(600)));
            for (RecordedSegments.Recorded segment : segments) {
                SyncScript.Run run = SyncScript.run(segment, robot.path(), Map.of("RECORDINGS_ROOT", root.toString(),
                        "CONTROL_URL", site.server().server().internalUri().toString()));
                assertThat(run.exit()).as(run.output()).isZero();
            }
            try (Browser owner = Browser.open()) {
                owner.go(site.url("/dashboard"));
                owner.signIn("erin", "password-erin");
                owner.waitFor(() -> owner.<Long>js("return document.querySelectorAll('#recordings li').length") == 2,
                        "two recorded spans are listed");
                assertThat(owner.<Long>js("return document.querySelectorAll('#timeline .span').length")).isEqualTo(2L);
                assertThat(owner.text("#recordings-status")).contains("2 recorded span");
                owner.click("#recordings li:first-child button");
                owner.waitFor(() -> owner.<Number>js("return document.getElementById('recording').currentTime")
                        .doubleValue() > 1.5, "the first span plays past its first segment", Duration.ofSeconds(20));
                assertThat(owner.<Number>js("return document.getElementById('recording').videoWidth").intValue())
                        .isEqualTo(320);
                assertThat(owner.<Number>js("return document.getElementById('recording').duration").doubleValue())
                        .as("the span's two segments").isBetween(3.5, 4.5);
                assertThat(owner.consoleErrors()).isEmpty();
                owner.screenshot("dashboard-recordings");
            }
        }
    }
}
