package io.fleetcast.media.picture;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.Frame;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;

/**
 * A grey card with a title and a line under it, as a YUV 4:2:0 picture: what is shown in
 * place of a missing camera or a source that stopped. Drawn with Java2D, which needs
 * fontconfig and a font; without them the card stays plain (logged once).
 */
public final class Card {
    private static final System.Logger LOG = System.getLogger(Card.class.getName());
    private static volatile boolean fontsMissingLogged;

    private Card() {
    }

    /** @param backgroundLuma the card's grey (0..255), which tests can look for */
    public static Frame grey(int width, int height, int backgroundLuma, String title, String line) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pen = image.createGraphics();
        try {
            pen.setColor(new Color(backgroundLuma, backgroundLuma, backgroundLuma));
            pen.fillRect(0, 0, width, height);
            pen.setColor(new Color(200, 200, 200));
            pen.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 8)));
            pen.drawString(title, width / 10, height / 2);
            pen.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, height / 20)));
            pen.drawString(line, width / 10, height / 2 + height / 8);
        } catch (Error e) {
            if (!fontsMissingLogged) {
                fontsMissingLogged = true;
                LOG.log(System.Logger.Level.WARNING, "no fonts to write on the card (install fontconfig and "
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
        byte[] neutral = new byte[(width + 1) / 2];
        Arrays.fill(neutral, (byte) 128);
        for (int plane = 1; plane <= 2; plane++) {
            BytePointer chroma = frame.av().data(plane);
            for (int y = 0; y < (height + 1) / 2; y++) {
                chroma.position((long) y * frame.av().linesize(plane)).put(neutral, 0, neutral.length);
            }
            chroma.position(0);
        }
        return frame;
    }
}
