package io.icesync.net;

import io.icesync.core.ServiceAccess;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What a module asks of an HTTP client: the {@link ServiceAccess} (its timeouts and proxy; the
 * credentials stay with the module, which sends them per request), the TLS context that checks
 * servers, and the module's own rules. Defaults: no redirects followed, no automatic retries,
 * bodies decompressed, authentication cached per client, no {@code Expect: 100-continue}, the
 * system's DNS, HTTPS on port 443, 16 pooled connections (8 per server).
 *
 * @param access     timeouts (connect, read, idle) and proxy
 * @param tls        checks servers; null for the JVM's default
 * @param redirects  which redirects the client follows itself
 * @param retries    whether an idempotent request is sent again after an I/O error
 * @param decompress whether gzip/deflate bodies are decompressed (off where byte ranges are asked)
 * @param authCache  whether a scheme learnt from a challenge is used for the next requests
 * @param expectContinue whether a request with a body waits for {@code 100 Continue}
 * @param dns        resolves host names (an empty list or an unchecked exception: the name is unknown); null
 *                   for the system's
 * @param httpsPort  the port of an https URL without one (tests run servers on other ports)
 */
public record HttpSetup(ServiceAccess access, SSLContext tls, Redirects redirects, boolean retries, boolean decompress,
        boolean authCache, boolean expectContinue, Function<String, List<InetAddress>> dns, int httpsPort) {
    public HttpSetup {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(redirects, "redirects");
        if (httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("port " + httpsPort + " is outside 1..65535");
        }
    }

    /** The defaults above, with this access and TLS. */
    public static HttpSetup of(ServiceAccess access, SSLContext tls) {
        return new HttpSetup(access, tls, Redirects.none(), false, true, true, false, null, 443);
    }

    public HttpSetup withRedirects(Redirects r) {
        return new HttpSetup(access, tls, r, retries, decompress, authCache, expectContinue, dns, httpsPort);
    }

    public HttpSetup withRetries(boolean on) {
        return new HttpSetup(access, tls, redirects, on, decompress, authCache, expectContinue, dns, httpsPort);
    }

    public HttpSetup withDecompression(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, on, authCache, expectContinue, dns, httpsPort);
    }

    public HttpSetup withAuthCache(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, decompress, on, expectContinue, dns, httpsPort);
    }

    public HttpSetup withExpectContinue(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, decompress, authCache, on, dns, httpsPort);
    }

    public HttpSetup withDns(Function<String, List<InetAddress>> resolver, int port) {
        return new HttpSetup(access, tls, redirects, retries, decompress, authCache, expectContinue, resolver, port);
    }
}
