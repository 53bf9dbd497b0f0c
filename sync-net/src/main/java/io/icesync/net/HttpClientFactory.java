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
    /**
     * A client for one IceSync object, which closes it when it is closed itself.
     *
     * @param setup timeouts, TLS, proxy and rules the module asks for
     * @return a client; closing it releases what it holds (or nothing, for a borrowed client)
     */
    CloseableHttpClient create(HttpSetup setup);

    /**
     * Pooled clients built from the setup: its timeouts, TLS, proxy (none, the system's or explicit) and rules.
     *
     * @return the shared factory of standard clients
     */
    static HttpClientFactory standard() {
        return StandardHttpClients.INSTANCE;
    }

    /**
     * The application's own client for every request: the setup is not applied (the client has its own
     * timeouts, proxy and TLS), and closing what this factory hands out leaves {@code own} open. Certificate
     * errors then come as plain connection errors, without the chain to show.
     *
     * @param own the application's client, which it closes itself
     * @return a factory that lends {@code own}
     * @throws NullPointerException when {@code own} is null
     */
    static HttpClientFactory of(CloseableHttpClient own) {
        java.util.Objects.requireNonNull(own, "own");
        return setup -> new BorrowedHttpClient(own);
    }
}
