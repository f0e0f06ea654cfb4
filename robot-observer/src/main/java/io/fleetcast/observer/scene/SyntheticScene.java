package io.fleetcast.observer.scene;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.Frame;
import io.fleetcast.media.stamp.TimeStrip;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Paints the synthetic camera's picture: a noisy floor with a 0.5 m grid (noise, so the
 * encoder needs every bit it is given, as with a real camera), a sweeping bar, the robot as
 * a bright square with a dark nose pointing along its heading, the last command and pose in
 * a band at the bottom, and the capture time in a {@link TimeStrip} along the top. The arena
 * is {@value #ARENA_METRES} m across. Pictures are planar YUV 4:2:0. Used by one thread.
 */
public final class SyntheticScene {
    public static final double ARENA_METRES = 4.4;
    /** Luma of the robot marker; nothing else in the arena is this bright. */
    public static final int MARKER_LUMA = 235;
    private static final int FLOOR_LUMA = 70;
    private static final int NOISE = 24;
    private static final int BACKGROUNDS = 8;

    private final int width;
    private final int height;
    private final byte[][] floors;
    private final byte[] neutralChroma;
    private final BufferedImage band;
    private final Graphics2D pen;
    private String bandText = null;
    private boolean fontsMissingLogged;
    private long frames;

    public SyntheticScene(int width, int height) {
        if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("synthetic scene size must be even and at least 64x64, got "
                    + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.floors = new byte[BACKGROUNDS][];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < BACKGROUNDS; i++) {
            floors[i] = floor(random);
        }
        neutralChroma = new byte[width / 2];
        Arrays.fill(neutralChroma, (byte) 128);
        band = new BufferedImage(width, bandHeight(height), BufferedImage.TYPE_BYTE_GRAY);
        pen = band.createGraphics();
        pen.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        pen.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, band.getHeight() * 2 / 3)));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixels per metre of the arena. */
    public double scale() {
        return Math.min(width, height - TimeStrip.height(height) - bandHeight(height)) / ARENA_METRES;
    }

    /** Where the pose's centre is drawn, in pixels: {x, y}. */
    public int[] pixelOf(Pose pose) {
        double scale = scale();
        int top = TimeStrip.height(height);
        int arenaHeight = height - top - bandHeight(height);
        return new int[] {(int) Math.round(width / 2.0 + pose.x() * scale),
                (int) Math.round(top + arenaHeight / 2.0 - pose.y() * scale)};
    }

    /** The inverse of {@link #pixelOf}: the pose position of a marker seen at pixel (x, y). */
    public double[] metresAt(double x, double y) {
        double scale = scale();
        int top = TimeStrip.height(height);
        int arenaHeight = height - top - bandHeight(height);
        return new double[] {(x - width / 2.0) / scale, (top + arenaHeight / 2.0 - y) / scale};
    }

    /** Rows at the bottom that carry the text band (not the arena). */
    public static int bandHeight(int height) {
        return Math.max(12, (height / 14) & ~1);
    }

    /** Paints one picture of {@code pose} captured at {@code epochMillis} into a new frame. */
    public Frame paint(Pose pose, long epochMillis) {
        Frame frame = Frame.video(width, height, AV_PIX_FMT_YUV420P);
        try {
            AVFrame av = frame.av();
            byte[] floor = floors[(int) (frames++ % BACKGROUNDS)];
            BytePointer luma = av.data(0);
            int stride = av.linesize(0);
            for (int y = 0; y < height; y++) {
                luma.position((long) y * stride).put(floor, y * width, width);
            }
            for (int plane = 1; plane <= 2; plane++) {
                BytePointer chroma = av.data(plane);
                for (int y = 0; y < height / 2; y++) {
                    chroma.position((long) y * av.linesize(plane)).put(neutralChroma, 0, width / 2);
                }
                chroma.position(0);
            }
            sweep(luma, stride, epochMillis);
            robot(luma, stride, pose);
            band(luma, stride, pose);
            luma.position(0);
            TimeStrip.stamp(av, epochMillis);
            return frame;
        } catch (RuntimeException e) {
            frame.close();
            throw e;
        }
    }

    private void sweep(BytePointer luma, int stride, long epochMillis) {
        int x = (int) ((epochMillis % 4000) * (width - 8) / 4000);
        byte[] bar = new byte[8];
        Arrays.fill(bar, (byte) 150);
        for (int y = TimeStrip.height(height); y < height - bandHeight(height); y++) {
            luma.position((long) y * stride + x).put(bar);
        }
    }

    private void robot(BytePointer luma, int stride, Pose pose) {
        int side = Math.max(8, height / 10);
        int[] centre = pixelOf(pose);
        fill(luma, stride, centre[0] - side / 2, centre[1] - side / 2, side, side, MARKER_LUMA);
        int nose = Math.max(4, side / 3);
        int noseX = (int) Math.round(centre[0] + Math.cos(pose.yaw()) * side / 4.0);
        int noseY = (int) Math.round(centre[1] - Math.sin(pose.yaw()) * side / 4.0);
        fill(luma, stride, noseX - nose / 2, noseY - nose / 2, nose, nose, 16);
    }

    private void band(BytePointer luma, int stride, Pose pose) {
        String text = String.format(Locale.ROOT, "%s  x %+.1f y %+.1f  %3.0f deg",
                pose.lastCommand().isEmpty() ? "no command yet" : pose.lastCommand(), pose.x(), pose.y(),
                Math.toDegrees(pose.yaw()));
        if (!text.equals(bandText)) {
            bandText = text;
            pen.setColor(Color.BLACK);
            pen.fillRect(0, 0, band.getWidth(), band.getHeight());
            pen.setColor(new Color(180, 180, 180));
            try {
                pen.drawString(text, 4, band.getHeight() * 4 / 5);
            } catch (Error e) {
                // No fonts (fontconfig and a font package): the band stays dark, the scene goes on.
                if (!fontsMissingLogged) {
                    fontsMissingLogged = true;
                    System.getLogger(SyntheticScene.class.getName()).log(System.Logger.Level.WARNING,
                            "no fonts to write the last command with (install fontconfig and fonts-dejavu-core): " + e);
                }
            }
        }
        byte[] pixels = ((DataBufferByte) band.getRaster().getDataBuffer()).getData();
        int top = height - band.getHeight();
        for (int y = 0; y < band.getHeight(); y++) {
            luma.position((long) (top + y) * stride).put(pixels, y * width, width);
        }
    }

    private void fill(BytePointer luma, int stride, int x, int y, int w, int h, int value) {
        int top = TimeStrip.height(height);
        int bottom = height - bandHeight(height);
        int left = Math.max(0, x);
        int right = Math.min(width, x + w);
        if (right <= left) {
            return;
        }
        byte[] row = new byte[right - left];
        Arrays.fill(row, (byte) value);
        for (int line = Math.max(top, y); line < Math.min(bottom, y + h); line++) {
            luma.position((long) line * stride + left).put(row);
        }
    }

    private byte[] floor(SplittableRandom random) {
        byte[] plane = new byte[width * height];
        int grid = (int) Math.max(4, scale() / 2);
        int[] origin = pixelOf(Pose.ORIGIN);
        for (int y = 0; y < height; y++) {
            boolean lineRow = Math.floorMod(y - origin[1], grid) == 0;
            for (int x = 0; x < width; x++) {
                boolean line = lineRow || Math.floorMod(x - origin[0], grid) == 0;
                int base = line ? FLOOR_LUMA + 50 : FLOOR_LUMA;
                plane[y * width + x] = (byte) (base + random.nextInt(-NOISE, NOISE + 1));
            }
        }
        return plane;
    }
}
