package io.icesync.webdav;

import io.icesync.core.AccessBuilder;
import io.icesync.core.StoreException;
import io.icesync.net.HttpClientFactory;
import io.icesync.webdav.internal.DavHttp;
import io.icesync.webdav.internal.DavPaths;
import io.icesync.webdav.internal.Errors;
import io.icesync.webdav.internal.ExactLength;
import io.icesync.webdav.internal.Multistatus;
import io.icesync.webdav.internal.PartDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * A WebDAV client (RFC 4918) for one base URL and one account: listing with PROPFIND, streamed and
 * resumable downloads, conditional uploads, and the namespace operations. Paths are plain text
 * relative to the base ("Docs/été.pdf"), encoded by the client. Thread-safe; connections are pooled
 * until {@link #close()}.
 *
 * <p>Failures are typed: {@link WebDavException} subclasses for statuses,
 * {@link io.icesync.core.AuthenticationException} for 401, {@link io.icesync.core.ConnectionException}
 * for network failures and {@link io.icesync.core.UntrustedCertificateException} (with the chain) for
 * a certificate the user has not accepted.
 */
public final class WebDavClient implements AutoCloseable {
    private static final byte[] PROPFIND_BODY = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
            + "<D:getetag/><D:getcontentlength/><D:getlastmodified/><D:resourcetype/><D:getcontenttype/><D:displayname/>"
            + "</D:prop></D:propfind>").getBytes(StandardCharsets.UTF_8);
    private static final ContentType XML = ContentType.create("application/xml", StandardCharsets.UTF_8);

    private final DavPaths paths;
    private final DavHttp http;

    private WebDavClient(Builder b) {
        this.paths = new DavPaths(b.base);
        this.http = new DavHttp(paths.base(), b.serviceAccess(), b.httpClients);
    }

    /**
     * Starts a client for the collection at this URL (http or https).
     *
     * @param base the collection's URL; a missing final '/' is added
     * @return the builder
     */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /** {@return the base URL, ending with '/'} */
    public URI base() {
        return paths.base();
    }

    /**
     * The URL of a path relative to the base.
     *
     * @param path a path relative to the base, segments not yet escaped
     * @return the absolute URL
     */
    public URI url(String path) {
        return paths.resolve(path);
    }

    /**
     * Lists the resource and, with {@link Depth#ONE}, its members; members the server reports as failed are left out.
     *
     * @param path  the resource, relative to the base
     * @param depth 0 for the resource alone, 1 with its members
     * @return the resource first, then its members
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public List<DavResource> propfind(String path, Depth depth) {
        HttpUriRequestBase request = new HttpUriRequestBase("PROPFIND", paths.resolve(path));
        request.setHeader("Depth", depth.header());
        request.setEntity(new ByteArrayEntity(PROPFIND_BODY, XML));
        ClassicHttpResponse response = http.open(request);
        if (response.getCode() != 207) {
            throw http.failure(request, response);
        }
        List<Multistatus.Entry> entries = readMultistatus(request, response);
        List<DavResource> out = new ArrayList<>(entries.size());
        for (Multistatus.Entry e : entries) {
            String relative = paths.relative(e.href());
            if (relative == null || e.status() / 100 != 2) {
                continue;
            }
            boolean collection = e.hasChild("resourcetype", "collection");
            if (collection && !relative.isEmpty() && !relative.endsWith("/")) {
                relative = relative + "/";
            }
            out.add(new DavResource(paths.base().resolve(URI.create(e.href().trim())), relative, collection,
                    e.text("getetag"), e.contentLength(), instant(e.text("getlastmodified")),
                    e.text("getcontenttype"), e.text("displayname")));
        }
        return out;
    }

    /**
     * Streams the content into {@code out}, which is neither flushed nor closed.
     *
     * @param path the resource, relative to the base
     * @param out  receives the body
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public void get(String path, OutputStream out) {
        HttpGet request = new HttpGet(paths.resolve(path));
        request.setHeader("Accept-Encoding", "identity");
        try (ClassicHttpResponse response = http.open(request)) {
            if (response.getCode() != 200) {
                throw http.failure(request, response);
            }
            if (response.getEntity() == null) {
                return;
            }
            InputStream in;
            try {
                in = response.getEntity().getContent();
            } catch (IOException e) {
                throw http.failure(request, e);
            }
            byte[] buf = new byte[64 * 1024];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    throw http.failure(request, e);
                }
                if (n < 0) {
                    return;
                }
                try {
                    out.write(buf, 0, n);
                } catch (IOException e) {
                    request.cancel();
                    throw StoreException.of("cannot write the content of " + request.getRequestUri(), e);
                }
            }
        } catch (IOException e) {
            throw http.failure(request, e);
        }
    }

    /**
     * Downloads into {@code target}, through {@code target.part}: an interrupted download (this call's
     * own retries, or a later call after a crash) continues where it stopped if the file has not
     * changed on the server, and starts again from zero if it has. The target appears only complete,
     * checked against the options and synced to disk. A listener that throws stops the download and
     * keeps the partial file for a later call.
     *
     * @param path    the resource, relative to the base
     * @param target  the file to write
     * @param options checks, listener and retries; null for {@link DownloadOptions#defaults()}
     * @return the file written and what was received
     * @throws DownloadMismatchException when the size or hash differs from the options'
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public Download download(String path, Path target, DownloadOptions options) {
        Objects.requireNonNull(target, "target");
        return new PartDownload(http, paths.resolve(path), target, options == null ? DownloadOptions.defaults() : options).run();
    }

    /**
     * Uploads {@code length} bytes ({@code -1}: unknown, sent chunked) under the precondition. A body
     * of another length (a file changed while it is read) fails with a {@link StoreException} before
     * its last bytes are sent, so the server stores nothing.
     *
     * @param path         the resource, relative to the base
     * @param body         the content, read to {@code length} bytes and not closed
     * @param length       the number of bytes, or -1 when unknown
     * @param contentType  the media type; null for application/octet-stream
     * @param precondition when the write may happen
     * @return the new ETag when the server sends one, else null
     * @throws PreconditionFailedException when the resource changed (If-Match) or already exists (create only)
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public String put(String path, InputStream body, long length, String contentType, Precondition precondition) {
        HttpPut request = new HttpPut(paths.resolve(path));
        ContentType type = contentType == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(contentType);
        request.setEntity(new InputStreamEntity(length < 0 ? body : new ExactLength(body, length), length, type));
        Precondition p = precondition == null ? Precondition.none() : precondition;
        if (p.ifMatch() != null) {
            request.setHeader("If-Match", p.ifMatch());
        }
        if (p.isCreateOnly()) {
            request.setHeader("If-None-Match", "*");
        }
        ClassicHttpResponse response = http.open(request);
        int code = response.getCode();
        if (code != 200 && code != 201 && code != 204) {
            throw http.failure(request, response);
        }
        Header etag = response.getFirstHeader("ETag");
        DavHttp.finish(response);
        return etag == null ? null : etag.getValue();
    }

    /**
     * Deletes a resource or a whole collection; with {@code ifMatch} (an ETag) only if it did not change.
     *
     * @param path    the resource, relative to the base
     * @param ifMatch the ETag it must still have, or null for any
     * @throws PreconditionFailedException when it changed
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public void delete(String path, String ifMatch) {
        HttpDelete request = new HttpDelete(paths.resolve(path));
        if (ifMatch != null) {
            request.setHeader("If-Match", ifMatch);
        }
        expectDone(request, 200, 204);
    }

    /**
     * Creates a collection; its parent must exist ({@link DavConflictException} otherwise).
     *
     * @param path the new collection, relative to the base
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public void mkcol(String path) {
        // nginx answers 409 to a MKCOL whose URL lacks the trailing slash of a collection; others accept both.
        String collection = path.endsWith("/") ? path : path + "/";
        expectDone(new HttpUriRequestBase("MKCOL", paths.resolve(collection)), 201);
    }

    /**
     * Moves a resource or collection.
     *
     * @param from      the resource, relative to the base
     * @param to        where it goes, relative to the base
     * @param overwrite whether an existing destination is replaced
     * @throws PreconditionFailedException when the destination exists and {@code overwrite} is false
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public void move(String from, String to, boolean overwrite) {
        expectDone(transfer("MOVE", from, to, overwrite), 201, 204);
    }

    /**
     * Copies a resource or collection (with its members).
     *
     * @param from      the resource, relative to the base
     * @param to        where the copy goes, relative to the base
     * @param overwrite whether an existing destination is replaced
     * @throws PreconditionFailedException when the destination exists and {@code overwrite} is false
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public void copy(String from, String to, boolean overwrite) {
        expectDone(transfer("COPY", from, to, overwrite), 201, 204);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Nothing is pending once the pool shuts down; a failure to close a socket changes nothing for the caller.
        }
    }

    private HttpUriRequestBase transfer(String method, String from, String to, boolean overwrite) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, paths.resolve(from));
        request.setHeader("Destination", paths.resolve(to).toString());
        request.setHeader("Overwrite", overwrite ? "T" : "F");
        return request;
    }

    /** Runs a request whose success has no body; a 207 lists the members that failed, and the first one is reported. */
    private void expectDone(HttpUriRequestBase request, int... ok) {
        ClassicHttpResponse response = http.open(request);
        int code = response.getCode();
        for (int c : ok) {
            if (code == c) {
                DavHttp.finish(response);
                return;
            }
        }
        if (code == 207) {
            for (Multistatus.Entry e : readMultistatus(request, response)) {
                if (e.status() / 100 != 2) {
                    throw Errors.forStatus(request.getMethod(), paths.base().resolve(URI.create(e.href().trim())).toString(),
                            e.status(), null, null);
                }
            }
            return;
        }
        throw http.failure(request, response);
    }

    private List<Multistatus.Entry> readMultistatus(HttpUriRequestBase request, ClassicHttpResponse response) {
        String url = DavHttp.url(request);
        try (response) {
            if (response.getEntity() == null) {
                throw new MalformedResponseException(request.getMethod() + " " + url + ": a 207 answer without a body",
                        207, url, null);
            }
            try (InputStream in = response.getEntity().getContent()) {
                return Multistatus.parse(in);
            }
        } catch (Multistatus.MalformedException e) {
            throw new MalformedResponseException(request.getMethod() + " " + url + ": the multistatus answer is unreadable: "
                    + e.getMessage(), 207, url, e);
        } catch (IOException e) {
            throw http.failure(request, e);
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Settings of a {@link WebDavClient}; only the base is required. */
    public static final class Builder extends AccessBuilder<Builder> {
        private final URI base;
        private HttpClientFactory httpClients = HttpClientFactory.standard();

        private Builder(URI base) {
            this.base = Objects.requireNonNull(base, "base");
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

        /** {@return a client with this builder's base, credentials, trust, timeouts and proxy; close it when done} */
        public WebDavClient build() {
            return new WebDavClient(this);
        }
    }
}
