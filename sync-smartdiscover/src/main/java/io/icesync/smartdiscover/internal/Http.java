package io.icesync.smartdiscover.internal;

import io.icesync.core.ServiceAccess;
import io.icesync.net.HttpClientFactory;
import io.icesync.net.HttpSetup;
import io.icesync.smartdiscover.Dns;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * HTTPS for discovery (HttpClient 5): names resolved through the discovery's {@link Dns}, redirects
 * never followed by the client (discovery decides), bodies read up to a limit.
 */
public final class Http implements Closeable {
    /** An answer: status, the Location header when there is one, and the body (at most the limit). */
    public record Reply(int status, String location, byte[] body, boolean truncated) {
    }

    private final CloseableHttpClient client;
    private final int maxBody;

    public Http(Dns dns, SSLContext tls, int httpsPort, ServiceAccess access, HttpClientFactory clients, int maxBody) {
        this.maxBody = maxBody;
        this.client = clients.create(HttpSetup.of(access, tls)
                .withAuthCache(false)
                // A DnsException becomes the cause of the UnknownHostException, where discovery reads its kind.
                .withDns(dns::addresses, httpsPort));
    }

    /** POSTs an XML body with Basic credentials; only ever called for https URLs. */
    public Reply post(URI uri, byte[] body, String user, char[] password) throws IOException {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("credentials go over HTTPS only, not to " + uri);
        }
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.create("text/xml", StandardCharsets.UTF_8)));
        String pair = user + ":" + new String(password);
        post.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        return run(post);
    }

    /** A GET without credentials. */
    public Reply get(URI uri) throws IOException {
        return run(new HttpGet(uri));
    }

    private Reply run(HttpUriRequestBase request) throws IOException {
        return client.execute(request, response -> {
            Header loc = response.getFirstHeader("Location");
            byte[] data = new byte[0];
            boolean truncated = false;
            if (response.getEntity() != null) {
                InputStream in = response.getEntity().getContent();
                data = in.readNBytes(maxBody + 1);
                if (data.length > maxBody) {
                    // A hostile or broken server: cut the connection rather than read (or drain) the rest.
                    truncated = true;
                    data = java.util.Arrays.copyOf(data, maxBody);
                    request.cancel();
                }
                try {
                    in.close();
                } catch (IOException e) {
                    // the connection was cut on purpose
                }
            }
            return new Reply(response.getCode(), loc == null ? null : loc.getValue(), data, truncated);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
