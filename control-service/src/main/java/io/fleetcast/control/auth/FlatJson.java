package io.fleetcast.control.auth;

import java.nio.charset.StandardCharsets;

/**
 * A fast path for the one shape MediaMTX sends: a single JSON object whose values are strings or
 * null. It returns null for anything else (numbers, nesting, non-ASCII, bad escapes, trailing
 * data), and the caller then parses with Jackson, which decides what is malformed. So this class
 * can only ever accept bodies Jackson would read the same way.
 */
final class FlatJson {
    static final String[] KEYS = {"ip", "user", "password", "token", "action", "path", "protocol", "query"};

    private final byte[] in;
    private int at;

    private FlatJson(byte[] in) {
        this.in = in;
    }

    /** Values of {@link #KEYS} in that order (null when absent), or null: use Jackson. */
    static String[] parse(byte[] body) {
        return new FlatJson(body).object();
    }

    private String[] object() {
        String[] values = new String[KEYS.length];
        skipWhitespace();
        if (!take('{')) {
            return null;
        }
        skipWhitespace();
        if (!take('}')) {
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                if (key == null || !take(':')) {
                    return null;
                }
                skipWhitespace();
                int slot = slot(key);
                if (peek() == '"') {
                    String value = string();
                    if (value == null) {
                        return null;
                    }
                    if (slot >= 0) {
                        values[slot] = value;
                    }
                } else if (!literalNull() || slot >= 0) {
                    // Non-strings, and null for a field that must be a string: Jackson's call.
                    return null;
                }
                skipWhitespace();
                if (take('}')) {
                    break;
                }
                if (!take(',')) {
                    return null;
                }
            }
        }
        skipWhitespace();
        return at == in.length ? values : null;
    }

    private static int slot(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** A string at the cursor, ASCII only; escapes decoded. */
    private String string() {
        if (!take('"')) {
            return null;
        }
        int start = at;
        while (at < in.length && in[at] != '"' && in[at] != '\\') {
            if (in[at] < 0x20) {
                return null;
            }
            at++;
        }
        if (at < in.length && in[at] == '"') {
            return new String(in, start, at++ - start, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(at - start + 16);
        out.append(new String(in, start, at - start, StandardCharsets.ISO_8859_1));
        while (at < in.length) {
            byte b = in[at++];
            if (b == '"') {
                return out.toString();
            }
            if (b < 0x20) {
                return null;
            }
            if (b != '\\') {
                out.append((char) b);
                continue;
            }
            if (at >= in.length) {
                return null;
            }
            switch (in[at++]) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = hex4();
                    if (code < 0) {
                        return null;
                    }
                    out.append((char) code);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private int hex4() {
        if (at + 4 > in.length) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[at++], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        // Surrogates need pairing rules; leave them to Jackson.
        return value >= 0xD800 && value <= 0xDFFF ? -1 : value;
    }

    private boolean literalNull() {
        if (at + 4 <= in.length && in[at] == 'n' && in[at + 1] == 'u' && in[at + 2] == 'l' && in[at + 3] == 'l') {
            at += 4;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private int peek() {
        return at < in.length ? in[at] : -1;
    }

    private boolean take(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }
}
