package io.icesync.client.internal;

import io.icesync.core.MessageHeaders;
import io.icesync.webdav.SmartAttach;
import io.icesync.webdav.SmartAttachException;
import io.icesync.webdav.SmartAttachLink;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The attachment links of one synced item, with what names the item to a person.
 *
 * @param item  the Message-ID of a message, the UID of an event or task, or null
 * @param title the subject or summary, or null
 * @param links the links found, each URL once
 */
record ItemLinks(String item, String title, List<SmartAttachLink> links) {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    /**
     * A message: SmartAttach headers, and body links under the WebDAV base when there is one. Without a
     * base only the header block is read: no body link could be kept, and most messages end there.
     *
     * @throws IOException when the message cannot be read (not a fault of the message)
     * @throws SmartAttachException when what was read is not readable MIME
     */
    static ItemLinks ofMessage(InputStream message, long maxBytes, URI webdavBase) throws IOException {
        if (webdavBase == null) {
            InternetHeaders h = headers(headerBlock(message));
            return new ItemLinks(trimmed(h.getHeader("Message-ID", null)), decoded(h.getHeader("Subject", null)),
                    SmartAttach.inHeaders(h, null));
        }
        byte[] bytes = message.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        List<SmartAttachLink> links = SmartAttach.find(new ByteArrayInputStream(bytes), webdavBase);
        InternetHeaders h = headers(bytes);
        return new ItemLinks(trimmed(h.getHeader("Message-ID", null)), decoded(h.getHeader("Subject", null)), links);
    }

    private static InternetHeaders headers(byte[] message) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(message));
        } catch (MessagingException e) {
            throw new SmartAttachException("the message headers are not readable: " + e.getMessage(), e);
        }
    }

    /** A header block longer than this is read no further (what is past it is left out). */
    static final int MAX_HEADER_BLOCK = 1024 * 1024;

    /** The bytes of the header block, up to its blank line (or all of a message without body). */
    static byte[] headerBlock(InputStream in) throws IOException {
        return MessageHeaders.headerBlock(in, MAX_HEADER_BLOCK);
    }

    /**
     * An event or task as its local store gives it: iCalendar text (CalDAV), or a message carrying it
     * as a {@code text/calendar} part (IMAP groupware folders).
     */
    static ItemLinks ofCalendarObject(byte[] object, URI webdavBase) {
        String text = new String(object, StandardCharsets.UTF_8);
        String ics = text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15) ? text : calendarPart(object);
        if (ics == null) {
            return new ItemLinks(null, null, List.of());
        }
        return new ItemLinks(property(ics, "UID"), property(ics, "SUMMARY"), SmartAttach.findInCalendar(ics, webdavBase));
    }

    private static String calendarPart(byte[] message) {
        try {
            return calendarPart(new MimeMessage(Parsing.SESSION, new ByteArrayInputStream(message)), 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new SmartAttachException("the object is neither iCalendar nor readable MIME: " + e.getMessage(), e);
        }
    }

    private static String calendarPart(Part p, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return null;
        }
        if (p.isMimeType("text/calendar")) {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = calendarPart(mp.getBodyPart(i), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The value of the first {@code NAME:} or {@code NAME;...:} line (unfolded), or null. */
    private static String property(String ics, String name) {
        String unfolded = ics.replaceAll("\r?\n[ \t]", "");
        for (String line : unfolded.split("\r?\n")) {
            if (line.regionMatches(true, 0, name, 0, name.length()) && line.length() > name.length()
                    && (line.charAt(name.length()) == ':' || line.charAt(name.length()) == ';')) {
                int colon = line.indexOf(':');
                String v = colon < 0 ? "" : line.substring(colon + 1).trim().replace("\\,", ",").replace("\\;", ";");
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String decoded(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(v)).trim();
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return v.trim();
        }
    }
}
