package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Video;

/** Reads a robot's video state, for the {@code presence} events the sockets send. */
public interface VideoLookup {
    Video video(long robot);
}
