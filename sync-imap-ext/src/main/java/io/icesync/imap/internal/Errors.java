package io.icesync.imap.internal;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;

/** Turns Jakarta Mail and socket failures into IceSync's typed errors, naming the server and never a password. */
final class Errors {
    private Errors() {
    }

    static IceSyncException map(String what, String server, String login, Throwable e, CapturingTrust trust) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IceSyncException ice) {
                return ice;
            }
            if (c instanceof AuthenticationFailedException) {
                // The server's text ("[AUTHENTICATIONFAILED] Authentication failed.") never holds the password.
                return new AuthenticationException("the server " + server + " refused the login of '" + login + "'"
                        + detail(c.getMessage()), e);
            }
            if (c instanceof CertificateException || c instanceof SSLException) {
                if (isTrustFailure(c)) {
                    return new UntrustedCertificateException("the certificate of " + server
                            + " is not trusted (" + rootMessage(c) + "); trust it explicitly if you accept the risk",
                            trust == null ? null : trust.lastChain(), e);
                }
                return new ConnectionException("TLS with " + server + " failed: " + rootMessage(c), e);
            }
            if (c instanceof UnknownHostException) {
                return new ConnectionException("the host of " + server + " is unknown (DNS)", e);
            }
            if (c instanceof ConnectException) {
                return new ConnectionException(server + " refused the connection", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new ConnectionException(server + " did not answer in time while trying to " + what, e);
            }
            if (c instanceof FolderClosedException || c instanceof StoreClosedException
                    || c instanceof org.eclipse.angus.mail.iap.ConnectionException) {
                return new ConnectionException("the connection to " + server + " was lost while trying to " + what
                        + detail(c.getMessage()), e);
            }
            if (c instanceof jakarta.mail.FolderNotFoundException fnf && fnf.getFolder() != null) {
                char sep = '/';
                try {
                    sep = fnf.getFolder().getSeparator();
                } catch (Exception ignored) {
                    // keep '/'
                }
                return new FolderNotFoundException(FolderPath.parse(fnf.getFolder().getFullName(), sep), "server " + server);
            }
            if (c instanceof CommandFailedException || c instanceof BadCommandException) {
                return new ProtocolException("the server " + server + " refused to " + what, c.getMessage(), e);
            }
        }
        if (e instanceof IOException) {
            return new ConnectionException("I/O with " + server + " failed while trying to " + what + ": "
                    + e.getMessage(), e);
        }
        if (e instanceof MessagingException) {
            return new ProtocolException("could not " + what + " on " + server, rootMessage(e), e);
        }
        return new IceSyncException("could not " + what + " on " + server + ": " + e, e);
    }

    private static boolean isTrustFailure(Throwable c) {
        for (Throwable x = c; x != null; x = x.getCause()) {
            if (x instanceof CertificateException) {
                return true;
            }
            String m = String.valueOf(x.getMessage());
            if (m.contains("PKIX") || m.contains("certificate") || m.contains("No subject alternative")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return String.valueOf(r.getMessage());
    }

    private static String detail(String m) {
        return m == null || m.isBlank() ? "" : ": " + m;
    }
}
