package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.picture.Card;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The picture the slate shows: an image file (PNG, JPEG, anything FFmpeg decodes; the
 * ladder scales it to every rung) or, without one, a card saying the stream will resume.
 */
final class SlatePicture {
    /** Luma of the generated card's background, which tests look for. */
    static final int CARD_LUMA = 48;

    private SlatePicture() {
    }

    /** @param image the image to show, or null for the generated card */
    static Frame make(Path image, int width, int height) {
        return image == null
                ? Card.grey(width, height, CARD_LUMA, "BE RIGHT BACK", "the stream will resume shortly")
                : decode(image);
    }

    private static Frame decode(Path image) {
        if (!Files.isReadable(image)) {
            throw new MediaException("SLATE_IMAGE " + image + " cannot be read");
        }
        try (InputMedia input = new InputMedia(image.toString(), Map.of(), () -> false);
             Packet packet = new Packet()) {
            int index = input.bestStream(AVMEDIA_TYPE_VIDEO);
            if (index < 0) {
                throw new MediaException("SLATE_IMAGE " + image + " is not a picture");
            }
            try (Decoder decoder = new Decoder(input.stream(index), null)) {
                Frame picture = new Frame();
                try {
                    while (input.read(packet)) {
                        if (packet.av().stream_index() == index && decode(decoder, packet, picture)) {
                            return picture;
                        }
                        packet.unref();
                    }
                    if (decode(decoder, null, picture)) {
                        return picture;
                    }
                } catch (RuntimeException e) {
                    picture.close();
                    throw e;
                }
                picture.close();
                throw new MediaException("SLATE_IMAGE " + image + " holds no picture");
            }
        }
    }

    private static boolean decode(Decoder decoder, Packet packet, Frame into) {
        decoder.send(packet);
        if (packet != null) {
            packet.unref();
        }
        return decoder.receive(into) == Pull.FRAME;
    }
}
