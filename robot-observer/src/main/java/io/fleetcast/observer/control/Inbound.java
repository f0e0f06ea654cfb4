package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * What the robot does with each server frame: commands go to the robot link and are
 * answered with an {@code ack}, the owner's quality choice goes to the controller, the rest
 * is logged. Called on the control client's one thread.
 */
final class Inbound {
    private static final System.Logger LOG = System.getLogger(Inbound.class.getName());

    private final RobotLink robot;
    private final QualityOverride quality;
    private final Consumer<ObjectNode> reply;

    Inbound(RobotLink robot, QualityOverride quality, Consumer<ObjectNode> reply) {
        this.robot = robot;
        this.quality = quality;
        this.reply = reply;
    }

    void handle(String text) {
        ServerFrame frame;
        try {
            frame = Frames.decode(text);
        } catch (FrameException e) {
            LOG.log(Level.WARNING, "ignoring a server frame: " + e.getMessage());
            return;
        }
        switch (frame) {
            case WelcomeFrame welcome -> LOG.log(Level.INFO, "welcomed as " + welcome.role() + " on robot_"
                    + welcome.robot() + " (" + welcome.kind() + ")");
            case CommandFrame command -> relay(command.command());
            case QualityFrame limits -> applyQuality(limits);
            case ErrorFrame error -> LOG.log(Level.WARNING, "server refused a frame: " + error.code() + " "
                    + error.message() + (error.ref() == null ? "" : " (seq " + error.ref() + ")"));
            case OtherFrame other -> LOG.log(Level.DEBUG, "ignoring a '" + other.type() + "' frame");
        }
    }

    private void relay(RobotCommand command) {
        String failure = null;
        try {
            robot.send(command);
        } catch (RuntimeException e) {
            failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            LOG.log(Level.WARNING, "robot link refused " + command.action() + " seq " + command.seq() + ": " + failure);
        }
        // Commands without a user (the server's stop on a driver change) have nobody to answer.
        if (command.seq() != null && command.user() != null) {
            reply.accept(Frames.ack(command.seq(), command.user(), failure == null, failure));
        }
    }

    private void applyQuality(QualityFrame frame) {
        try {
            quality.apply(frame.limits());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not apply quality " + frame.limits(), e);
        }
    }
}
