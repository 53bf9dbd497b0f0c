package io.icesync.core.spi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The certificates a user accepted beyond the system's CAs (F2.3). Certificates a system CA vouches
 * for pass without being listed here; any other raises an
 * {@link io.icesync.core.UntrustedCertificateException} carrying the chain, which the caller may show
 * and then {@link #accept}. Stores read {@link #accepted()} at every new connection, so a removal takes
 * effect at the next one. Implementations must be thread-safe.
 */
public interface CertificateTrust {
    /** The accepted certificates, in the order accepted. */
    List<X509Certificate> accepted();

    /** Accepts a certificate (already accepted: nothing changes). */
    void accept(X509Certificate certificate);

    /** Removes the certificate with this SHA-256 fingerprint (any case, colons optional); true if it was there. */
    boolean remove(String sha256);

    /** The SHA-256 fingerprint as shown to users: upper-case hex pairs joined by colons. */
    static String sha256(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** Whether two ways of writing a fingerprint name the same one. */
    static boolean sameFingerprint(String a, String b) {
        return a.replace(":", "").toUpperCase(Locale.ROOT).equals(b.replace(":", "").toUpperCase(Locale.ROOT));
    }

    /** A trust list held in memory (tests, or an app that stores it itself). */
    static CertificateTrust inMemory(X509Certificate... initial) {
        List<X509Certificate> list = new CopyOnWriteArrayList<>(List.of(initial));
        return new CertificateTrust() {
            @Override
            public List<X509Certificate> accepted() {
                return List.copyOf(list);
            }

            @Override
            public void accept(X509Certificate certificate) {
                if (!list.contains(certificate)) {
                    list.add(certificate);
                }
            }

            @Override
            public boolean remove(String sha256) {
                return list.removeIf(c -> sameFingerprint(CertificateTrust.sha256(c), sha256));
            }
        };
    }
}
