package io.fleetcast.observer.camera;

import io.fleetcast.media.Frame;
import io.fleetcast.media.picture.Card;

/** The card shown in place of a camera that is missing or dead: dark grey, "NO SIGNAL" and the camera. */
public final class NoSignal {
    /** Luma of the card's background, which tests look for. */
    public static final int BACKGROUND_LUMA = 40;

    private NoSignal() {
    }

    public static Frame card(int width, int height, String camera) {
        return Card.grey(width, height, BACKGROUND_LUMA, "NO SIGNAL", camera);
    }
}
