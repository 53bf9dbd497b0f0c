package io.icesync.webdav.dav.internal;

import io.icesync.core.IceSyncException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.net.HttpClientFactory;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.internal.DavHttp;
import io.icesync.webdav.internal.Errors;
import io.icesync.webdav.internal.Multistatus;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The CalDAV and CardDAV requests of the store, on the WebDAV client's HTTP layer ({@link DavHttp}:
 * same TLS trust, same-origin redirects, credentials never in a message). Each failure is the typed
 * error of its status.
 */
public final class DavCalls implements Closeable {
    private static final ContentType XML = ContentType.create("application/xml", StandardCharsets.UTF_8);

    /** A 207 answer: its responses, the compliance classes of the DAV header and the top-level sync-token (or null). */
    public record Multi(List<Multistatus.Entry> entries, Set<String> dav, String syncToken) {
    }

    /**
     * The answer to a REPORT: the multistatus, or the status of a refusal (405, 501, 403...) and
     * whether its error body names the {@code DAV:valid-sync-token} precondition (RFC 6578).
     */
    public record Report(Multi multi, int status, boolean invalidSyncToken) {
        public boolean ok() {
            return multi != null;
        }
    }

    private static final Pattern VALID_SYNC_TOKEN = Pattern.compile("<([A-Za-z0-9._-]+:)?valid-sync-token[\\s/>]");
    /** How much of a refusal's body is read to find its precondition. */
    private static final int ERROR_BODY_BYTES = 16 * 1024;

    private final DavHttp http;
    private final String user;

    /** Calls with a fixed password and one timeout for connecting and reading, on a standard client. */
    public DavCalls(URI server, String user, char[] password, CertificateTrust trust, Duration timeout) {
        this(server, access(user, password, trust, timeout), HttpClientFactory.standard());
    }

    public DavCalls(URI server, ServiceAccess access, HttpClientFactory clients) {
        this.http = new DavHttp(server, access, clients);
        this.user = access.user();
    }

    private static ServiceAccess access(String user, char[] password, CertificateTrust trust, Duration timeout) {
        ServiceAccess.Builder b = ServiceAccess.builder().trust(trust).timeout(timeout);
        if (user != null) {
            b.credentials(user, password);
        }
        return b.build();
    }

