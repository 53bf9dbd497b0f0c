package io.icesync.webdav;

import io.icesync.webdav.internal.BodyLinks;
import io.icesync.webdav.internal.SmartAttachHeader;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the attachments IceWarp's SmartAttach replaced with links in a message (F7.1). The
 * {@code X-IceWarp-SmartAttach} headers come first (they carry the size); then the links of the
 * text/plain and text/html bodies that point under the account's WebDAV base. Each URL is listed
 * once. Download them with {@link SmartAttachDownloader}.
 */
public final class SmartAttach {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    /** The header IceWarp adds for each attachment it replaced. */
    public static final String HEADER = "X-IceWarp-SmartAttach";
    /** Bytes read from one text part at most: links sit in the short template text around them. */
    private static final int MAX_TEXT = 4 * 1024 * 1024;

    private SmartAttach() {
    }

    /**
     * The SmartAttach links of a message.
     *
     * @param mimeMessage the message (RFC 5322 with MIME), read to its end but not closed
     * @param webdavBase  the account's WebDAV and SmartAttach URL; body links are kept only under it,
     *                    and a header's {@code path} is resolved against it. Null: headers with a URL only.
     * @return the links, in the order found; empty when there is none
     * @throws SmartAttachException when the message is not readable MIME
     */
    public static List<SmartAttachLink> find(InputStream mimeMessage, URI webdavBase) {
        Map<URI, SmartAttachLink> links = new LinkedHashMap<>();
        try {
            MimeMessage m = new MimeMessage(Parsing.SESSION, mimeMessage);
            addHeaderLinks(m.getHeader(HEADER), webdavBase, links);
            if (webdavBase != null) {
                List<URI> found = new ArrayList<>();
                bodies(m, webdavBase, found, 0);
                for (URI u : found) {
                    links.putIfAbsent(u, new SmartAttachLink(u, SmartAttachHeader.lastSegment(u), -1, null,
                            SmartAttachLink.Source.BODY));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new SmartAttachException("the message is not readable MIME: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The MIME parser meets arbitrary mail; whatever it trips on is a property of the message.
            throw new SmartAttachException("the message is not readable MIME: " + e, e);
        }
        return List.copyOf(links.values());
    }

    /**
     * The links of a message's {@code X-IceWarp-SmartAttach} headers alone, from its header block: what
     * {@link #find} gives without a WebDAV base, without reading the body.
     *
     * @param headers    the message's header block
     * @param webdavBase the account's WebDAV base (a header's {@code path} is resolved against it), or null
     * @return the links, in the order of the headers; empty when there is none
     */
    public static List<SmartAttachLink> inHeaders(InternetHeaders headers, URI webdavBase) {
        Map<URI, SmartAttachLink> links = new LinkedHashMap<>();
        addHeaderLinks(headers.getHeader(HEADER), webdavBase, links);
        return List.copyOf(links.values());
    }

    /** The links of the {@code X-IceWarp-SmartAttach} header values (null: none), each URL once. */
    private static void addHeaderLinks(String[] values, URI webdavBase, Map<URI, SmartAttachLink> links) {
        if (values == null) {
            return;
        }
        for (String h : values) {
            SmartAttachLink l = SmartAttachHeader.parse(h, webdavBase);
            if (l != null) {
                links.putIfAbsent(l.url(), l);
            }
        }
    }

    /**
     * The attachments of an event or task (F6.2): its {@code ATTACH} properties whose value is a URL
     * under the WebDAV base (attachments IceWarp keeps in the account's files), with the file name
     * from {@code FILENAME} or {@code X-FILENAME} parameters and the size from {@code SIZE} when given.
     * Inline (base64) attachments are part of the object and not listed.
     *
     * @param icalendar  the iCalendar text of the object
     * @param webdavBase the account's WebDAV base URL; links elsewhere are left out
     * @return the links, in the object's order; empty when there is none
     */
    public static List<SmartAttachLink> findInCalendar(String icalendar, URI webdavBase) {
        Map<URI, SmartAttachLink> links = new LinkedHashMap<>();
        StringBuilder logical = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String raw : icalendar.split("\r\n|\n|\r", -1)) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && logical.length() > 0) {
                logical.append(raw, 1, raw.length());
            } else {
                if (logical.length() > 0) {
                    lines.add(logical.toString());
                }
                logical = new StringBuilder(raw);
            }
        }
        lines.add(logical.toString());
        for (String line : lines) {
            if (!line.regionMatches(true, 0, "ATTACH", 0, 6) || line.length() < 7
                    || (line.charAt(6) != ':' && line.charAt(6) != ';')) {
                continue;
            }
            int colon = valueStart(line);
            String params = line.substring(6, colon);
            String value = line.substring(colon + 1).trim();
            if (params.toUpperCase(java.util.Locale.ROOT).contains("ENCODING=BASE64")) {
                continue;
            }
            URI u;
            try {
                u = URI.create(value);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (webdavBase == null || !BodyLinks.under(u, webdavBase)) {
                continue;
            }
            String name = param(params, "FILENAME");
            if (name == null) {
                name = param(params, "X-FILENAME");
            }
            long size = -1;
            String sz = param(params, "SIZE");
            try {
                size = sz == null ? -1 : Long.parseLong(sz);
            } catch (NumberFormatException e) {
                size = -1;
            }
            links.putIfAbsent(u, new SmartAttachLink(u, name != null ? name : SmartAttachHeader.lastSegment(u), size,
                    null, SmartAttachLink.Source.EVENT));
        }
        return List.copyOf(links.values());
    }

    /** Index of the colon that ends the name and parameters (colons inside quoted values do not count). */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return line.length() - 1;
    }

    private static String param(String params, String name) {
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    /** Walks multiparts (not attachments, not attached messages) and collects links from text bodies. */
    private static void bodies(Part p, URI base, List<URI> out, int depth) throws MessagingException, IOException {
        if (depth > 20 || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return;
        }
        if (p.isMimeType("multipart/*")) {
            Object content = p.getContent();
            if (!(content instanceof Multipart)) {
                throw new MessagingException("a multipart without parts");
            }
            Multipart mp = (Multipart) content;
            for (int i = 0; i < mp.getCount(); i++) {
                bodies(mp.getBodyPart(i), base, out, depth + 1);
            }
        } else if (p.isMimeType("text/plain")) {
            addAll(out, BodyLinks.inText(text(p), base));
        } else if (p.isMimeType("text/html")) {
            addAll(out, BodyLinks.inHtml(text(p), base));
        }
    }

    private static void addAll(List<URI> out, List<URI> found) {
        for (URI u : found) {
            if (!out.contains(u)) {
                out.add(u);
            }
        }
    }

    /** The decoded text of a part; an unknown charset is read as Latin-1, which keeps ASCII links intact. */
    private static String text(Part p) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT);
        }
        Charset cs = StandardCharsets.ISO_8859_1;
        try {
            String name = new ContentType(p.getContentType()).getParameter("charset");
            if (name != null) {
                cs = Charset.forName(MimeUtility.javaCharset(name.trim()));
            }
        } catch (MessagingException | IllegalArgumentException e) {
            cs = StandardCharsets.ISO_8859_1;
        }
        return new String(bytes, cs);
    }
}
