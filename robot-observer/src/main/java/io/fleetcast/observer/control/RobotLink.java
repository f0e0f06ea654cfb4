package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** The robot's own software as the control socket sees it: commands in, state out. */
public interface RobotLink extends AutoCloseable {
    /** Hands the command to the robot; throws {@link RobotLinkException} when it cannot. */
    void send(RobotCommand command);

    /** Where the robot's state reports go (one listener; a later call replaces it). */
    void onState(Consumer<ObjectNode> listener);

    @Override
    void close();
}
