package io.icesync.net.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Follows a redirect only when it stays on the same scheme, host and port and the method only reads:
 * the Authorization header travels with a followed request, so a redirect elsewhere (or from https
 * to http) must not be followed, and a write must not be replayed, or turned into a GET, behind the
 * caller's back. An unfollowed redirect reaches the caller as an error naming the status.
 */
public final class SameOriginRedirects extends DefaultRedirectStrategy {
    private final URI base;
    private final Set<String> reads;

    /** {@code reads}: the methods, upper-case, that only read and may be sent again elsewhere on the same origin. */
    public SameOriginRedirects(URI base, Set<String> reads) {
        this.base = base;
        this.reads = Set.copyOf(reads);
    }

    @Override
    public boolean isRedirected(HttpRequest request, HttpResponse response, HttpContext context)
            throws org.apache.hc.core5.http.ProtocolException {
        if (!reads.contains(request.getMethod().toUpperCase(Locale.ROOT))
                || response.getCode() == HttpStatus.SC_SEE_OTHER && !"GET".equalsIgnoreCase(request.getMethod())
                || !super.isRedirected(request, response, context)) {
            return false;
        }
        try {
            return sameOrigin(getLocationURI(request, response, context));
        } catch (HttpException e) {
            return false;
        }
    }

    private boolean sameOrigin(URI location) {
        URI target = base.resolve(location);
        return base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
                && port(base) == port(target);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
