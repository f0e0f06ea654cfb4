package io.fleetcast.observer.control;

/** What the server sends a robot, decoded. */
sealed interface ServerFrame permits WelcomeFrame, CommandFrame, QualityFrame, ErrorFrame, OtherFrame {
}
