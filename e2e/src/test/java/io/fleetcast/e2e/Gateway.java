package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The media gateway robots publish to: Debian's nginx with its RTMP module, run with the
 * repository's {@code gateway/nginx-rtmp.conf.template}, asking the control service about each
 * publisher through the template's HTTP/1.1 proxy. Fails with the install command when the
 * packages are missing.
 */
final class Gateway implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    private final Path prefix;
    private final int port;
    private final ServiceProcess process;

    Gateway(Path dir, String controlInternalUrl) {
        if (!Files.isExecutable(NGINX) || !Files.isRegularFile(MODULE)) {
            throw new IllegalStateException("the end-to-end tests need Debian's nginx with the RTMP module as the media"
                    + " gateway: apt-get install -y nginx libnginx-mod-rtmp");
        }
        port = Repository.freePort();
        prefix = dir.resolve("gateway");
        try {
            Files.createDirectories(prefix.resolve("logs"));
            String config = Files.readString(Repository.root().resolve("gateway/nginx-rtmp.conf.template"));
            for (var entry : Map.of("RTMP_MODULE", MODULE.toString(), "RTMP_LISTEN", "127.0.0.1",
                    "RTMP_PORT", Integer.toString(port), "AUTH_PROXY_PORT", Integer.toString(Repository.freePort()),
                    "CONTROL_INTERNAL_URL", controlInternalUrl).entrySet()) {
                config = config.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            Files.writeString(prefix.resolve("nginx.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ServiceProcess.start("gateway", List.of(NGINX.toString(), "-p", prefix + "/", "-c",
                prefix.resolve("nginx.conf").toString(), "-g", "user root;"), Map.of(), dir.resolve("logs"));
        awaitListening(Duration.ofSeconds(10));
    }

    /** What a robot gives as its gateway ({@code GATEWAY_URL}): the RTMP application. */
    String publishBase() {
        return "rtmp://127.0.0.1:" + port + "/live";
    }

    /** Where a reader (the bridge, a test) plays {@code path}. */
    String playUrl(String path) {
        return publishBase() + "/" + path;
    }

    /** The status of each publish check nginx made, in order (its proxy's access log). */
    List<Integer> authStatuses() {
        try {
            Path log = prefix.resolve("logs/auth-access.log");
            return !Files.exists(log) ? List.of() : Files.readAllLines(log).stream()
                    .map(line -> line.split("\" ", 2)[1].split(" ")[0]).map(Integer::parseInt).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything nginx logged, for the secrets check. */
    String logs() {
        try (var files = Files.list(prefix.resolve("logs"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.alive()) {
                throw new IllegalStateException("nginx exited: " + process.tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                ServiceProcess.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout + ": " + process.tail());
    }

    @Override
    public void close() {
        process.close();
    }
}
