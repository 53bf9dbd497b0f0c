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
    /**
     * Lists the certificates the user accepted.
     *
     * @return the accepted certificates, in the order accepted
     */
    List<X509Certificate> accepted();

    /**
     * Accepts a certificate (already accepted: nothing changes).
     *
     * @param certificate the server certificate to trust from the next connection on
     */
    void accept(X509Certificate certificate);

    /**
     * Removes an accepted certificate.
     *
     * @param sha256 the certificate's SHA-256 fingerprint, in any case, colons optional
     * @return true if it was there
     */
    boolean remove(String sha256);

    /**
     * The SHA-256 fingerprint as shown to users: upper-case hex pairs joined by colons.
     *
     * @param c the certificate
     * @return its fingerprint, such as {@code 3F:A0:...}
     * @throws IllegalStateException when the certificate cannot be encoded or SHA-256 is missing
     */
    static String sha256(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Whether two ways of writing a fingerprint name the same one: case and colons are ignored.
     *
     * @param a a fingerprint
     * @param b another fingerprint
     * @return true when both name the same certificate
     */
    static boolean sameFingerprint(String a, String b) {
        return a.replace(":", "").toUpperCase(Locale.ROOT).equals(b.replace(":", "").toUpperCase(Locale.ROOT));
    }

    /**
     * A trust list held in memory (tests, or an app that stores it itself); thread-safe.
     *
     * @param initial the certificates accepted from the start
     * @return a new list, lost with the process
     */

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
