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
    public enum Kind {
        /** Connected, TLS as asked, and the login was accepted. */
        OK,
        /** The host name has no address. */
        DNS,
        /** Nothing listens on the port (or a firewall refuses). */
        REFUSED,
        /** A step took longer than the timeout. */
        TIMEOUT,
        /** TLS could not be set up (no common protocol or cipher, or STARTTLS not offered). */
        TLS_HANDSHAKE,
        /** The server's certificate is not trusted: {@link #chain()} and {@link #fingerprint()} show it. */
        UNTRUSTED_CERTIFICATE,
        /** The server refused the login or password. */
        AUTH_REJECTED,
        /** The server answered something this protocol does not expect. */
        PROTOCOL
    }

    /**
     * Sorts the capabilities and copies the chain.
     *
     * @param kind         how the check ended
     * @param message      one line for the user
     * @param capabilities what the server announced when it worked; null for none
     * @param chain        the untrusted certificate chain, server first; null for none
     * @param fingerprint  the SHA-256 of the server's certificate when it is not trusted, else null
     */
    public Verdict {
        capabilities = capabilities == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** {@return whether the check ended {@link Kind#OK}} */
    public boolean ok() {
        return kind == Kind.OK;
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
