package io.icesync.testkit;

import com.sun.net.httpserver.HttpExchange;
import io.icesync.testkit.WebDavFiles.Node;
import io.icesync.testkit.internal.webdav.ByteRange;
import io.icesync.testkit.internal.webdav.DavXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;

/**
 * The WebDAV methods of {@link TestWebDav} on one account's {@link WebDavFiles}, with the statuses
 * RFC 4918 and RFC 9110 give for each case (conditional requests, missing parents, overwrites).
 */
final class WebDavMethods {
    static final String ALLOW = "OPTIONS, PROPFIND, GET, HEAD, PUT, DELETE, MKCOL, MOVE, COPY";
    private static final int CHUNK = 64 * 1024;

    private final String prefix;

    /** {@code prefix}: the absolute path the account's root is served at, ending with '/'. */
    WebDavMethods(String prefix) {
        this.prefix = prefix;
    }

    void propfind(HttpExchange ex, WebDavFiles files, String path) throws IOException {
        String depth = ex.getRequestHeaders().getFirst("Depth");
        depth = depth == null ? "infinity" : depth.trim();
        if (!depth.equals("0") && !depth.equals("1")) {
            // RFC 4918 9.1: a server may refuse infinite depth; this one always does.
            send(ex, 403, "Depth infinity is not supported; use 0 or 1\n");
            return;
        }
        ex.getRequestBody().readAllBytes();
        DavXml xml = new DavXml();
        synchronized (files.lock()) {
            Node n = files.node(path);
            if (n == null) {
                send(ex, 404, "");
                return;
            }
            add(xml, path, n);
            if (n.collection() && depth.equals("1")) {
                files.children(path).forEach((p, c) -> add(xml, p, c));
            }
        }
        byte[] body = xml.bytes();
        ex.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
        ex.sendResponseHeaders(207, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * GET and HEAD with a single Range honoured when If-Range (if any) names the current version.
     *
     * @return the number of body bytes sent before a cut, or -1 when not cut
     */
    long get(HttpExchange ex, WebDavFiles files, String path, WebDavFaults.Fault cut) throws IOException {
        Node n = files.node(path);
        if (n == null) {
            send(ex, 404, "");
            return -1;
        }
        if (n.collection()) {
            ex.getResponseHeaders().set("Allow", "OPTIONS, PROPFIND, DELETE, MKCOL, MOVE, COPY");
            send(ex, 405, "");
            return -1;
        }
        byte[] content = n.content();
        String modified = DavXml.httpDate(n.modified());
        ex.getResponseHeaders().set("ETag", n.etag());
        ex.getResponseHeaders().set("Last-Modified", modified);
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Content-Type", n.contentType());
        String ifRange = ex.getRequestHeaders().getFirst("If-Range");
        boolean rangeAllowed = ifRange == null || ifRange.trim().equals(n.etag()) || ifRange.trim().equals(modified);
        ByteRange.Answer answer = rangeAllowed ? ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), content.length)
                : new ByteRange.Whole();
        long first = 0;
        long count = content.length;
        int status = 200;
        if (answer instanceof ByteRange.Unsatisfiable) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            send(ex, 416, "");
            return -1;
        }
        if (answer instanceof ByteRange.Partial p) {
            first = p.range().first();
            count = p.range().count();
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + p.range().last() + "/" + content.length);
        }
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", String.valueOf(count));
            ex.sendResponseHeaders(status, -1);
            return -1;
        }
        ex.sendResponseHeaders(status, count == 0 ? -1 : count);
        OutputStream out = ex.getResponseBody();
        long limit = cut == null ? count : Math.min(count, cut.cutAfter());
        long sent = 0;
        while (sent < limit) {
            int n1 = (int) Math.min(CHUNK, limit - sent);
            out.write(content, (int) (first + sent), n1);
            sent += n1;
        }
        out.flush();
        if (cut != null && sent < count) {
            return sent;
        }
        out.close();
        return -1;
    }

    void put(HttpExchange ex, WebDavFiles files, String path) throws IOException {
        if (path.isEmpty()) {
            send(ex, 405, "");
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        boolean created;
        String etag;
        synchronized (files.lock()) {
            Node n = files.node(path);
            if (n != null && n.collection()) {
                send(ex, 405, "");
                return;
            }
            if (!files.parentExists(path)) {
                send(ex, 409, "the parent folder does not exist\n");
                return;
            }
            if (!preconditionsHold(ex, n)) {
                send(ex, 412, "");
                return;
            }
            created = n == null;
            files.storeFile(path, body, type);
            etag = files.node(path).etag();
        }
        ex.getResponseHeaders().set("ETag", etag);
        ex.sendResponseHeaders(created ? 201 : 204, -1);
    }

    void delete(HttpExchange ex, WebDavFiles files, String path) throws IOException {
        synchronized (files.lock()) {
            Node n = files.node(path);
            if (n == null || path.isEmpty()) {
                send(ex, path.isEmpty() ? 403 : 404, "");
                return;
            }
            if (!preconditionsHold(ex, n)) {
                send(ex, 412, "");
                return;
            }
            files.removeTreeLocked(path);
        }
        ex.sendResponseHeaders(204, -1);
    }

    void mkcol(HttpExchange ex, WebDavFiles files, String path) throws IOException {
        if (ex.getRequestBody().readAllBytes().length > 0) {
            send(ex, 415, "");
            return;
        }
        synchronized (files.lock()) {
            if (files.node(path) != null) {
                send(ex, 405, "");
                return;
            }
            if (!files.parentExists(path)) {
                send(ex, 409, "the parent folder does not exist\n");
                return;
            }
            files.storeCollection(path);
        }
        ex.sendResponseHeaders(201, -1);
    }

    /** MOVE and COPY (always of the whole tree, as Depth: infinity). */
    void transfer(HttpExchange ex, WebDavFiles files, String path, boolean move) throws IOException {
        String destination = destination(ex.getRequestHeaders().getFirst("Destination"));
        if (destination == null) {
            send(ex, 400, "a Destination under " + prefix + " is required\n");
            return;
        }
        boolean overwrite = !"F".equalsIgnoreCase(String.valueOf(ex.getRequestHeaders().getFirst("Overwrite")).trim());
        boolean replaced;
        synchronized (files.lock()) {
            Node n = files.node(path);
            if (n == null) {
                send(ex, 404, "");
                return;
            }
            if (path.isEmpty() || destination.isEmpty() || destination.equals(path) || destination.startsWith(path + "/")) {
                send(ex, 403, "");
                return;
            }
            if (!files.parentExists(destination)) {
                send(ex, 409, "the destination's parent folder does not exist\n");
                return;
            }
            replaced = files.node(destination) != null;
            if (replaced && !overwrite) {
                send(ex, 412, "");
                return;
            }
            files.removeTreeLocked(destination);
            files.copyTreeLocked(path, destination);
            if (move) {
                files.removeTreeLocked(path);
            }
        }
        ex.sendResponseHeaders(replaced ? 204 : 201, -1);
    }

    /** The Destination header as a path relative to the root, or null when it is missing or elsewhere. */
    String destination(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            String p = URI.create(header.trim()).getPath();
            if (p == null || !(p + "/").startsWith(prefix)) {
                return null;
            }
            return WebDavFiles.normalize(p.length() < prefix.length() ? "" : p.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** If-Match and If-None-Match against the current state of the resource (null: none). */
    private static boolean preconditionsHold(HttpExchange ex, Node n) {
        String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !matches(ifMatch, n)) {
            return false;
        }
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        return ifNoneMatch == null || !matches(ifNoneMatch, n);
    }

    /** Whether a list of entity tags (or '*') names this resource, by strong comparison. */
    private static boolean matches(String list, Node n) {
        if (n == null) {
            return false;
        }
        if (list.trim().equals("*")) {
            return true;
        }
        return n.etag() != null && Arrays.stream(list.split(",")).map(String::trim).anyMatch(n.etag()::equals);
    }

    private void add(DavXml xml, String path, Node n) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String href = prefix + DavXml.encodePath(path) + (n.collection() && !path.isEmpty() ? "/" : "");
        xml.response(href, n.collection(), n.etag(), n.length(), n.collection() && path.isEmpty() ? null : n.modified(),
                n.contentType(), name);
    }

    static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (body.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
