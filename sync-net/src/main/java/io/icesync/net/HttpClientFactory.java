package io.icesync.net;

import io.icesync.net.internal.BorrowedHttpClient;
import io.icesync.net.internal.StandardHttpClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Makes the HttpClient 5 clients of every IceSync module that speaks HTTP (WebDAV, CalDAV/CardDAV,
 * free/busy, the IceWarp XML API, discovery), so that timeouts, trust and proxy are applied one way.
 * {@link #standard()} builds a pooled client from an {@link HttpSetup}; {@link #of} hands out the
 * application's own client instead (its proxy, timeouts and TLS are then the application's, and
 * IceSync never closes it). Builders take one through {@code httpClients(HttpClientFactory)}; the
 * default is {@link #standard()}.
 */
@FunctionalInterface
public interface HttpClientFactory {
    /** A client for one IceSync object, which closes it when it is closed itself. */
    CloseableHttpClient create(HttpSetup setup);

    /** Pooled clients built from the setup: its timeouts, TLS, proxy (none, the system's or explicit) and rules. */
    static HttpClientFactory standard() {
        return StandardHttpClients.INSTANCE;
    }

    /**
     * The application's own client for every request: the setup is not applied (the client has its own
     * timeouts, proxy and TLS), and closing what this factory hands out leaves {@code own} open. Certificate errors then come as
     * plain connection errors, without the chain to show.
     */
    static HttpClientFactory of(CloseableHttpClient own) {
        java.util.Objects.requireNonNull(own, "own");
        return setup -> new BorrowedHttpClient(own);
    }
}
