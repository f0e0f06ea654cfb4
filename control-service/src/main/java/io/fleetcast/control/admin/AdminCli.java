package io.fleetcast.control.admin;

import io.fleetcast.config.Args;
import io.fleetcast.control.ControlConfig;
import io.fleetcast.control.Stores;
import io.fleetcast.control.http.ApiException;
import io.fleetcast.control.store.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The admin command line, in the service's jar: {@code java -jar control-service.jar <command>}.
 * It uses the same configuration (environment) as the service, so with no {@code POSTGRES_URL}
 * it works on the local embedded database, even while the service runs.
 */
public final class AdminCli {
    static final String USAGE = """
            usage: java -jar control-service.jar [command]
              serve                                   run the service (the default)
              create-user NAME [--role user|operator] [--password-stdin]
                                                      prints a generated password unless one is read from stdin
              create-robot --owner USER [--name NAME] [--playroom]
                                                      prints the robot's path and stream key (shown once)
              grant --robot ID --user USER --permission view|drive
              revoke --robot ID --user USER --permission view|drive
              rotate-key --robot ID                   prints the new stream key (the old one stops working)
              disable-user NAME                       voids the user's tokens, closes their sockets, kicks their reads
              enable-user NAME                        lets a disabled user log in again
              issue-token --user USER [--ttl-minutes N]
                                                      a token for services (e.g. the bridge, as an operator)
              add-media-key --file FILE               adds a signing key for MediaMTX's JWT mode to FILE (at most
                                                      two are kept: the oldest goes); prints its kid
              issue-media-token --action read|publish|playback --path PATH [--ttl-minutes N] [--subject NAME]
                                                      a media token for a service (e.g. the bridge's read of playroom)
            """;

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public AdminCli(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs one command; returns the process exit status (0 ok, 1 failed, 2 usage). */
    public int run(String... args) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            if (MediaKeyCommands.handles(args[0])) {
                MediaKeyCommands.run(args[0], Arrays.asList(args).subList(1, args.length), env, out);
                return 0;
            }
            AdminCommand command = AdminCommand.named(args[0]);
            Args parsed = Args.parse(Arrays.asList(args).subList(1, args.length), command.options(),
                    command.flags());
            ControlConfig config = ControlConfig.fromEnv(env);
            try (Stores stores = Stores.forTool(config, new SimpleMeterRegistry())) {
                command.run(new AdminContext(config, stores, in, out), parsed);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            // A UsageException, a bad configuration key (ConfigException) or a bad value in a command.
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ApiException | StoreUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
