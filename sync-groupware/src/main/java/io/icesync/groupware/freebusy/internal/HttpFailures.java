package io.icesync.groupware.freebusy.internal;

import io.icesync.core.IceSyncException;
import io.icesync.core.tls.TransportErrors;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Turns a failure below HTTP into IceSync's typed errors, naming the URL (which never holds a password). */
public final class HttpFailures {
    private HttpFailures() {
    }

    public static IceSyncException of(String url, IOException e, List<X509Certificate> chain) {
        return TransportErrors.of("free/busy " + url, url, e, chain);
    }
}
