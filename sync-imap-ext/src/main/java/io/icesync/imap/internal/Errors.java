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
                String mismatch = io.icesync.core.tls.TransportErrors.hostMismatch(c);
                if (mismatch != null) {
                    // Trusting the certificate would not help: it names other hosts.
                    return new io.icesync.core.CertificateNameMismatchException("the certificate of " + server
                            + " is made out for other names (" + mismatch + names(trust) + "): connect with a name it holds",
                            trust == null ? null : trust.lastChain(), e);
                }
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
            return new ConnectionException("I/O with " + server + " failed while trying to " + what + detail(e.getMessage()), e);
        }
        if (e instanceof MessagingException) {
            return new ProtocolException("could not " + what + " on " + server, clean(rootMessage(e)), e);
        }
        return new IceSyncException("could not " + what + " on " + server + detail(String.valueOf(e)), e);
    }

    /** "; it holds localhost, 127.0.0.1" from the chain the server showed. */
    private static String names(CapturingTrust trust) {
        if (trust == null || trust.lastChain().isEmpty()) {
            return "";
        }
        try {
            java.util.Collection<java.util.List<?>> sans = trust.lastChain().get(0).getSubjectAlternativeNames();
            if (sans == null || sans.isEmpty()) {
                return "";
            }
            java.util.List<String> out = new java.util.ArrayList<>();
            sans.forEach(l -> out.add(String.valueOf(l.get(1))));
            return "; it holds " + String.join(", ", out);
        } catch (java.security.cert.CertificateParsingException e) {
            return "";
        }
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

    private static final java.util.regex.Pattern CLASS_PREFIX =
            java.util.regex.Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?:: )?");

    /**
     * A library message as a person reads it: Angus' "* BYE Jakarta Mail Exception: java.io.IOException:
     * Connection reset" is "Connection reset"; a bare class name says what kind of failure it was.
     */
    static String clean(String m) {
        if (m == null) {
            return null;
        }
        String s = m.strip();
        if (s.startsWith("* BYE ")) {
            s = s.substring(6);
        }
        if (s.startsWith("Jakarta Mail Exception: ")) {
            s = s.substring("Jakarta Mail Exception: ".length());
        }
        for (int i = 0; i < 3; i++) {
            java.util.regex.Matcher x = CLASS_PREFIX.matcher(s);
            if (!x.find()) {
                break;
            }
            String rest = s.substring(x.end()).strip();
            if (rest.isEmpty()) {
                String name = x.group();
                return name.contains("IOException") || name.contains("SocketException") || name.contains("EOFException")
                        ? "the connection failed" : "an answer IceSync could not read";
            }
            s = rest;
        }
        return s;
    }

    private static String detail(String m) {
        String c = clean(m);
        return c == null || c.isBlank() ? "" : ": " + c;
    }
}
