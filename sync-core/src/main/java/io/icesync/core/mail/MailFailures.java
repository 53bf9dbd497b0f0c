package io.icesync.core.mail;

import io.icesync.core.ConnectionException;
import io.icesync.core.IceSyncException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.tls.CapturingTrust;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** What the network did to a mail connection, read from the causes of the library's exception. */
public final class MailFailures {
    private MailFailures() {
    }

    /**
     * The typed error for a failure of the network or of TLS under {@code e}: an untrusted certificate
     * (with the chain {@code trust} saw), a TLS failure, an unknown host, a refused connection, a timeout;
     * null when none of these is the cause (the caller reads the protocol's own errors).
     *
     * @param where the server as messages name it, e.g. "SMTP mail.example.com:587"
     * @param e the library's exception; its cause chain is read
     * @param trust the trust manager of the connection, for the chain it saw last
     * @return an {@link UntrustedCertificateException} or a {@link ConnectionException} wrapping {@code e}, or null
     */
    public static IceSyncException network(String where, Throwable e, CapturingTrust trust) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateException || c instanceof SSLException) {
                String m = String.valueOf(c.getMessage());
                if (c instanceof CertificateException || m.contains("PKIX") || m.contains("certificate")) {
                    return new UntrustedCertificateException("the certificate of " + where + " is not trusted; trust it"
                            + " explicitly if you accept the risk", trust.lastChain(), e);
                }
                return new ConnectionException(where + ": TLS failed: " + m, e);
            }
            if (c instanceof UnknownHostException) {
                return new ConnectionException(where + ": the host is unknown (DNS)", e);
            }
            if (c instanceof ConnectException) {
                return new ConnectionException(where + ": the server refused the connection", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new ConnectionException(where + ": the server did not answer in time", e);
            }
        }
        return null;
    }
}
