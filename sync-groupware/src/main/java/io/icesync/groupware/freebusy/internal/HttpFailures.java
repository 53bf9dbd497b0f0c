package io.icesync.groupware.freebusy.internal;

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

/** Turns a failure below HTTP into IceSync's typed errors, naming the URL (which never holds a password). */
public final class HttpFailures {
    private HttpFailures() {
    }

    public static IceSyncException of(String url, IOException e, List<X509Certificate> chain) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IceSyncException) {
                return (IceSyncException) c;
            }
            if (c instanceof CertificateException || c instanceof SSLException) {
                if (isTrustFailure(c)) {
                    return new UntrustedCertificateException("the certificate of " + url + " is not trusted ("
                            + rootMessage(c) + "); trust it explicitly if you accept the risk", chain, e);
                }
                return new ConnectionException("free/busy " + url + ": TLS failed: " + rootMessage(c), e);
            }
            if (c instanceof UnknownHostException) {
                return new ConnectionException("free/busy " + url + ": the host is unknown (DNS)", e);
            }
            if (c instanceof ConnectException) {
                return new ConnectionException("free/busy " + url + ": the server refused the connection", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new ConnectionException("free/busy " + url + ": the server did not answer in time", e);
            }
        }
        return new ConnectionException("free/busy " + url + ": the connection failed: " + rootMessage(e), e);
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

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
