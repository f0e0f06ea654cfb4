package io.fleetcast.control.admin;

import io.fleetcast.config.Args;
import io.fleetcast.config.UsageException;
import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.CreatedRobot;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.token.IssuedToken;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/** The admin commands. Secrets (passwords, keys, tokens) are printed once and never logged. */
enum AdminCommand {
    CREATE_USER("create-user", Set.of("--role"), Set.of("--password-stdin")) {
        @Override
        void run(AdminContext ctx, Args args) {
            if (args.positional().size() != 1) {
                throw new UsageException("create-user takes exactly one NAME");
            }
            Role role = Role.parse(args.option("--role", "user"));
            boolean generated = !args.flag("--password-stdin");
            String password = generated ? randomPassword() : readLine(ctx);
            User user = ctx.users().create(args.positional().get(0), password, role);
            ctx.out().println("created user " + user.id() + " '" + user.name() + "' (" + user.role().wire() + ")");
            if (generated) {
                ctx.out().println("password (shown once): " + password);
            }
        }
    },
    CREATE_ROBOT("create-robot", Set.of("--owner", "--name"), Set.of("--playroom")) {
        @Override
        void run(AdminContext ctx, Args args) {
            User owner = ctx.user(args.required("--owner"));
            RobotKind kind = args.flag("--playroom") ? RobotKind.PLAYROOM : RobotKind.PRIVATE;
            String name = args.option("--name", kind == RobotKind.PLAYROOM ? "playroom" : "robot");
            CreatedRobot created = ctx.robots().create(owner.id(), name, kind);
            String path = created.robot().path();
            ctx.out().println("created robot " + created.robot().id() + " '" + name + "' (" + kind.wire()
                    + ") owned by " + owner.name());
            ctx.out().println("path: " + path);
            ctx.out().println("stream key (shown once): " + created.streamKey());
            ctx.out().println("publish: rtmp://<media-host>/" + path + "?user=" + path + "&pass=" + created.streamKey());
        }
    },
    GRANT("grant", Set.of("--robot", "--user", "--permission"), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            long robot = args.requiredLong("--robot", 1);
            User user = ctx.user(args.required("--user"));
            Permission permission = Permission.parse(args.required("--permission"));
            boolean created = ctx.permissions().grant(robot, user.id(), permission);
            ctx.out().println((created ? "granted " : "already granted ") + permission.wire() + " on robot " + robot
                    + " to " + user.name());
        }
    },
    REVOKE("revoke", Set.of("--robot", "--user", "--permission"), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            long robot = args.requiredLong("--robot", 1);
            User user = ctx.user(args.required("--user"));
            Permission permission = Permission.parse(args.required("--permission"));
            if (!ctx.permissions().revoke(robot, user.id(), permission)) {
                throw new NotFoundException(user.name() + " has no " + permission.wire() + " permission on robot " + robot);
            }
            ctx.out().println("revoked " + permission.wire() + " on robot " + robot + " from " + user.name());
        }
    },
    ROTATE_KEY("rotate-key", Set.of("--robot"), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            long robot = args.requiredLong("--robot", 1);
            String key = ctx.robots().rotateKey(robot)
                    .orElseThrow(() -> new NotFoundException("robot " + robot + " does not exist"));
            ctx.out().println("rotated the stream key of robot " + robot + "; the old key no longer works");
            ctx.out().println("stream key (shown once): " + key);
        }
    },
    DISABLE_USER("disable-user", Set.of(), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            User user = ctx.user(single(args, "disable-user"));
            ctx.users().disable(user.id());
            ctx.out().println("disabled user " + user.id() + " '" + user.name()
                    + "'; their tokens, control sockets and media reads stop now");
        }
    },
    ENABLE_USER("enable-user", Set.of(), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            User user = ctx.user(single(args, "enable-user"));
            ctx.users().enable(user.id());
            ctx.out().println("enabled user " + user.id() + " '" + user.name() + "'; they can log in again");
        }
    },
    ISSUE_TOKEN("issue-token", Set.of("--user", "--ttl-minutes"), Set.of()) {
        @Override
        void run(AdminContext ctx, Args args) {
            User user = ctx.user(args.required("--user"));
            if (user.disabled()) {
                throw new ConflictException("user '" + user.name() + "' is disabled (enable-user first)");
            }
            Duration ttl = Duration.ofMinutes(args.longOption("--ttl-minutes", ctx.config().tokenTtl().toMinutes(), 1));
            IssuedToken token = ctx.tokens().issue(user, ttl);
            ctx.out().println("token for " + user.name() + " (" + user.role().wire() + "), expires " + token.expiresAt()
                    + ":");
            ctx.out().println(token.token());
        }
    };

    private final String word;
    private final Set<String> options;
    private final Set<String> flags;

    AdminCommand(String word, Set<String> options, Set<String> flags) {
        this.word = word;
        this.options = options;
        this.flags = flags;
    }

    abstract void run(AdminContext ctx, Args args);

    /** The options that take a value ({@code --user alice}). */
    Set<String> options() {
        return options;
    }

    Set<String> flags() {
        return flags;
    }

    static AdminCommand named(String word) {
        for (AdminCommand command : values()) {
            if (command.word.equals(word)) {
                return command;
            }
        }
        throw new UsageException("unknown command '" + word + "'");
    }

    private static String single(Args args, String command) {
        if (args.positional().size() != 1) {
            throw new UsageException(command + " takes exactly one NAME");
        }
        return args.positional().get(0);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readLine(AdminContext ctx) {
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UsageException("--password-stdin given but stdin is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
