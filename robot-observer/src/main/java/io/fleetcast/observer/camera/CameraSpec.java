package io.fleetcast.observer.camera;

import io.fleetcast.media.format.MediaUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One camera as configured: a V4L2 device, a file (looped), a network source (RTSP ...), or the synthetic scene. */
public sealed interface CameraSpec {
    /** How the camera is named in logs and the dry-run plan (no secrets). */
    String describe();

    record V4l2(String device) implements CameraSpec {
        @Override
        public String describe() {
            return "v4l2:" + device;
        }
    }

    record File(String path) implements CameraSpec {
        @Override
        public String describe() {
            return "file:" + path + " (looped)";
        }
    }

    /** A live network source: RTSP (over TCP), or any URL FFmpeg reads (tcp://, srt://, udp://). */
    record Network(String url) implements CameraSpec {
        @Override
        public String describe() {
            return MediaUrl.redact(url);
        }
    }

    record Synthetic(int width, int height, int fps) implements CameraSpec {
        public Synthetic {
            if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0 || fps < 1 || fps > 60) {
                throw new IllegalArgumentException("synthetic camera needs an even size of at least 64x64 and 1..60 fps, got "
                        + width + "x" + height + "@" + fps);
            }
        }

        @Override
        public String describe() {
            return "synthetic " + width + "x" + height + "@" + fps;
        }
    }

    /**
     * Parses one camera: {@code v4l2:/dev/video0}, {@code file:/path.mp4} (or a plain path),
     * {@code rtsp://...}, {@code synthetic} or {@code synthetic:1280x720@30}.
     */
    static CameraSpec parse(String text) {
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("v4l2:")) {
            String device = value.substring(5);
            if (!device.startsWith("/dev/")) {
                throw new IllegalArgumentException("a V4L2 camera is v4l2:/dev/videoN, got " + value);
            }
            return new V4l2(device);
        }
        for (String scheme : new String[] {"rtsp://", "rtsps://", "tcp://", "udp://", "srt://"}) {
            if (lower.startsWith(scheme)) {
                return new Network(value);
            }
        }
        if (lower.equals("synthetic")) {
            return new Synthetic(1280, 720, 30);
        }
        if (lower.startsWith("synthetic:")) {
            String[] sizeAndRate = value.substring(10).split("@");
            String[] size = sizeAndRate[0].split("x");
            try {
                return new Synthetic(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                        sizeAndRate.length > 1 ? Integer.parseInt(sizeAndRate[1]) : 30);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("a synthetic camera is synthetic or synthetic:WIDTHxHEIGHT@FPS, got "
                        + value, e);
            }
        }
        if (lower.startsWith("file:")) {
            return new File(value.substring(5));
        }
        if (value.startsWith("/") || value.startsWith("./")) {
            return new File(value);
        }
        throw new IllegalArgumentException("unknown camera " + MediaUrl.redact(value)
                + ": use v4l2:/dev/videoN, file:/path, rtsp://host/path (or tcp://, udp://, srt://) or synthetic[:WxH@FPS]");
    }

    /** A comma-separated list of cameras, at least one. */
    static List<CameraSpec> parseList(String text) {
        List<CameraSpec> cameras = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                cameras.add(parse(item));
            }
        }
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("no camera given");
        }
        return List.copyOf(cameras);
    }
}
