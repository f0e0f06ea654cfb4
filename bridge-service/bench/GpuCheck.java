import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.DecodeDevice;
import io.fleetcast.bridge.gpu.DecodeMode;
import io.fleetcast.bridge.gpu.GpuMonitor;
import io.fleetcast.bridge.gpu.GpuState;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.codec.EncoderProbe;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.codec.ProbeAttempt;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helper of bench/gpu-check: the health's gpu document (NVML), the encoder probe (NVENC or its
 * fallback), NVDEC decode of a generated 1080p H.264 clip against a CPU decode of the same
 * clip, and the bridge's default ladder on that clip with NVDEC and libx264. Prints what it
 * finds on stderr and one JSON line on stdout. Exit 0: all ran on the GPU; 3: no CUDA device
 * opens (the JSON says why); 1: a check failed (NVML unreadable while CUDA works among them:
 * NVDEC and the ladder are still run and measured).
 */
public class GpuCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int cuda = Integer.parseInt(args[2]);
        Map<String, Object> result = new LinkedHashMap<>();
        int exit;
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING)) {
            exit = check(dir, seconds, cuda, log, result);
        } catch (RuntimeException e) {
            result.put("ok", false);
            result.put("reason", "check failed: " + e);
            exit = 1;
        }
        System.out.println(JSON.writeValueAsString(result));
        System.exit(exit);
    }

    private static int check(Path dir, double seconds, int cuda, FfmpegLog log, Map<String, Object> result)
            throws Exception {
        EncoderOptions options = new EncoderOptions("veryfast", "p4");
        ProbeResult probe = new EncoderProbe(log).choose(options.candidates(List.of("h264_nvenc", "libx264")));
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (ProbeAttempt attempt : probe.attempts()) {
            Map<String, Object> tried = new LinkedHashMap<>();
            tried.put("encoder", attempt.encoder());
            tried.put("opened", attempt.opened());
            tried.put("detail", attempt.detail());
            attempts.add(tried);
        }
        say("encoder probe: " + probe.encoder() + " (" + probe.reason() + ")");
        GpuState gpu;
        try (GpuMonitor monitor = GpuMonitor.start(probe.reason())) {
            gpu = monitor.get();
        }
        say("gpu: " + JSON.writeValueAsString(gpu));
        result.put("gpu", gpu);
        result.put("encoder", probe.encoder());
        result.put("encoderReason", probe.reason());
        result.put("probe", attempts);
        try (DecodeDevice decode = DecodeDevice.open(DecodeMode.AUTO, probe, cuda, log)) {
            result.put("decode", decode.path().decode());
            result.put("decodeReason", decode.path().decodeReason());
            say("decode: " + decode.path().decode() + " (" + decode.path().decodeReason() + ")");
            if (decode.device() == null) {
                result.put("ok", false);
                result.put("reason", "no usable NVIDIA GPU: " + decode.path().decodeReason() + "; NVML: "
                        + gpu.reason());
                return 3;
            }
            Path clip = dir.resolve("clip-1080p30-" + (int) seconds + "s.ts");
            if (!Files.exists(clip)) {
                say("generating " + seconds + " s of 1080p30 H.264 (libx264, 8 Mbit/s) ...");
                new SyntheticSource(1920, 1080, 30, seconds, false, 8_000_000, "veryfast").writeTo(clip);
            }
            Map<String, Object> nvdec = decodeAll(clip, decode.device());
            Map<String, Object> cpu = decodeAll(clip, null);
            say("NVDEC decode: " + nvdec + "; CPU decode: " + cpu);
            result.put("nvdec", nvdec);
            result.put("cpuDecode", cpu);
            Map<String, Object> ladder = ladder(clip, dir.resolve("hls"), probe, decode, cuda);
            say("ladder with " + decode.path().decode() + " decode and " + probe.encoder() + ": " + ladder);
            result.put("ladder", ladder);
            List<String> failed = new ArrayList<>();
            if (!gpu.available()) {
                failed.add("NVML: " + gpu.reason());
            }
            if (!Boolean.TRUE.equals(nvdec.get("onGpu"))) {
                failed.add("NVDEC's pictures were not on the GPU (FFmpeg decoded in memory)");
            }
            if (ladder.get("failure") != null || ((Number) ladder.get("segments")).intValue() == 0) {
                failed.add("ladder: " + ladder);
            }
            result.put("ok", failed.isEmpty());
            if (!failed.isEmpty()) {
                result.put("reason", String.join("; ", failed));
            }
            return failed.isEmpty() ? 0 : 1;
        }
    }

    /** Decodes every picture of the clip (on the device, or in memory when it is null): fps and where they were. */
    private static Map<String, Object> decodeAll(Path clip, HardwareDevice device) {
        long[] frames = {0};
        boolean[] onGpu = {false};
        long start;
        try (InputMedia input = new InputMedia(clip.toString(), Map.of(), () -> false);
             Packet packet = new Packet(); Frame frame = new Frame()) {
            int index = input.bestStream(AVMEDIA_TYPE_VIDEO);
            try (Decoder decoder = new Decoder(input.stream(index), device)) {
                start = System.nanoTime();
                boolean more = true;
                while (more) {
                    more = input.read(packet);
                    if (!more || packet.av().stream_index() == index) {
                        while (!decoder.send(more ? packet : null)) {
                            drain(decoder, frame, frames, onGpu);
                        }
                        drain(decoder, frame, frames, onGpu);
                    }
                    packet.unref();
                }
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return Map.of("frames", frames[0], "fps", Math.round(frames[0] / wall * 10) / 10.0, "onGpu", onGpu[0]);
    }

    private static void drain(Decoder decoder, Frame frame, long[] frames, boolean[] onGpu) {
        while (decoder.receive(frame) == Pull.FRAME) {
            if (frames[0]++ == 0) {
                onGpu[0] = frame.av().hw_frames_ctx() != null && !frame.av().hw_frames_ctx().isNull();
            }
            frame.unref();
        }
    }

    /** The bridge's default ladder (1080p/720p/480p, 2 s segments) on the clip, decoded as {@code decode} says. */
    private static Map<String, Object> ladder(Path clip, Path hls, ProbeResult probe, DecodeDevice decode, int cuda)
            throws Exception {
        InputSettings input = new InputSettings(clip.toString(), Duration.ofSeconds(10),
                InputSettings.DEFAULT_PROBE_SIZE, InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(100),
                Duration.ofSeconds(1));
        RunSettings run = new RunSettings(new Ladder(Rung.parseAll(Ladder.DEFAULT), 0), probe.encoder(),
                new EncoderOptions("veryfast", "p4"), 0, 2.0, 128_000, cuda, false);
        LocalDirectory directory = new LocalDirectory(hls);
        HlsOutput output = new HlsOutput(directory, hls.resolve(".staging"), new HlsSettings(2.0, 0));
        long start = System.nanoTime();
        String failure;
        try (Pipeline pipeline = new Pipeline(input, run, new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                List.of(output), null, decode.device(), decode.path(), Duration.ofSeconds(60))) {
            pipeline.start();
            boolean ended = pipeline.awaitEnd(Duration.ofMinutes(5));
            failure = !ended ? "did not end within 5 minutes"
                    : pipeline.failure() == null ? null : pipeline.failure().toString();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long segments;
        try (var files = Files.walk(hls)) {
            segments = files.filter(p -> p.toString().endsWith(".ts")).count();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("wallSeconds", Math.round(wall * 100) / 100.0);
        figures.put("segments", segments);
        figures.put("failure", failure);
        return figures;
    }

    private static void say(String line) {
        System.err.println("gpu-check: " + line);
    }
}
