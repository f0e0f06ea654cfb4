package io.fleetcast.observer.camera;

/** A running camera: its own thread keeps {@link #slot()} filled with the latest picture. */
public interface Camera extends AutoCloseable {
    FrameSlot slot();

    String describe();

    @Override
    void close();
}
