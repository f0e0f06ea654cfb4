package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import io.fleetcast.media.log.FfmpegLog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses an H.264 encoder by really opening each candidate in turn. Counting GPUs is not
 * enough: data-center GPUs (A100, H100, H200) have CUDA but no NVENC, and only opening an
 * encode session tells.
 */
public final class EncoderProbe {
    private static final Logger LOG = System.getLogger(EncoderProbe.class.getName());

    /** A candidate encoder and the private options it will be opened with. */
    public record Candidate(String encoder, Map<String, String> options) {
        public Candidate {
            options = Map.copyOf(options);
        }
    }

    private final FfmpegLog ffmpegLog;

    /** @param ffmpegLog where FFmpeg's own messages are captured from (nullable) */
    public EncoderProbe(FfmpegLog ffmpegLog) {
        this.ffmpegLog = ffmpegLog;
    }

    public ProbeResult choose(List<Candidate> candidates) {
        List<ProbeAttempt> attempts = new ArrayList<>();
        for (Candidate candidate : candidates) {
            ProbeAttempt attempt = attempt(candidate);
            attempts.add(attempt);
            if (attempt.opened()) {
                String reason = attempts.size() == 1
                        ? candidate.encoder() + " opened"
                        : candidate.encoder() + " opened after " + describeFailures(attempts);
                LOG.log(Level.INFO, "encoder probe chose {0}: {1}", candidate.encoder(), reason);
                return new ProbeResult(candidate.encoder(), reason, attempts);
            }
            LOG.log(Level.INFO, "encoder probe: {0} unusable: {1}", candidate.encoder(), attempt.detail());
        }
        throw new MediaException("no H.264 encoder could be opened: " + describeFailures(attempts));
    }

    private ProbeAttempt attempt(Candidate candidate) {
        List<String> messages = new ArrayList<>();
        try {
            Runnable open = () -> open(candidate);
            if (ffmpegLog != null) {
                ffmpegLog.captureInto(messages, open);
            } else {
                open.run();
            }
            return new ProbeAttempt(candidate.encoder(), true, "");
        } catch (MediaException | UnsatisfiedLinkError e) {
            return new ProbeAttempt(candidate.encoder(), false, FfmpegLog.withMessages(e.getMessage(), messages));
        }
    }

    private static void open(Candidate candidate) {
        boolean gpu = candidate.encoder().endsWith("_nvenc");
        // A CUDA context first: without a driver or GPU, that is the clearer reason.
        try (HardwareDevice device = gpu ? HardwareDevice.cuda(0) : null;
             Encoder encoder = Encoder.video(settings(candidate), null)) {
            if (!encoder.unusedOptions().isEmpty()) {
                LOG.log(Level.WARNING, "{0} ignored options {1}", candidate.encoder(), encoder.unusedOptions());
            }
        }
    }

    private static VideoEncoderSettings settings(Candidate candidate) {
        return new VideoEncoderSettings(candidate.encoder(), 640, 360, AV_PIX_FMT_YUV420P,
                new Rational(1, 30), new Rational(30, 1), 1_000_000, 1_000_000, 2_000_000, 60, 1,
                false, candidate.options());
    }

    private static String describeFailures(List<ProbeAttempt> attempts) {
        List<String> failures = new ArrayList<>();
        for (ProbeAttempt attempt : attempts) {
            if (!attempt.opened()) {
                failures.add(attempt.encoder() + " failed: " + attempt.detail());
            }
        }
        return String.join("; ", failures);
    }
}
