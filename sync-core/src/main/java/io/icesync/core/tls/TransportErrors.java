package io.icesync.core.tls;

import io.icesync.core.ConnectionException;
import io.icesync.core.IceSyncException;
import io.icesync.core.UntrustedCertificateException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * A failure below HTTP as IceSync's typed errors: an untrusted certificate (with the chain seen in the
 * handshake), TLS, DNS, a refused connection, a timeout. Messages name the request, never a password.
 */
public final class TransportErrors {
    private TransportErrors() {
    }

    /**
     * The typed error for a request that failed below HTTP: an IceSync error already among the causes as
     * it is, a certificate made out for other names, an untrusted certificate, a TLS failure, an unknown
     * host, a refused connection, a timeout, or else a plain connection failure.
     *
     * @param what  the request as the message names it, such as {@code GET https://host/file}
     * @param url   the address, for the certificate message
     * @param e     the failure of the request; its causes are read
     * @param chain the certificates the server showed, for an untrusted one
     * @return the error, wrapping {@code e}, never null
     */
    public static IceSyncException of(String what, String url, IOException e, List<X509Certificate> chain) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IceSyncException) {
                return (IceSyncException) c;
            }
            if (c instanceof CertificateException || c instanceof SSLException) {
                String mismatch = hostMismatch(c);
                if (mismatch != null) {
                    // Trusting the certificate would not help: it names other hosts.
                    return new io.icesync.core.CertificateNameMismatchException(what + ": the certificate of " + url
                            + " is made out for other names (" + mismatch + "): use a name it holds", chain, e);
                }
                if (isTrustFailure(c)) {
                    return new UntrustedCertificateException("the certificate of " + url + " is not trusted ("
                            + rootMessage(c) + "); trust it explicitly if you accept the risk", chain, e);
                }
                return new ConnectionException(what + ": TLS failed: " + rootMessage(c), e);
            }
            if (c instanceof UnknownHostException) {
                return new ConnectionException(what + ": the host is unknown (DNS)", e);
            }
            if (c instanceof ConnectException) {
                return new ConnectionException(what + ": the server refused the connection", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new ConnectionException(what + ": the server did not answer in time", e);
            }
        }
        return new ConnectionException(what + ": the connection failed: " + rootMessage(e), e);
    }

    /**
     * The JDK's words when a certificate does not hold the name it was reached by ("No subject
     * alternative names matching IP address 10.0.0.2 found"), from anywhere in the causes; null otherwise.
     * Trusting such a certificate would not help, so callers say so instead of offering it.
     *
     * @param c the failure, read with its causes
     * @return the JDK's sentence from its start, or null
     */
    public static String hostMismatch(Throwable c) {
        for (Throwable x = c; x != null; x = x.getCause()) {
            String m = String.valueOf(x.getMessage());
            int at = m.indexOf("No subject alternative");
            if (at < 0) {
                at = m.indexOf("No name matching");
            }
            if (at >= 0) {
                return m.substring(at).trim();
            }
        }
        return null;
    }

    private static boolean isTrustFailure(Throwable c) {
        for (Throwable x = c; x != null; x = x.getCause()) {
            if (x instanceof CertificateException) {
                return true;
            }
            String m = String.valueOf(x.getMessage());
            if (m.contains("PKIX") || m.contains("certificate") || m.contains("subject alternative")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message of the deepest cause (its class name when it has none).
     *
     * @param t the failure; not null
     * @return a message, never null
     */
    public static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
