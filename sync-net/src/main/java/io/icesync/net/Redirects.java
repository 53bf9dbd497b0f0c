package io.icesync.net;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which redirects an HTTP client follows by itself: {@link #none()} (each redirect reaches the
 * caller), {@link #follow(int)} (any, up to a number), or {@link #sameOrigin(URI, Set, int)} (only
 * for methods that read, and only to the same scheme, host and port as the base, so credentials
 * never travel elsewhere and a write is never replayed behind the caller's back).
 */
public final class Redirects {
    private static final Redirects NONE = new Redirects(0, null, Set.of());

    private final int max;
    private final URI origin;
    private final Set<String> reads;

    private Redirects(int max, URI origin, Set<String> reads) {
        this.max = max;
        this.origin = origin;
        this.reads = reads;
    }

    /** {@return the rule that follows no redirect} */
    public static Redirects none() {
        return NONE;
    }

    /**
     * Any redirect is followed, up to {@code max} in a row.
     *
     * @param max how many redirects in a row, at least 1
     * @return the rule
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public static Redirects follow(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        return new Redirects(max, null, Set.of());
    }

    /**
     * Redirects of {@code readMethods} within {@code origin}'s scheme, host and port, up to {@code max} in a row.
     *
     * @param origin      the base URL whose scheme, host and port redirects must keep
     * @param readMethods the HTTP methods that may be redirected (GET, PROPFIND...), in any case
     * @param max         how many redirects in a row, at least 1
     * @return the rule
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public static Redirects sameOrigin(URI origin, Set<String> readMethods, int max) {
        Objects.requireNonNull(origin, "origin");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        return new Redirects(max, origin, readMethods.stream().map(m -> m.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** {@return how many redirects in a row are followed; 0 for {@link #none()}} */
    public int max() {
        return max;
    }

    /** {@return the origin redirects must stay on, or null when any is followed (or none)} */
    public URI origin() {
        return origin;
    }

    /** {@return the methods followed within the origin, upper case; empty unless {@link #origin()} is set} */
    public Set<String> readMethods() {
        return reads;
    }
}
