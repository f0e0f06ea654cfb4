package io.fleetcast.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control service's admin command line ({@code java -jar control-service.jar create-user ...}),
 * run against a running service's databases as an operator would. What it prints (a password,
 * a stream key, shown once) goes to a file of its own under {@code dir}, never among the logs.
 */
public final class AdminCommand {
    private static final Pattern PASSWORD = Pattern.compile("password \\(shown once\\): (\\S+)");
    private static final Pattern ROBOT = Pattern.compile("created robot (\\d+)");
    private static final Pattern KEY = Pattern.compile("stream key \\(shown once\\): (\\S+)");

    private final Map<String, String> env;
    private final Path dir;

    /** @param env the running service's configuration (its data directory, or its database URLs) */
    public AdminCommand(Map<String, String> env, Path dir) {
        this.env = Map.copyOf(env);
        this.dir = dir;
    }

    /** Creates {@code name} with {@code role} and the given password. */
    public void createUser(String name, String role, String password) {
        run(password + "\n", "create-user", name, "--role", role, "--password-stdin");
    }

    /** The playroom robot, owned by {@code owner}: its id and stream key. */
    public ControlApi.Robot createPlayroom(String owner) {
        String output = run(null, "create-robot", "--owner", owner, "--name", "playroom", "--playroom");
        return new ControlApi.Robot(Long.parseLong(find(ROBOT, output, "robot id")), "playroom",
                find(KEY, output, "stream key"));
    }

    /** A new user with a generated password: the password. */
    public String createUser(String name, String role) {
        return find(PASSWORD, run(null, "create-user", name, "--role", role), "password");
    }

    private String run(String stdin, String... args) {
        ServiceProcess cli = ServiceProcess.jar("control-service", "admin-" + args[0] + "-" + System.nanoTime(), env,
                dir, args);
        if (stdin != null) {
            cli.input(stdin);
        }
        int status = cli.awaitExit(Duration.ofSeconds(60));
        String output = String.join("\n", cli.lines());
        if (status != 0) {
            throw new IllegalStateException("control-service.jar " + args[0] + " exited " + status + ": "
                    + cli.tail().lines().filter(line -> !line.contains("shown once")).toList());
        }
        return output;
    }

    private static String find(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("the admin command printed no " + what);
        }
        return matcher.group(1);
    }
}
