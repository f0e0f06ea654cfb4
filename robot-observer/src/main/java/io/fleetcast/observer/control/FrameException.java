package io.fleetcast.observer.control;

/** A server frame that is not what protocol v1 says; the text is kept short for the log. */
final class FrameException extends RuntimeException {
    FrameException(String problem, String text, Throwable cause) {
        super(problem + ": " + abbreviate(text), cause);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
