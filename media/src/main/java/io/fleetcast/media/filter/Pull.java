package io.fleetcast.media.filter;

/** What a pull from a filter graph output gave. */
public enum Pull {
    /** A frame was written into the caller's frame. */
    FRAME,
    /** Nothing yet: push more input first. */
    AGAIN,
    /** The output has ended and will give nothing more. */
    END
}
