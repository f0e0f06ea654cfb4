package io.fleetcast.control.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA and a server certificate it signs for {@code localhost} and {@code 127.0.0.1},
 * made with Debian's {@code openssl} command line (as an operator would make them).
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static TestCertificates make(Path dir) {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        Path server = dir.resolve("server.pem");
        Path serverKey = dir.resolve("server.key");
        Path request = dir.resolve("server.csr");
        Path extensions = dir.resolve("server.ext");
        try {
            Files.writeString(extensions, "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + extensions, e);
        }
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=Fleetcast test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", serverKey.toString(), "-out", request.toString(), "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", server.toString(), "-days", "2", "-extfile", extensions.toString());
        return new TestCertificates(ca, server, serverKey);
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("the TLS tests need the openssl command: apt-get install -y openssl", e);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }
}
