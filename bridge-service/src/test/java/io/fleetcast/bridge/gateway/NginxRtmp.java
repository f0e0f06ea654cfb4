package io.fleetcast.bridge.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real RTMP gateway for tests: Debian's nginx with {@code libnginx-mod-rtmp}, one
 * application {@code live} with {@code live on} (readers stay connected while a publisher
 * goes and comes back). Fails with the install command when the packages are missing.
 */
public final class NginxRtmp implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    private final Path prefix;
    private final int port;
    private final Process process;

    public NginxRtmp(Path dir) throws IOException {
        if (!Files.isExecutable(NGINX) || !Files.isRegularFile(MODULE)) {
            throw new IllegalStateException("this test needs Debian's nginx with the RTMP module: "
                    + "apt-get install -y nginx libnginx-mod-rtmp");
        }
        prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        port = freePort();
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, """
                load_module %s;
                daemon off;
                master_process off;
                pid %s;
                error_log %s info;
                events { worker_connections 64; }
                rtmp {
                    server {
                        listen 127.0.0.1:%d;
                        application live { live on; }
                    }
                }
                """.formatted(MODULE, prefix.resolve("nginx.pid"), prefix.resolve("logs/error.log"), port));
        process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", config.toString(),
                "-g", "user root;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        awaitListening(Duration.ofSeconds(10));
    }

    /** {@code rtmp://127.0.0.1:port/live/NAME}. */
    public String url(String name) {
        return "rtmp://127.0.0.1:" + port + "/live/" + name;
    }

    private void awaitListening(Duration timeout) throws IOException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log"))
                        + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
