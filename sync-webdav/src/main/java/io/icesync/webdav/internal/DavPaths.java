package io.icesync.webdav.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Turns the client's plain paths ("Docs/été 2024.pdf", relative to the base) into URLs and the
 * server's hrefs back into such paths. Servers differ in what they percent-encode, so hrefs are
 * compared decoded.
 */
public final class DavPaths {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

    private final URI base;
    private final String basePath;

    /** The base must be absolute; a missing trailing '/' is added so that paths land inside it. */
    public DavPaths(URI base) {
        if (!base.isAbsolute() || base.getRawAuthority() == null) {
            throw new IllegalArgumentException("the WebDAV base must be an absolute http(s) URL");
        }
        String scheme = base.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the WebDAV base must be http or https, not " + scheme);
        }
        if (base.getRawUserInfo() != null) {
            // Not echoed: the user info may hold a password.
            throw new IllegalArgumentException("the WebDAV base must not carry credentials; use credentials()");
        }
        String raw = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        if (!raw.endsWith("/")) {
            raw = raw + "/";
        }
        this.base = URI.create(scheme + "://" + base.getRawAuthority() + raw);
        this.basePath = decode(raw);
    }

    public URI base() {
        return base;
    }

    /** The URL of a path relative to the base; a leading '/' is ignored, "" is the base itself. */
    public URI resolve(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("'.' and '..' are not allowed in a WebDAV path: " + path);
            }
        }
        return URI.create(base + encode(p));
    }

    /**
     * The path relative to the base that an href names (absolute or absolute-path), decoded, or null
     * when it lies outside the base.
     */
    public String relative(String href) {
        URI u = base.resolve(URI.create(href.trim()));
        if (!base.getRawAuthority().equalsIgnoreCase(u.getRawAuthority())) {
            return null;
        }
        String decoded = decode(u.getRawPath() == null ? "/" : u.getRawPath());
        if (decoded.equals(basePath.substring(0, basePath.length() - 1))) {
            return "";
        }
        return decoded.startsWith(basePath) ? decoded.substring(basePath.length()) : null;
    }

    /** Percent-encodes a path as UTF-8, keeping '/' as the separator. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || (c < 128 && UNRESERVED.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes %XX sequences as UTF-8. Unlike URLDecoder, '+' stays a '+': this is a path, not a form. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int plain = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.writeBytes(raw.substring(plain, i).getBytes(StandardCharsets.UTF_8));
                out.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
                plain = i + 1;
            }
        }
        out.writeBytes(raw.substring(plain).getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
