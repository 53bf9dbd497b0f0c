package io.icesync.client.internal;

import io.icesync.client.Services;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which servers are the account's, so that the account's password goes to them and to no other
 * host: the URLs of its services (SmartAttach, documents, CalDAV, CardDAV, XML API) and its IMAP host
 * over HTTPS.
 */
public final class AccountServers {
    private final List<URI> services = new ArrayList<>();
    private final String imapHost;

    public AccountServers(Services s, String imapHost) {
        for (URI u : new URI[] {s.smartAttach(), s.documents(), s.caldav(), s.carddav(), s.xmlApi()}) {
            if (u != null) {
                services.add(u);
            }
        }
        this.imapHost = imapHost;
    }

    /** The WebDAV base where the account signs in to fetch {@code url}, or null when the URL is on a foreign host. */
    public URI baseFor(URI url) {
        for (URI s : services) {
            if (sameOrigin(url, s) && url.getRawPath() != null && url.getRawPath().startsWith(dir(s.getRawPath()))) {
                return s;
            }
        }
        for (URI s : services) {
            if (sameOrigin(url, s)) {
                return origin(url);
            }
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        return https && url.getHost() != null && url.getHost().equalsIgnoreCase(imapHost) ? origin(url) : null;
    }

    private static String dir(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        return p.endsWith("/") ? p : p + "/";
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static URI origin(URI u) {
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + Objects.requireNonNull(u.getRawAuthority()) + "/");
    }
}
