package io.fleetcast.control.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs mediamtx/hls_sync.sh as MediaMTX's runOnRecordSegmentComplete does. */
public final class SyncScript {
    static final Path SCRIPT = Path.of("../mediamtx/hls_sync.sh").toAbsolutePath().normalize();
    public static final String HOOK_SECRET = "hook-secret-of-the-recordings-test";

    public record Run(int exit, String output) {
    }

    private SyncScript() {
    }

    /** Fails with the Debian package to install when the upload tool is missing. */
    public static void requireTool(String tool, String debianPackage) throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
        if (!which.waitFor(10, TimeUnit.SECONDS) || which.exitValue() != 0) {
            throw new AssertionError("hls_sync.sh uploads with " + tool + ", which is not installed: apt-get install "
                    + debianPackage + " (.ci/run installs it)");
        }
    }

    public static Run run(RecordedSegments.Recorded segment, String path, Map<String, String> env) throws Exception {
        assertThat(SCRIPT).as("the hook script").exists();
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), segment.file().toString(), path,
                String.format(Locale.ROOT, "%.6f", segment.seconds())).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("MEDIAMTX_HOOK_SECRET", HOOK_SECRET);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("hls_sync.sh needs bash", e);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hls_sync.sh finished within 60 s").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static long size(RecordedSegments.Recorded segment) throws IOException {
        return Files.size(segment.file());
    }
}
