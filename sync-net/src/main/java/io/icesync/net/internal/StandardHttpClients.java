package io.icesync.net.internal;

import io.icesync.core.ProxyChoice;
import io.icesync.core.Timeouts;
import io.icesync.net.HttpClientFactory;
import io.icesync.net.HttpSetup;
import io.icesync.net.Redirects;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** The one place where IceSync sets up an HttpClient 5 classic client. */
public final class StandardHttpClients implements HttpClientFactory {
    public static final StandardHttpClients INSTANCE = new StandardHttpClients();

    private StandardHttpClients() {
    }

    @Override
    public CloseableHttpClient create(HttpSetup setup) {
        Timeouts timeouts = setup.access().timeouts();
        Timeout connect = Timeout.of(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
        Timeout read = Timeout.of(timeouts.read().toMillis(), TimeUnit.MILLISECONDS);
        int httpsPort = setup.httpsPort();
        SchemePortResolver ports = host -> host.getPort() > 0 ? host.getPort()
                : "https".equalsIgnoreCase(host.getSchemeName()) ? httpsPort : 80;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setSchemePortResolver(ports)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(Timeout.ofSeconds(2))
                        .build())
                .setMaxConnTotal(16)
                .setMaxConnPerRoute(8);
        if (setup.tls() != null) {
            pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(setup.tls()).buildClassic());
        }
        if (setup.dns() != null) {
            pool.setDnsResolver(resolver(setup));
        }
        Redirects redirects = setup.redirects();
        HttpClientBuilder b = HttpClients.custom()
                .setSchemePortResolver(ports)
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setMaxRedirects(Math.max(redirects.max(), 1))
                        .setExpectContinueEnabled(setup.expectContinue())
                        .build())
                .evictIdleConnections(TimeValue.ofMilliseconds(timeouts.idle().toMillis()))
                .disableCookieManagement()
                .setUserAgent("IceSync");
        if (redirects.max() == 0) {
            b.disableRedirectHandling();
        } else if (redirects.origin() != null) {
            b.setRedirectStrategy(new SameOriginRedirects(redirects.origin(), redirects.readMethods()));
        }
        if (!setup.retries()) {
            b.disableAutomaticRetries();
        }
        if (!setup.decompress()) {
            b.disableContentCompression();
        }
        if (!setup.authCache()) {
            b.disableAuthCaching();
        }
        ProxyChoice proxy = setup.access().proxy();
        switch (proxy.kind()) {
            case SYSTEM -> b.setRoutePlanner(new SystemDefaultRoutePlanner(ports, ProxySelector.getDefault()));
            case HTTP -> b.setProxy(new HttpHost(proxy.host(), proxy.port()));
            case NONE -> {
                // straight to the server
            }
        }
        return b.build();
    }

    private static DnsResolver resolver(HttpSetup setup) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                List<InetAddress> found;
                try {
                    found = setup.dns().apply(host);
                } catch (RuntimeException e) {
                    UnknownHostException u = new UnknownHostException(e.getMessage());
                    u.initCause(e);
                    throw u;
                }
                if (found == null || found.isEmpty()) {
                    throw new UnknownHostException(host);
                }
                return found.toArray(new InetAddress[0]);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
