package io.fleetcast.bridge.restream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The TLS side of an rtmps:// ingest for tests. FFmpeg can listen for rtmp:// but not for
 * rtmps:// ("rtmp_listen not available for rtmps"), so Java's TLS server (JSSE) terminates
 * TLS with a certificate the openssl command makes for 127.0.0.1, and passes the bytes on to
 * a plain RTMP receiver, as a TLS load balancer in front of an ingest does.
 */
final class TlsTerminator implements AutoCloseable {
    private static final String PASSWORD = "test-only";

    private final ServerSocket server;
    private final int plainPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TlsTerminator(Path keyStore, int plainPort) throws Exception {
        this.plainPort = plainPort;
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = context.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ((SSLServerSocket) server).setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        Thread.ofPlatform().name("test-tls-terminator").daemon().start(this::accept);
    }

    /**
     * Makes a self-signed certificate for IP 127.0.0.1 in {@code dir}: {@code cert.pem} (what a
     * client verifies against) and {@code server.p12} (what the terminator serves).
     */
    static Path makeCertificate(Path dir) throws Exception {
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1");
        run(dir, "openssl", "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "server.p12",
                "-passout", "pass:" + PASSWORD, "-name", "ingest");
        return dir.resolve("server.p12");
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket secure = server.accept();
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), plainPort);
                sockets.add(secure);
                sockets.add(plain);
                pipe(secure, plain);
                pipe(plain, secure);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: the other is closed below, as a proxy does.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed: nothing left to release.
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(dir.resolve("openssl.log")));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
