package io.fleetcast.control.auth;

/** Keeps caller-supplied text short and printable before it reaches a log, audit row or reply. */
final class Texts {
    private static final int MAX = 128;

    private Texts() {
    }

    static String clip(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX && printable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
