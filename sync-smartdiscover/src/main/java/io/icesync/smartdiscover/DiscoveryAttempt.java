package io.icesync.smartdiscover;

/**
 * One candidate discovery tried, and what came of it (F1.3): enough for a UI to show why discovery
 * ended where it did.
 */
public record DiscoveryAttempt(String candidate, Outcome outcome, String detail) {
    /** What happened with a candidate. */
    public enum Outcome {
        /** Settings found here. */
        FOUND,
        /** This candidate pointed elsewhere (redirectUrl, redirectAddr, HTTP redirect). */
        REDIRECTED,
        /** The name does not resolve, or DNS failed. */
        DNS,
        /** Nothing listens there. */
        REFUSED,
        /** No answer in time. */
        TIMEOUT,
        /** The server was reached but its answer broke off or was not HTTP (reset, closed, garbage, a bad chunk). */
        BROKEN_ANSWER,
        /** The TLS handshake failed or the certificate is not trusted (detail has its fingerprint). */
        TLS,
        /** An HTTP status other than 200 (401: the password was refused). */
        HTTP_STATUS,
        /** The answer is not the XML expected, is too big, or is hostile (DTD, entities). */
        XML,
        /** The server answered with an Autodiscover error code (500-603). */
        SERVER_ERROR,
        /** Not tried: it would send the password to another domain or over plain HTTP without consent. */
        REFUSED_BY_POLICY,
        /** The answer holds no usable mail settings. */
        NO_SETTINGS
    }

    @Override
    public String toString() {
        return candidate + ": " + outcome + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
