package io.fleetcast.observer.scene;

/** What the synthetic scene shows: the robot's pose at a moment (the synthetic robot answers). */
public interface SceneSubject {
    /** The pose at {@code epochMillis}; called from the scene's thread once per frame. */
    Pose pose(long epochMillis);
}
