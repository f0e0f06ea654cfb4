package io.fleetcast.observer.camera;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.Frame;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;

/** The card shown in place of a camera that is missing or dead: dark grey, "NO SIGNAL" and the camera. */
public final class NoSignal {
    /** Luma of the card's background, which tests look for. */
    public static final int BACKGROUND_LUMA = 40;
    private static final System.Logger LOG = System.getLogger(NoSignal.class.getName());
    private static volatile boolean fontsMissingLogged;

    private NoSignal() {
    }

    public static Frame card(int width, int height, String camera) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pen = image.createGraphics();
        try {
            pen.setColor(new Color(BACKGROUND_LUMA, BACKGROUND_LUMA, BACKGROUND_LUMA));
            pen.fillRect(0, 0, width, height);
            pen.setColor(new Color(200, 200, 200));
            pen.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 8)));
            pen.drawString("NO SIGNAL", width / 10, height / 2);
            pen.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, height / 20)));
            pen.drawString(camera, width / 10, height / 2 + height / 8);
        } catch (Error e) {
            // No fonts on this machine (fontconfig and a font package): the card stays plain grey.
            if (!fontsMissingLogged) {
                fontsMissingLogged = true;
                LOG.log(System.Logger.Level.WARNING, "no fonts to write on the no-signal card (install fontconfig and "
                        + "fonts-dejavu-core): " + e);
            }
        } finally {
            pen.dispose();
        }
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Frame frame = Frame.video(width, height, AV_PIX_FMT_YUV420P);
        BytePointer luma = frame.av().data(0);
        for (int y = 0; y < height; y++) {
            luma.position((long) y * frame.av().linesize(0)).put(pixels, y * width, width);
        }
        luma.position(0);
        byte[] neutral = new byte[width / 2];
        Arrays.fill(neutral, (byte) 128);
        for (int plane = 1; plane <= 2; plane++) {
            BytePointer chroma = frame.av().data(plane);
            for (int y = 0; y < height / 2; y++) {
                chroma.position((long) y * frame.av().linesize(plane)).put(neutral, 0, width / 2);
            }
            chroma.position(0);
        }
        return frame;
    }
}
