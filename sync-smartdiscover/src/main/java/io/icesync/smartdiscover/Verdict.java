package io.icesync.smartdiscover;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What "verify settings" (F1.4) found at one endpoint: a precise kind, a one-line message for the
 * user, the server's capabilities when it worked, and the certificate when it is not trusted (its
 * subject and SHA-256, for the user to decide). The capabilities iterate in alphabetical order, the
 * same at every check whatever order the server listed them in.
 */
public record Verdict(Kind kind, String message, Set<String> capabilities, List<X509Certificate> chain,
                      String fingerprint) {
    /** The ways a check ends. */
    public enum Kind { OK, DNS, REFUSED, TIMEOUT, TLS_HANDSHAKE, UNTRUSTED_CERTIFICATE, AUTH_REJECTED, PROTOCOL }

    public Verdict {
        capabilities = capabilities == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
