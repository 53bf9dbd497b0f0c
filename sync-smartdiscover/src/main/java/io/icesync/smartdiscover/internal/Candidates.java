package io.icesync.smartdiscover.internal;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

/** The small rules discovery applies to names, URLs and protocol entries. */
public final class Candidates {
    private static final PublicSuffixMatcher PSL = PublicSuffixMatcherLoader.getDefault();

    private Candidates() {
    }

    /**
     * The registrable domain (eTLD+1) of a host, from the public suffix list bundled with HttpClient;
     * null for a public suffix itself ({@code com}, {@code co.uk}) and for an IP address.
     */
    public static String registrable(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.matches("[0-9.]+") || h.contains(":")) {
            return null;
        }
        return PSL.getDomainRoot(h);
    }

    public static URI autodiscover(String host, int port) {
        return URI.create("https://" + host + (port > 0 && port != 443 ? ":" + port : "") + "/autodiscover/autodiscover.xml");
    }

    /** The Autodiscover request body for an address (Outlook POX schema). */
    public static byte[] poxRequest(String address) {
        String a = address.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/"
                + "autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>" + a + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/"
                + "2006a</AcceptableResponseSchema></Request></Autodiscover>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The endpoint of a POX Protocol entry. Encryption None/SSL/TLS/Auto decides; without it SSL=off
     * means plain, and otherwise the usual STARTTLS ports (143, 110, 25, 587) mean STARTTLS, others
     * implicit TLS (as Thunderbird reads the ambiguous cases).
     */
    public static Endpoint endpoint(Map<String, String> p, int defaultPort) {
        String server = p.get("Server");
        if (server == null || server.isBlank()) {
            return null;
        }
        int port = defaultPort;
        try {
            if (p.get("Port") != null) {
                port = Integer.parseInt(p.get("Port").trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        String enc = p.getOrDefault("Encryption", "").toLowerCase(Locale.ROOT);
        Security s = switch (enc) {
            case "none" -> Security.PLAIN;
            case "ssl" -> Security.SSL;
            case "tls" -> Security.STARTTLS;
            default -> "off".equalsIgnoreCase(p.get("SSL")) ? Security.PLAIN : byPort(port);
        };
        try {
            return new Endpoint(server.trim(), port, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Security byPort(int port) {
        return port == 143 || port == 110 || port == 25 || port == 587 ? Security.STARTTLS : Security.SSL;
    }

    /** The first value of an entry that is an http(s) URL. */
    public static URI url(Map<String, String> p) {
        for (String v : p.values()) {
            if (v != null && (v.startsWith("https://") || v.startsWith("http://"))) {
                try {
                    return URI.create(v.trim());
                } catch (IllegalArgumentException e) {
                    // not a URL after all
                }
            }
        }
        return null;
    }
}
