package io.icesync.groupware.freebusy;

import io.icesync.core.AccessBuilder;
import io.icesync.core.AuthenticationException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.LiveTrust;
import io.icesync.groupware.freebusy.internal.FreeBusyParser;
import io.icesync.groupware.freebusy.internal.HttpFailures;
import io.icesync.groupware.freebusy.internal.Timeline;
import io.icesync.net.HttpClientFactory;
import io.icesync.net.HttpSetup;
import io.icesync.net.Redirects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches participants' free/busy from the server's URL template (F6.4) over HttpClient 5 and reads
 * it with ical4j:
 *
 * <pre>{@code
 * try (FreeBusyClient client = FreeBusyClient.builder(FreeBusyTemplate.parse("https://mail.example.com/freebusy/?%NAME%@%SERVER%"))
 *         .trust(trust).build()) {
 *     FreeBusy fb = client.fetch("anne@example.com", monday, saturday);
 *     fb.busy().forEach(p -> show(p.start(), p.end(), p.type()));
 * }
 * }</pre>
 *
 * Credentials are optional and go only to an HTTPS URL on the template's host, when the server asks
 * for them. TLS is checked against the system's CAs plus the user's {@link CertificateTrust}; an
 * untrusted certificate raises {@link io.icesync.core.UntrustedCertificateException} with the chain.
 * Errors: {@link FreeBusyNotFoundException} (404/410), {@link FreeBusyHttpException} (other statuses),
 * {@link FreeBusyFormatException} (not iCalendar, no VFREEBUSY), {@link AuthenticationException} (401),
 * {@link io.icesync.core.ConnectionException}. Thread-safe; close it to free its connections.
 */
public final class FreeBusyClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FreeBusyClient.class);
    /** A year of busy periods is far below this; more is a wrong URL or a hostile server. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final FreeBusyTemplate template;
    private final String user;
    private final char[] password;
    private final LiveTrust trust;
    private final CloseableHttpClient http;

    private FreeBusyClient(Builder b) {
        ServiceAccess access = b.serviceAccess();
        this.template = b.template;
        this.user = access.user();
        this.password = access.password();
        this.trust = new LiveTrust(access.trust());
        this.http = b.httpClients.create(HttpSetup.of(access, trust.sslContext())
                .withRedirects(Redirects.follow(3))
                .withRetries(true));
    }

    /**
     * @param template the server's URL template
     * @return a builder for a client of that template
     */
    public static Builder builder(FreeBusyTemplate template) {
        return new Builder(template);
    }

    /** {@return the template this client expands} */
    public FreeBusyTemplate template() {
        return template;
    }

    /**
     * The participant's schedule over [from, to): the server's periods clipped to the window and
     * merged (see {@link FreeBusy}). The server decides which time it publishes; what lies outside
     * its window simply shows no period.
     *
     * @param address the participant's address
     * @param from    the window's start, inclusive
     * @param to      the window's end, exclusive
     * @return the schedule
     * @throws FreeBusyNotFoundException when the server has none for the address
     * @throws FreeBusyHttpException when the server answers another unusable status
     * @throws FreeBusyFormatException when the answer is not usable iCalendar
     * @throws io.icesync.core.AuthenticationException when the server wants a login it was not given or refuses it
     * @throws IllegalArgumentException when the window does not end after it starts
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public FreeBusy fetch(String address, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window must end after it starts: " + from + " / " + to);
        }
        URI uri = template.expand(address);
        String url = uri.toString();
        Answer answer = get(uri);
        LOG.debug("free/busy {} -> {}", url, answer.status());
        int s = answer.status();
        if (s == 200 || s == 203) {
            List<BusyPeriod> periods = FreeBusyParser.parse(answer.body(), answer.contentType(), url);
            return new FreeBusy(address.trim(), from, to, Timeline.normalise(periods, from, to));
        }
        if (s == 404 || s == 410) {
            throw new FreeBusyNotFoundException(address.trim(), url, s);
        }
        if (s == 401) {
            if (user == null) {
                throw new AuthenticationException("the free/busy server " + url + " requires a login; none was given", null);
            }
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new AuthenticationException("the free/busy server " + url + " requires a login, but credentials"
                        + " are only sent over HTTPS: use an https:// template", null);
            }
            throw new AuthenticationException("the free/busy server " + url + " refused the login of '" + user + "'", null);
        }
        String what = "the free/busy server " + url + " answered HTTP " + s
                + (answer.reason() == null || answer.reason().isBlank() ? "" : " " + answer.reason());
        if (answer.location() != null) {
            what += ", redirected to " + answer.location() + " (not followed)";
        }
        throw new FreeBusyHttpException(what, url, s);
    }

    /** What the server answered, with the body read up to the limit. */
    private record Answer(int status, String reason, String contentType, String location, byte[] body) {
    }

    private Answer get(URI uri) {
        HttpGet get = new HttpGet(uri);
        get.setHeader(HttpHeaders.ACCEPT, "text/calendar, */*;q=0.1");
        HttpClientContext context = HttpClientContext.create();
        if (user != null && "https".equalsIgnoreCase(uri.getScheme())) {
            // Scoped to HTTPS on this host and port, so a redirect elsewhere or to plain HTTP gets nothing.
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(new HttpHost("https", uri.getHost(), port(uri)), null, null),
                    new UsernamePasswordCredentials(user, password.clone()));
            context.setCredentialsProvider(credentials);
        }
        trust.forget();
        try {
            return http.execute(get, context, response -> {
                HttpEntity entity = response.getEntity();
                byte[] body = new byte[0];
                String type = null;
                if (entity != null) {
                    type = entity.getContentType();
                    try (InputStream in = entity.getContent()) {
                        body = in.readNBytes(MAX_BODY + 1);
                    }
                }
                if (body.length > MAX_BODY) {
                    throw new FreeBusyFormatException("the free/busy answer of " + uri + " is larger than "
                            + MAX_BODY / (1024 * 1024) + " MB", uri.toString(), null);
                }
                Header location = response.getFirstHeader(HttpHeaders.LOCATION);
                return new Answer(response.getCode(), response.getReasonPhrase(), type,
                        location == null ? null : location.getValue(), body);
            });
        } catch (IOException e) {
            throw HttpFailures.of(uri.toString(), e, trust.lastChain());
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 443;
    }

    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the free/busy HTTP client: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "FreeBusyClient[" + template + (user == null ? "" : ", user " + user) + "]";
    }

    /** How the client connects. */
    public static final class Builder extends AccessBuilder<Builder> {
        private final FreeBusyTemplate template;
        private HttpClientFactory httpClients = HttpClientFactory.standard();

        private Builder(FreeBusyTemplate template) {
            this.template = Objects.requireNonNull(template, "template");
        }

        /**
         * Makes the HTTP client (default {@link HttpClientFactory#standard()}; {@link HttpClientFactory#of} for the application's own).
         *
         * @param factory makes the client
         * @return this builder
         */
        public Builder httpClients(HttpClientFactory factory) {
            this.httpClients = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** {@return a client with this builder's template, credentials, trust, timeouts and proxy} */
        public FreeBusyClient build() {
            return new FreeBusyClient(this);
        }
    }
}
