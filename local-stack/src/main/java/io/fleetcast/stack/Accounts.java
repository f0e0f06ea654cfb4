package io.fleetcast.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local stack's people and robots, made on the first start and found again on every
 * later one: an operator {@code admin} (from the admin command line; its generated password
 * kept in a file only the user can read), a user {@code demo}, the playroom robot (the
 * operator's) and the demo's private robot {@code rover}. Robots get a fresh stream key on
 * each start, since a key is shown only once.
 */
public final class Accounts {
    public static final String ADMIN = "admin";
    public static final String DEMO = "demo";
    public static final String DEMO_PASSWORD = "fleetcast-demo";

    /** What the robots and the person at the keyboard need. */
    public record Made(ControlApi.User admin, String adminPasswordFile, ControlApi.User demo,
                       ControlApi.Robot playroom, ControlApi.Robot rover) {
    }

    private Accounts() {
    }

    public static Made ensure(ControlApi api, AdminCommand admin, Path dir) {
        Path passwordFile = dir.resolve("admin.password");
        ControlApi.User operator = Files.exists(passwordFile) ? api.trySignIn(ADMIN, read(passwordFile)) : null;
        if (operator == null) {
            String password = Secrets.generate();
            admin.createUser(ADMIN, "operator", password);
            write(passwordFile, password);
            operator = api.signIn(ADMIN, password);
        }
        ControlApi.User demo = api.trySignIn(DEMO, DEMO_PASSWORD);
        if (demo == null) {
            demo = api.signUp(DEMO, DEMO_PASSWORD);
        }
        return new Made(operator, passwordFile.toString(), demo, robot(api, operator, "playroom", "playroom"),
                robot(api, demo, "rover", "private"));
    }

    /** {@code owner}'s robot called {@code name}, made if missing, with a new key. */
    private static ControlApi.Robot robot(ControlApi api, ControlApi.User owner, String name, String kind) {
        for (JsonNode robot : api.robots(owner)) {
            if (robot.path("name").asText().equals(name) && robot.path("kind").asText().equals(kind)) {
                long id = robot.path("id").asLong();
                return new ControlApi.Robot(id, robot.path("path").asText(), api.rotateKey(owner, id));
            }
        }
        return api.createRobot(owner, name, kind);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
