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
    /**
     * Checks the setup.
     *
     * @param access         timeouts (connect, read, idle) and proxy
     * @param tls            checks servers; null for the JVM's default
     * @param redirects      which redirects the client follows itself
     * @param retries        whether an idempotent request is sent again after an I/O error
     * @param decompress     whether gzip/deflate bodies are decompressed
     * @param authCache      whether a scheme learnt from a challenge is used for the next requests
     * @param expectContinue whether a request with a body waits for {@code 100 Continue}
     * @param dns            resolves host names; null for the system's
     * @param httpsPort      the port of an https URL without one
     * @throws NullPointerException when {@code access} or {@code redirects} is null
     * @throws IllegalArgumentException when {@code httpsPort} is outside 1..65535
     */
    public HttpSetup {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(redirects, "redirects");
        if (httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("port " + httpsPort + " is outside 1..65535");
        }
    }

    /**
     * The defaults above, with this access and TLS.
     *
     * @param access timeouts and proxy
     * @param tls    checks servers; null for the JVM's default
     * @return a setup with no redirects, no retries, decompression and the auth cache on, port 443
     */
    public static HttpSetup of(ServiceAccess access, SSLContext tls) {
        return new HttpSetup(access, tls, Redirects.none(), false, true, true, false, null, 443);
    }

    /**
     * @param r which redirects the client follows itself
     * @return this setup with those redirects
     */
    public HttpSetup withRedirects(Redirects r) {
        return new HttpSetup(access, tls, r, retries, decompress, authCache, expectContinue, dns, httpsPort);
    }

    /**
     * @param on whether an idempotent request is sent again after an I/O error
     * @return this setup with retries on or off
     */
    public HttpSetup withRetries(boolean on) {
        return new HttpSetup(access, tls, redirects, on, decompress, authCache, expectContinue, dns, httpsPort);
    }

    /**
     * @param on whether gzip/deflate bodies are decompressed (turn off where byte ranges are asked)
     * @return this setup with decompression on or off
     */
    public HttpSetup withDecompression(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, on, authCache, expectContinue, dns, httpsPort);
    }

    /**
     * @param on whether a scheme learnt from a challenge is used for the next requests
     * @return this setup with the auth cache on or off
     */
    public HttpSetup withAuthCache(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, decompress, on, expectContinue, dns, httpsPort);
    }

    /**
     * @param on whether a request with a body waits for {@code 100 Continue}
     * @return this setup with {@code Expect: 100-continue} on or off
     */
    public HttpSetup withExpectContinue(boolean on) {
        return new HttpSetup(access, tls, redirects, retries, decompress, authCache, on, dns, httpsPort);
    }

    /**
     * Resolves host names with {@code resolver} and takes {@code port} for https URLs without one (tests).
     *
     * @param resolver host name to addresses (an empty list or an unchecked exception: the name is unknown); null
     *                 for the system's
     * @param port     the port of an https URL without one, 1..65535
     * @return this setup with that resolver and port
     */
    public HttpSetup withDns(Function<String, List<InetAddress>> resolver, int port) {
        return new HttpSetup(access, tls, redirects, retries, decompress, authCache, expectContinue, resolver, port);
    }
}
