package io.fleetcast.stack;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, its packaged jars and the running JDK are; free ports. */
public final class Repository {
    private Repository() {
    }

    /** The repository's root: the directory above this module (Maven runs tests in the module's directory). */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("control-service")) && Files.isDirectory(dir.resolve("e2e"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Fleetcast repository: " + here);
    }

    /** The java of the JDK running the tests (>= 21, as the build requires). */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
