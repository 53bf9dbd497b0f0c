package io.icesync.webdav.dav.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Hrefs as the store keeps them: decoded absolute paths ("/jean@iwdemo.test/cal/e1.ics"), because
 * servers differ in what they percent-encode; turned back into URLs of the one server only.
 */
public final class Hrefs {
    private final URI server;

    public Hrefs(URI server) {
        this.server = server;
    }

    /** The decoded path an href names, or null when it points at another server. */
    public String path(String href) {
        URI u = server.resolve(URI.create(href.trim()));
        if (!server.getScheme().equalsIgnoreCase(u.getScheme())
                || !String.valueOf(server.getRawAuthority()).equalsIgnoreCase(String.valueOf(u.getRawAuthority()))) {
            return null;
        }
        String p = u.getPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    /** The URL of a decoded path on the server, percent-encoded as ASCII. */
    public URI url(String path) {
        try {
            return URI.create(new URI(server.getScheme(), server.getRawAuthority(), path, null, null).toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

    /** The last segment of a path, without a trailing '/'. */
    public static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** A path as a collection: ending with '/'. */
    public static String asCollection(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
