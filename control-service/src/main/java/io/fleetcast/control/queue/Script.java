package io.fleetcast.control.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One queue operation as a Lua script: the shared prelude followed by the operation's body. */
enum Script {
    JOIN, LEAVE, READY, TOUCH, GONE, BACK, TICK, STATUS, SKIP, CLEAR;

    private final String source = load("prelude") + "\n" + load(name().toLowerCase());

    String source() {
        return source;
    }

    private static String load(String name) {
        String path = "/queue/" + name + ".lua";
        try (InputStream in = Script.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
