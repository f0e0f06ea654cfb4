package io.fleetcast.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fleetcast on one machine, one command: the control service on its embedded PostgreSQL and
 * Redis, the bridge, the simulated playroom robot and the demo's private robot (robot
 * observers with the synthetic scene), and the accounts to try it with ({@link Accounts}).
 * Without a media gateway the playroom robot publishes SRT straight to the bridge's listening
 * ingest and the control service serves the bridge's HLS; the private robot's video needs
 * MediaMTX (WebRTC). Each process logs to its own file under the data directory; closing
 * stops them, the last started first.
 */
public final class LocalStack implements AutoCloseable {
    private final ProcessGroup processes = new ProcessGroup();
    private final LocalSettings settings;
    private final Accounts.Made accounts;

    private LocalStack(LocalSettings settings) {
        this.settings = settings;
        try {
            if (settings.mediamtx().isPresent()) {
                add(ServiceProcess.start("mediamtx", List.of(settings.mediamtx().get().toString(),
                        Repository.root().resolve("mediamtx/mediamtx.yml").toString()), settings.mediamtxEnv(),
                        settings.logs()));
            }
            Map<String, String> control = settings.controlEnv();
            ServiceProcess service = add(ServiceProcess.jar("control-service", "control", control, settings.logs()));
            service.awaitLog(line -> line.contains("control service listening"), Duration.ofSeconds(120),
                    "the control service's start (embedded PostgreSQL and Redis)");
            ControlApi api = new ControlApi(settings.controlUrl());
            accounts = Accounts.ensure(api, new AdminCommand(control, settings.dir().resolve("admin")), settings.dir());
            ServiceProcess bridge = add(ServiceProcess.jar("bridge-service", "bridge", settings.bridgeEnv(),
                    settings.logs()));
            bridge.awaitLog(line -> line.contains("bridge started"), Duration.ofSeconds(60), "the bridge's start");
            add(ServiceProcess.jar("robot-observer", "playroom-robot", settings.observerEnv(accounts.playroom(),
                    settings.playroomGatewayUrl()), settings.logs()));
            add(ServiceProcess.jar("robot-observer", "rover", settings.observerEnv(accounts.rover(),
                    settings.privateGatewayUrl()), settings.logs()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(LocalSettings settings) {
        return new LocalStack(settings);
    }

    /** What the person who started it needs to know. */
    public String banner() {
        String base = settings.controlUrl().toString();
        return """
                Fleetcast is running (Ctrl-C stops everything; logs: %s)
                  playroom   %s/
                  dashboard  %s/dashboard
                  admin      %s/admin
                  sign in as %s / %s (the operator is %s, its password in %s)
                  %s
                """.formatted(settings.logs(), base, base, base, Accounts.DEMO, Accounts.DEMO_PASSWORD, Accounts.ADMIN,
                accounts.adminPasswordFile(), settings.mediamtx().isPresent()
                        ? "media gateway: MediaMTX (" + settings.mediamtx().get() + "), WebRTC for owners and drivers"
                        : "no MediaMTX: the playroom robot publishes straight to the bridge; live WebRTC views need MediaMTX"
                        + " (MEDIAMTX_BIN)");
    }

    private <T extends AutoCloseable> T add(T part) {
        return processes.add(part);
    }

    /** Stops every process, the last started first. */
    @Override
    public void close() {
        processes.close();
    }
}
