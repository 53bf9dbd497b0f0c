package io.icesync.net.internal;

import java.io.IOException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/** The application's client, lent: requests go to it, closing leaves it open for its owner. */
public final class BorrowedHttpClient extends CloseableHttpClient {
    private final CloseableHttpClient own;

    public BorrowedHttpClient(CloseableHttpClient own) {
        this.own = own;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
            throws IOException {
        return CloseableHttpResponse.adapt(own.executeOpen(target, request, context));
    }

    @Override
    public void close() {
        // the owner closes it
    }

    @Override
    public void close(CloseMode mode) {
        // the owner closes it
    }
}
