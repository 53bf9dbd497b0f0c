package io.icesync.webdav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links of a text or HTML body that point under a WebDAV base: what SmartAttach's
 * {@code %url%} template variable leaves in the text that replaces an attachment.
 */
public final class BodyLinks {
    private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);

    private BodyLinks() {
    }

    /** URLs in plain text, without the punctuation that ends a sentence around them. */
    public static List<URI> inText(String text, URI base) {
        List<URI> out = new ArrayList<>();
        Matcher m = TEXT_URL.matcher(text);
        while (m.find()) {
            String u = m.group();
            while (!u.isEmpty() && ".,;:!?)]}".indexOf(u.charAt(u.length() - 1)) >= 0) {
                u = u.substring(0, u.length() - 1);
            }
            add(out, u, base);
        }
        return out;
    }

    /** The targets of href attributes in HTML, entities decoded. */
    public static List<URI> inHtml(String html, URI base) {
        List<URI> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            add(out, unescape(v.trim()), base);
        }
        return out;
    }

    /** Whether the URL lies under the base: same scheme, host and port, and a path inside the base's. */
    public static boolean under(URI u, URI base) {
        if (base == null || !base.getScheme().equalsIgnoreCase(u.getScheme()) || u.getHost() == null
                || base.getHost() == null || !base.getHost().equalsIgnoreCase(u.getHost()) || port(u) != port(base)) {
            return false;
        }
        String basePath = DavPaths.decode(base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath());
        if (!basePath.endsWith("/")) {
            basePath = basePath + "/";
        }
        String path = DavPaths.decode(u.getRawPath() == null ? "" : u.getRawPath());
        return path.startsWith(basePath) && path.length() > basePath.length();
    }

    private static void add(List<URI> out, String text, URI base) {
        URI u = SmartAttachHeader.httpUri(text);
        if (u != null && under(u, base) && !out.contains(u)) {
            out.add(u);
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x2F;", "/").replace("&#47;", "/").replace("&amp;", "&");
    }
}
