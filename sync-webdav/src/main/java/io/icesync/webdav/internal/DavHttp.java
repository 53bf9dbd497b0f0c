package io.icesync.webdav.internal;

import io.icesync.core.IceSyncException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.tls.LiveTrust;
import io.icesync.net.HttpClientFactory;
import io.icesync.net.HttpSetup;
import io.icesync.net.Redirects;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the WebDAV client (HttpClient 5 classic): pooled connections, timeouts, TLS
 * checked against the user's trust list, same-origin redirects only, and credentials.
 *
 * <p>Basic credentials go with every request only where they cannot be read on the way (HTTPS, or
 * a loopback address); elsewhere they are given only when the server asks, which lets it pick a
 * stronger scheme such as Digest.
 */
public final class DavHttp implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DavHttp.class);

    private final CloseableHttpClient client;
    private final LiveTrust trust;
    private final String user;
    private final String preemptive;

    private final BasicCredentialsProvider challenged;

    public DavHttp(URI base, ServiceAccess access, HttpClientFactory clients) {
        this.user = access.user();
        this.trust = new LiveTrust(access.trust());
        boolean sendAlways = user != null && ("https".equalsIgnoreCase(base.getScheme()) || isLoopback(base.getHost()));
        char[] password = access.password();
        try {
            this.preemptive = sendAlways ? basic(user, password) : null;
            if (user != null && !sendAlways) {
                challenged = new BasicCredentialsProvider();
                challenged.setCredentials(new AuthScope(base.getHost(), base.getPort()),
                        new UsernamePasswordCredentials(user, password.clone()));
            } else {
                challenged = null;
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        this.client = clients.create(HttpSetup.of(access, trust.sslContext())
                .withRedirects(Redirects.sameOrigin(base, Set.of("GET", "HEAD", "PROPFIND"), 5))
                // A Range on a transparently decompressed body would count bytes of the wrong representation.
                .withDecompression(false)
                // Lets a challenged PUT learn about the 401 before sending a body it cannot resend.
                .withExpectContinue(challenged != null));
    }

    /**
     * Sends the request and returns the open response; the caller closes it. I/O failures come back
     * as typed errors naming the request.
     */
    public ClassicHttpResponse open(HttpUriRequestBase request) {
        if (preemptive != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, preemptive);
        }
        trust.forget();
        try {
            HttpClientContext context = HttpClientContext.create();
            if (challenged != null) {
                context.setCredentialsProvider(challenged);
            }
            ClassicHttpResponse response = client.executeOpen(null, request, context);
            LOG.debug("{} {} -> {}", request.getMethod(), request.getRequestUri(), response.getCode());
            return response;
        } catch (IOException e) {
            LOG.debug("{} {} failed: {}", request.getMethod(), request.getRequestUri(), e.toString());
            throw Errors.forIo(request.getMethod(), url(request), e, trust.lastChain());
        }
    }

    /** Reads the rest of a body so that the connection goes back to the pool, or drops the connection. */
    public static void finish(ClassicHttpResponse response) {
        try (response) {
            EntityUtils.consume(response.getEntity());
        } catch (IOException e) {
            LOG.debug("a connection was dropped after an answer: {}", e.toString());
        }
    }

    /** The typed error for an answer the operation cannot accept; the response is finished first. */
    public IceSyncException failure(HttpUriRequestBase request, ClassicHttpResponse response) {
        finish(response);
        String reason = response.getReasonPhrase();
        org.apache.hc.core5.http.Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (response.getCode() / 100 == 3 && location != null) {
            reason = reason + ", redirected to " + location.getValue() + " (not followed: another server, or a write)";
        }
        return Errors.forStatus(request.getMethod(), url(request), response.getCode(), reason, user);
    }

    /** The error for an I/O failure while reading a body. */
    public IceSyncException failure(HttpUriRequestBase request, IOException e) {
        return Errors.forIo(request.getMethod(), url(request), e, trust.lastChain());
    }

    public static String url(HttpUriRequestBase request) {
        try {
            return request.getUri().toString();
        } catch (java.net.URISyntaxException e) {
            return request.getRequestUri();
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static String basic(String user, char[] password) {
        // Encoded from chars, with the intermediate buffers wiped: only the header itself keeps the secret.
        CharBuffer pair = CharBuffer.allocate(user.length() + 1 + password.length);
        pair.put(user).put(':').put(password).flip();
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(pair);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        Arrays.fill(pair.array(), '\0');
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        return header;
    }

    /** Loopback by literal address or the name "localhost"; other names are not resolved here. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
