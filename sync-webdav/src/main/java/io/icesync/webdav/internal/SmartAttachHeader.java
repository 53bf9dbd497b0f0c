package io.icesync.webdav.internal;

import io.icesync.webdav.SmartAttachLink;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code X-IceWarp-SmartAttach} header. The form seen in IceWarp's WebClient is
 * {@code url="=?UTF-8?B?<base64 url>?="; zipid="..."; size="<n>"; hash="<md5(key+url)>"; algorithm="MD5"};
 * a path-based variant exists whose exact form is not public. What is accepted:
 * <ul>
 * <li>{@code url} (an absolute http(s) URL), or {@code path} (resolved against the WebDAV base), or a
 * bare URL as the first element;</li>
 * <li>values quoted or not, each possibly an RFC 2047 encoded word;</li>
 * <li>{@code size} in bytes; {@code name}, {@code filename} or {@code file} for the file name (else the
 * URL's last segment); {@code sha256} for the content's SHA-256.</li>
 * </ul>
 * IceWarp's {@code hash} is a signature of the link, not of the content, so it is not checked.
 */
public final class SmartAttachHeader {
    private SmartAttachHeader() {
    }

    /** The link the header names, or null when it names none that a client could fetch. */
    public static SmartAttachLink parse(String value, URI webdavBase) {
        Map<String, String> params = params(MimeUtility.unfold(value));
        String url = params.get("url");
        URI uri = null;
        if (url != null) {
            uri = httpUri(url);
        } else if (params.get("path") != null && webdavBase != null) {
            String path = params.get("path");
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            try {
                uri = httpUri(base(webdavBase) + DavPaths.encode(path));
            } catch (IllegalArgumentException e) {
                uri = null;
            }
        }
        if (uri == null) {
            return null;
        }
        String name = first(params, "name", "filename", "file");
        long size = -1;
        try {
            size = params.get("size") == null ? -1 : Long.parseLong(params.get("size").trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        String sha = params.get("sha256");
        if (sha != null) {
            sha = sha.trim().toLowerCase(Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                sha = null;
            }
        }
        return new SmartAttachLink(uri, name != null && !name.isBlank() ? name : lastSegment(uri), Math.max(-1, size), sha,
                SmartAttachLink.Source.HEADER);
    }

    /** The absolute http(s) URL a text names, or null. */
    static URI httpUri(String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getRawAuthority() == null) {
                return null;
            }
            return u.normalize();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The decoded last segment of the URL's path, or "attachment". */
    public static String lastSegment(URI u) {
        String p = u.getRawPath() == null ? "" : u.getRawPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String s = DavPaths.decode(p.substring(p.lastIndexOf('/') + 1));
        return s.isBlank() ? "attachment" : s;
    }

    static String base(URI webdavBase) {
        String b = webdavBase.toString();
        return b.endsWith("/") ? b : b + "/";
    }

    /** {@code k=v} pairs split on ';' outside quotes, keys in lower case, values unquoted and decoded. */
    private static Map<String, String> params(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean first = true;
        for (String element : split(value)) {
            String e = element.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            boolean bareUrl = first && (eq < 0 || e.regionMatches(true, 0, "http", 0, 4)) && httpUri(unquote(e)) != null;
            first = false;
            if (bareUrl) {
                out.putIfAbsent("url", unquote(e));
                continue;
            }
            if (eq <= 0) {
                continue;
            }
            String key = e.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            out.putIfAbsent(key, decode(unquote(e.substring(eq + 1).trim())));
        }
        return out;
    }

    private static java.util.List<String> split(String value) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                cur.append(c).append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ';' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return v;
    }

    private static String decode(String v) {
        if (!v.contains("=?")) {
            return v;
        }
        try {
            return MimeUtility.decodeText(v);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            // An encoded word in an unknown charset: keep the text as it came.
            return v;
        }
    }

    private static String first(Map<String, String> params, String... keys) {
        for (String k : keys) {
            if (params.get(k) != null) {
                return params.get(k);
            }
        }
        return null;
    }
}
