package io.icesync.webdav.internal;

import io.icesync.core.AuthenticationException;
import io.icesync.core.IceSyncException;
import io.icesync.core.tls.TransportErrors;
import io.icesync.webdav.DavConflictException;
import io.icesync.webdav.DavForbiddenException;
import io.icesync.webdav.DavLockedException;
import io.icesync.webdav.DavNotFoundException;
import io.icesync.webdav.InsufficientStorageException;
import io.icesync.webdav.PreconditionFailedException;
import io.icesync.webdav.UnexpectedStatusException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Turns HTTP statuses and I/O failures into IceSync's typed errors. Messages name the method, the
 * URL and the user, never the password (the client never puts it in a URL).
 */
public final class Errors {
    private Errors() {
    }

    /** The error for a status the operation cannot accept. */
    public static IceSyncException forStatus(String method, String url, int status, String reason, String user) {
        String what = method + " " + url + ": HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason);
        switch (status) {
            case 401:
                return new AuthenticationException(user == null ? "the WebDAV server requires a login (" + what + ")"
                        : "the WebDAV server refused the login of '" + user + "' (" + what + ")", null);
            case 403:
                return new DavForbiddenException(what, status, url);
            case 404:
            case 410:
                return new DavNotFoundException(what, status, url);
            case 409:
                return new DavConflictException(what, status, url);
            case 412:
                return new PreconditionFailedException(what, status, url);
            case 423:
                return new DavLockedException(what, status, url);
            case 507:
                return new InsufficientStorageException(what, status, url);
            default:
                return new UnexpectedStatusException(what, status, url);
        }
    }

    /** The error for a transfer that failed below HTTP; the chain is the one seen during the TLS handshake. */
    public static IceSyncException forIo(String method, String url, IOException e, List<X509Certificate> chain) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExactLength.MismatchException m) {
                return new io.icesync.core.StoreException("the content sent by " + method + " " + url
                        + " changed while it was sent: " + m.getMessage() + "; nothing was stored", m);
            }
        }
        return TransportErrors.of(method + " " + url, url, e, chain);
    }
}
