package io.fleetcast.observer;

/**
 * The process on the robot. Its capture, adaptive encode, push and control-socket parts
 * are built on the shared {@code media} plumbing and the quality controller; until they
 * land this entry point says so instead of pretending to stream.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("""
                fleetcast robot-observer: the capture, encode and push pipeline is not available in this build.
                See robot-observer/README.md for what the observer will do.""");
        System.exit(2);
    }
}
