package io.icesync.testkit;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Small RFC 5322 messages for seeding: UTF-8 subjects encoded as a mail client would, CRLF line ends. */
public final class Messages {
    private Messages() {
    }

    /**
     * A text/plain UTF-8 message (8bit); a Message-ID is made up when null is given.
     *
     * @param messageId the Message-ID, with or without angle brackets, or null for a random one
     * @param from      the From header, as written
     * @param to        the To header, as written
     * @param subject   the subject, encoded as RFC 2047 words
     * @param date      the Date header, or null for 5 January 2026 09:00 UTC
     * @param body      the text; bare LF line ends become CRLF
     * @return the message's bytes
     */
    public static byte[] simple(String messageId, String from, String to, String subject, Instant date, String body) {
        String id = messageId == null ? "<" + UUID.randomUUID() + "@icesync.test>"
                : messageId.startsWith("<") ? messageId : "<" + messageId + ">";
        String encodedSubject;
        try {
            encodedSubject = MimeUtility.encodeText(subject, "UTF-8", "Q");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always there", e);
        }
        String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                (date == null ? Instant.parse("2026-01-05T09:00:00Z") : date).atZone(ZoneOffset.UTC));
        String text = "Message-ID: " + id + "\r\nDate: " + when + "\r\nFrom: " + from + "\r\nTo: " + to
                + "\r\nSubject: " + encodedSubject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replaceAll("(?<!\r)\n", "\r\n") + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A short message with this Message-ID and subject, from {@code sender@example.org} to {@code jean@iwdemo.test}.
     *
     * @param messageId the Message-ID, with or without angle brackets, or null for a random one
     * @param subject   the subject
     * @return the message's bytes
     */
    public static byte[] simple(String messageId, String subject) {
        return simple(messageId, "sender@example.org", "jean@iwdemo.test", subject, null, "Body of " + subject);
    }

    /**
     * A minimal vCard 3.0 contact ({@code UID}, {@code FN}, {@code N}), to seed with {@link #groupware} or a file.
     *
     * @param uid  the contact's UID
     * @param name the formatted name, also used as family name
     * @return the vCard text with CRLF line ends
     */
    public static String card(String uid, String name) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\nEND:VCARD\r\n";
    }

    /**
     * A minimal one-hour event in UTC on 2 November 2026, to seed with {@link #groupware} or a file.
     *
     * @param uid     the event's UID
     * @param summary the SUMMARY
     * @return the iCalendar text with CRLF line ends
     */
    public static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T080000Z\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T100000Z\r\nSUMMARY:"
                + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /**
     * A groupware object as a client stores it over IMAP: one {@code text/calendar} or
     * {@code text/vcard} body (chosen by the text's BEGIN line), the summary or name as Subject.
     *
     * @param objectText the iCalendar or vCard text; bare LF line ends become CRLF
     * @return the message's bytes; its Message-ID is made from the UID and the text
     */
    public static byte[] groupware(String objectText) {
        String text = objectText.replaceAll("(?<!\r)\n", "\r\n");
        boolean card = text.toUpperCase(java.util.Locale.ROOT).contains("BEGIN:VCARD");
        String subject = property(text, card ? "FN" : "SUMMARY");
        String uid = property(text, "UID");
        String encodedSubject;
        try {
            encodedSubject = MimeUtility.encodeText(subject.isEmpty() ? (uid.isEmpty() ? "Item" : uid) : subject, "UTF-8", "Q");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always there", e);
        }
        String head = "Message-ID: <" + (uid.isEmpty() ? UUID.randomUUID().toString() : uid.replaceAll("[^A-Za-z0-9.@-]", "_"))
                + "." + Integer.toHexString(text.hashCode()) + "@icesync.test>\r\nDate: Mon, 05 Jan 2026 09:00:00 +0000\r\n"
                + "From: groupware@icesync.test\r\nSubject: " + encodedSubject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/" + (card ? "vcard" : "calendar") + "; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
        return (head + text + (text.endsWith("\r\n") ? "" : "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the first line starting with {@code name:} (or {@code name;...:}), or "". */
    private static String property(String text, String name) {
        for (String line : text.split("\r\n")) {
            String u = line.toUpperCase(java.util.Locale.ROOT);
            if (u.startsWith(name + ":") || u.startsWith(name + ";")) {
                int colon = line.indexOf(':');
                return colon < 0 ? "" : line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
