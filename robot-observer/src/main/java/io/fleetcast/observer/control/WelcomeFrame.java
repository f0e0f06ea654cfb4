package io.fleetcast.observer.control;

record WelcomeFrame(int version, long robot, String kind, String role, boolean robotOnline) implements ServerFrame {
}