    public Multi propfind(URI url, int depth, String body) {
        HttpUriRequestBase request = new HttpUriRequestBase("PROPFIND", url);
        request.setHeader("Depth", String.valueOf(depth));
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), XML));
        return multistatus(request);
    }

    /**
     * A REPORT (multiget, sync-collection) with Depth 0, or no Depth header when {@code depth0} is false
     * (RFC 4791 7.9: multiget SHOULD NOT send one). A 207 answer longer than {@code maxBytes} is a
     * MalformedResponseException, so that no answer can hold more than that in memory. A 401 and
     * transfer failures are thrown as usual; any other status comes back for the caller to fall back on.
     */
    public Report report(URI url, String body, boolean depth0, long maxBytes) {
        HttpUriRequestBase request = new HttpUriRequestBase("REPORT", url);
        if (depth0) {
            request.setHeader("Depth", "0");
        }
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), XML));
        ClassicHttpResponse response = http.open(request);
        int code = response.getCode();
        if (code == 207) {
            return new Report(read(request, response, maxBytes), code, false);
        }
        if (code == 401) {
            throw http.failure(request, response);
        }
        boolean invalidToken = false;
        try (response) {
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    String text = new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
                    invalidToken = VALID_SYNC_TOKEN.matcher(text).find();
                }
            }
        } catch (IOException e) {
            // The status alone decides then.
        }
        return new Report(null, code, invalidToken);
    }

    /** A 403 on a write, with the start of its error body read for a precondition. */
    private ForbiddenWrite forbidden(HttpUriRequestBase request, ClassicHttpResponse response) {
        String text = null;
        try (response) {
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    text = new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            // The status alone decides then.
        }
        String url = DavHttp.url(request);
        String reason = response.getReasonPhrase();
        return new ForbiddenWrite(request.getMethod() + " " + url + ": HTTP 403" + (reason == null || reason.isBlank() ? ""
                : " " + reason), url, text);
    }

    /** The typed error of one resource's status inside a multistatus (a 404 in a multiget answer). */
    public IceSyncException itemError(String method, URI url, int status) {
        return Errors.forStatus(method, url.toString(), status, null, user);
    }

    /** PROPPATCH; a property the server refused is reported with its status. */
    public void proppatch(URI url, String body) {
        HttpUriRequestBase request = new HttpUriRequestBase("PROPPATCH", url);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), XML));
        for (Multistatus.Entry e : multistatus(request).entries()) {
            if (e.status() > 0 && e.status() / 100 != 2) {
                throw Errors.forStatus("PROPPATCH", url.toString(), e.status(), null, user);
            }
        }
    }

    /** MKCALENDAR or MKCOL with a body; 201 expected. */
    public void make(String method, URI url, String body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, url);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), XML));
        ClassicHttpResponse response = http.open(request);
        if (response.getCode() != 201 && response.getCode() != 200) {
            throw http.failure(request, response);
        }
        DavHttp.finish(response);
    }

    /**
     * PUT of a whole object, on condition: {@code ifMatch} only over that version, {@code createOnly}
     * only where nothing exists. Returns the ETag the server sent, or null. A 403 is a
     * {@link ForbiddenWrite} with the precondition its body names.
     */
    public String put(URI url, byte[] body, String contentType, String ifMatch, boolean createOnly) {
        HttpPut request = new HttpPut(url);
        request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        if (ifMatch != null) {
            request.setHeader("If-Match", ifMatch);
        }
        if (createOnly) {
            request.setHeader("If-None-Match", "*");
        }
        ClassicHttpResponse response = http.open(request);
        int code = response.getCode();
        if (code == 403) {
            throw forbidden(request, response);
        }
        if (code != 200 && code != 201 && code != 204) {
            throw http.failure(request, response);
        }
        Header etag = response.getFirstHeader("ETag");
        DavHttp.finish(response);
        return etag == null ? null : etag.getValue();
    }

    /**
     * DELETE; returns the status: 2xx done, 404/410 already gone, 412 changed since {@code ifMatch}.
     * A 403 is a {@link ForbiddenWrite}, as for PUT.
     */
    public int delete(URI url, String ifMatch) {
        HttpDelete request = new HttpDelete(url);
        if (ifMatch != null) {
            request.setHeader("If-Match", ifMatch);
        }
        ClassicHttpResponse response = http.open(request);
        int code = response.getCode();
        if (code / 100 == 2 || code == 404 || code == 410 || code == 412) {
            DavHttp.finish(response);
            return code;
        }
        if (code == 403) {
            throw forbidden(request, response);
        }
        throw http.failure(request, response);
    }

    /** A GET answered 200, open; the caller reads the body and closes it. */
    public Fetched get(URI url) {
        HttpGet request = new HttpGet(url);
        request.setHeader("Accept-Encoding", "identity");
        ClassicHttpResponse response = http.open(request);
        if (response.getCode() != 200) {
            throw http.failure(request, response);
        }
        Header etag = response.getFirstHeader("ETag");
        return new Fetched(request, response, etag == null ? null : etag.getValue());
    }

    /** An open GET answer. */
    public final class Fetched implements Closeable {
        private final HttpUriRequestBase request;
        private final ClassicHttpResponse response;
        private final String etag;

        Fetched(HttpUriRequestBase request, ClassicHttpResponse response, String etag) {
            this.request = request;
            this.response = response;
            this.etag = etag;
        }

        public String etag() {
            return etag;
        }

        /** The whole body; a broken transfer is the typed error of the request. */
        public byte[] readAll() {
            if (response.getEntity() == null) {
                return new byte[0];
            }
            try (InputStream in = response.getEntity().getContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw http.failure(request, e);
            }
        }

        @Override
        public void close() {
            DavHttp.finish(response);
        }
    }

    private static MalformedResponseException tooLong(HttpUriRequestBase request, String url, long maxBytes, Exception e) {
        return new MalformedResponseException(request.getMethod() + " " + url + ": the multistatus answer is longer than "
                + maxBytes + " bytes", 207, url, e);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Nothing is pending once the pool shuts down.
        }
    }

    private Multi multistatus(HttpUriRequestBase request) {
        ClassicHttpResponse response = http.open(request);
        if (response.getCode() != 207) {
            throw http.failure(request, response);
        }
        return read(request, response, Long.MAX_VALUE);
    }

    private Multi read(HttpUriRequestBase request, ClassicHttpResponse response, long maxBytes) {
        Set<String> dav = new LinkedHashSet<>();
        for (Header h : response.getHeaders("DAV")) {
            for (String token : h.getValue().split(",")) {
                if (!token.isBlank()) {
                    dav.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String url = DavHttp.url(request);
        try (response) {
            if (response.getEntity() == null) {
                throw new MalformedResponseException(request.getMethod() + " " + url + ": a 207 answer without a body",
                        207, url, null);
            }
            try (InputStream in = new CappedStream(response.getEntity().getContent(), maxBytes)) {
                Multistatus.Document d = Multistatus.read(in);
                return new Multi(d.entries(), dav, d.syncToken());
            }
        } catch (CappedStream.TooLongException e) {
            throw tooLong(request, url, maxBytes, e);
        } catch (Multistatus.MalformedException e) {
            if (CappedStream.isCause(e)) {
                // The XML parser wraps the stream's failure.
                throw tooLong(request, url, maxBytes, e);
            }
            throw new MalformedResponseException(request.getMethod() + " " + url
                    + ": the multistatus answer is unreadable: " + e.getMessage(), 207, url, e);
        } catch (IOException e) {
            throw http.failure(request, e);
        }
    }
}
