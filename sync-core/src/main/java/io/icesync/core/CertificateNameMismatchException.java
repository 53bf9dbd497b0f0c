package io.icesync.core;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server's certificate does not hold the name it was reached by: refused like any untrusted
 * certificate, but trusting it would not help. Connect with a name the certificate holds
 * ({@link #chain()} shows them).
 */
public class CertificateNameMismatchException extends UntrustedCertificateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the name asked for and the names the certificate holds
     * @param chain   the chain the server presented, leaf first, or null when not captured
     * @param cause   the TLS error, or null
     */
    public CertificateNameMismatchException(String message, List<X509Certificate> chain, Throwable cause) {

        super(message, chain, cause);
    }
}
