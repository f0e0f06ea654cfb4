package io.fleetcast.stack;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar local-stack/target/local-stack.jar}: the {@link LocalStack} until Ctrl-C. */
public final class Main {
    private static final Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSettings settings;
        try {
            settings = LocalSettings.fromEnv(System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        System.out.println("starting Fleetcast in " + settings.dir().toAbsolutePath() + " ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the local stack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.printf("%s  (started in %.0f s)%n", stack.banner(), (System.nanoTime() - started) / 1e9);
        new CountDownLatch(1).await();
    }
}
