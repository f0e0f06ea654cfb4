package io.fleetcast.observer.safety;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import java.util.function.Consumer;

final class FailingLink implements RobotLink {
    @Override
    public void send(RobotCommand command) {
        throw new RobotLinkException("robot unplugged");
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
    }

    @Override
    public void close() {
    }
}
