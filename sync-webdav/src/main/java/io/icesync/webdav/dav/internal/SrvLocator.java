package io.icesync.webdav.dav.internal;

import io.icesync.net.DnsResolver;
import io.icesync.net.SrvTarget;
import io.icesync.webdav.dav.DavUnsupportedException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a domain runs CalDAV or CardDAV, from DNS (RFC 6764): the SRV record over TLS, then (when the
 * caller allows plain http) the one without; targets in RFC 2782 order; the context path from the TXT
 * record's {@code path=}, else the well-known URL. A target of "." means the service is not offered.
 */
public final class SrvLocator {
    private static final Logger LOG = LoggerFactory.getLogger(SrvLocator.class);

    private final DnsResolver dns;
    private final boolean plainHttp;
    private final RandomGenerator random;

    public SrvLocator(DnsResolver dns, boolean plainHttp, RandomGenerator random) {
        this.dns = dns;
        this.plainHttp = plainHttp;
        this.random = random;
    }

    /** The service's base URLs in the order to try them; DavUnsupportedException naming what was asked when there is none. */
    public List<URI> candidates(String domain, ServiceNames service) {
        String d = domainOf(domain);
        List<String> tried = new ArrayList<>();
        List<URI> out = at(service.tlsLabel() + "." + d, "https", service, tried);
        if (out.isEmpty()) {
            String plain = service.plainLabel() + "." + d;
            if (plainHttp) {
                out = at(plain, "http", service, tried);
            } else {
                tried.add(plain + " not asked (plain http is not allowed)");
            }
        }
        if (out.isEmpty()) {
            throw new DavUnsupportedException(d + " publishes no " + service.display() + " server in DNS: "
                    + String.join("; ", tried) + " (" + dns.describe() + ")");
        }
        LOG.debug("{} of {}: {}", service.display(), d, out);
        return out;
    }

    private List<URI> at(String name, String scheme, ServiceNames service, List<String> tried) {
        List<SrvTarget> all = dns.srv(name);
        if (all.isEmpty()) {
            tried.add("no SRV record at " + name);
            return List.of();
        }
        // "." alone says the service is not offered; next to real targets it is ignored.
        List<SrvTarget> usable = all.stream().filter(SrvTarget::offered).toList();
        if (usable.isEmpty()) {
            tried.add(name + " has target \".\" (service not offered)");
            return List.of();
        }
        String path = contextPath(dns.txt(name));
        if (path == null) {
            path = service.wellKnown();
        }
        List<URI> out = new ArrayList<>();
        for (SrvTarget t : SrvTarget.rfc2782Order(usable, random)) {
            out.add(url(scheme, t.host(), t.port(), path));
        }
        return out;
    }

    /**
     * The {@code path=} of the TXT strings (keys compared case-blind, RFC 6763), or null when there is
     * none or it is not an absolute path.
     */
    static String contextPath(List<String> txt) {
        for (String s : txt) {
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).trim().equalsIgnoreCase("path")) {
                String p = s.substring(eq + 1).trim();
                if (p.startsWith("/")) {
                    return p;
                }
                LOG.debug("TXT path '{}' is not an absolute path; the well-known URL is used", p);
            }
        }
        return null;
    }

    /** The base URL, the scheme's default port left out so that it compares equal to the hrefs the server sends. */
    static URI url(String scheme, String host, int port, String path) {
        boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
        String authority = host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        try {
            return new URI(scheme + "://" + authority + path);
        } catch (URISyntaxException e) {
            // A path with characters a URL cannot carry as they are (spaces...): encode them.
            try {
                return new URI(scheme, authority, path, null, null);
            } catch (URISyntaxException again) {
                throw new DavUnsupportedException("the DNS context path '" + path + "' of " + host + " is not usable: "
                        + again.getMessage());
            }
        }
    }

    /** The domain of an address (the part after '@') or a domain, in ASCII (IDNA) and lower case. */
    static String domainOf(String domainOrAddress) {
        String d = domainOrAddress == null ? "" : domainOrAddress.trim();
        int at = d.lastIndexOf('@');
        if (at >= 0) {
            d = d.substring(at + 1);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + domainOrAddress + "' is not a domain name: " + e.getMessage(), e);
        }
        if (d.isEmpty()) {
            throw new IllegalArgumentException("'" + domainOrAddress + "' is not a domain name");
        }
        return d;
    }
}
