package io.icesync.testkit.internal.webdav;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes the parts of a WebDAV multistatus answer and the URLs in it. */
public final class DavXml {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

    private final StringBuilder out = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\">\n");

    /**
     * Adds one member.
     *
     * @param href   the absolute path, already encoded
     * @param length -1 for a collection
     */
    public DavXml response(String href, boolean collection, String etag, long length, Instant modified,
            String contentType, String displayName) {
        out.append("<D:response><D:href>").append(escape(href)).append("</D:href><D:propstat><D:prop>");
        if (collection) {
            out.append("<D:resourcetype><D:collection/></D:resourcetype>");
        } else {
            out.append("<D:resourcetype/>");
            out.append("<D:getcontentlength>").append(length).append("</D:getcontentlength>");
            if (etag != null) {
                out.append("<D:getetag>").append(escape(etag)).append("</D:getetag>");
            }
            if (contentType != null) {
                out.append("<D:getcontenttype>").append(escape(contentType)).append("</D:getcontenttype>");
            }
        }
        if (modified != null) {
            out.append("<D:getlastmodified>").append(httpDate(modified)).append("</D:getlastmodified>");
        }
        out.append("<D:displayname>").append(escape(displayName)).append("</D:displayname>");
        out.append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n");
        return this;
    }

    public byte[] bytes() {
        return (out + "</D:multistatus>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An HTTP date (RFC 1123, GMT). */
    public static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Percent-encodes a path as UTF-8, keeping '/'. */
    public static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c == '/' || (c < 128 && UNRESERVED.indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
