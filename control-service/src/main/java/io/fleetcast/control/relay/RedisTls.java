package io.fleetcast.control.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom {@code rediss://} clients trust: the CA certificates of a PEM file
 * ({@code REDIS_TLS_CA_FILE}), or the JVM's default trust store. Hostnames are verified either way.
 */
public record RedisTls(Optional<Path> caFile, SSLSocketFactory socketFactory) {

    public static RedisTls jvmDefault() {
        return new RedisTls(Optional.empty(), (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** Trusts exactly the certificates in {@code caFile}; refuses a file without one. */
    public static RedisTls trusting(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + caFile + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(caFile + " is not PEM certificates: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(caFile + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new RedisTls(Optional.of(caFile), context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the certificates of " + caFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return caFile.map(path -> "ca=" + path).orElse("ca=jvm default");
    }
}
