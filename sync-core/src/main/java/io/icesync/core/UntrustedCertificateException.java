package io.icesync.core;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server's certificate is not trusted (self-signed, unknown CA, wrong host). The chain is
 * attached so that the caller can show it and, if the user accepts the risk, trust it (F2.3).
 */
public class UntrustedCertificateException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final transient List<X509Certificate> chain;

    /**
     * Creates the exception.
     *
     * @param message why the certificate is not trusted
     * @param chain   the chain the server presented, leaf first, or null when not captured
     * @param cause   the TLS error, or null
     */
    public UntrustedCertificateException(String message, List<X509Certificate> chain, Throwable cause) {
        super(message, cause);
        this.chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /**
     * The chain the server presented, to show the user before trusting it.
     *
     * @return the certificates, leaf first; empty when they could not be captured, and null in a
     *         deserialized copy
     */

    public List<X509Certificate> chain() {
        return chain;
    }
}
