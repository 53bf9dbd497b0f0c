package io.icesync.client.internal;

import io.icesync.core.IceSyncException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A message to send, read from the bytes a user put in the Outbox: its Message-ID, envelope sender,
 * recipients (To, Cc, Bcc) and the bytes that go out, which are the original without its Bcc lines
 * (so that neither the recipients nor the Sent copy show them).
 */
public final class OutgoingMessage {
    private final byte[] original;
    private final String messageId;
    private final String from;
    private final List<String> recipients;
    private final String subject;

    private OutgoingMessage(byte[] original, InternetHeaders h, String defaultFrom) {
        this.original = original;
        String id = h.getHeader("Message-ID", null);
        this.messageId = id == null || id.isBlank() ? null : id.trim();
        this.from = envelopeFrom(h, defaultFrom);
        List<String> r = new ArrayList<>();
        for (String field : List.of("To", "Cc", "Bcc")) {
            r.addAll(addresses(h, field));
        }
        this.recipients = List.copyOf(r);
        String s = h.getHeader("Subject", null);
        String decoded = null;
        if (s != null) {
            try {
                decoded = MimeUtility.decodeText(MimeUtility.unfold(s)).trim();
            } catch (UnsupportedEncodingException e) {
                decoded = s.trim();
            }
        }
        this.subject = decoded;
    }

    /**
     * @param defaultFrom the envelope sender when the message has neither Sender nor From (the account's address)
     * @throws IceSyncException naming the header that cannot be read
     */
    public static OutgoingMessage parse(byte[] bytes, String defaultFrom) {
        try {
            return new OutgoingMessage(bytes, new InternetHeaders(new ByteArrayInputStream(bytes)), defaultFrom);
        } catch (MessagingException e) {
            throw new IceSyncException("the message's header cannot be read: " + e.getMessage(), e);
        }
    }

    /** The same message with a new Message-ID at the top of its header, on the domain of {@code address}. */
    public OutgoingMessage withNewMessageId(String address) {
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "icesync.invalid";
        String eol = usesCrLf(original) ? "\r\n" : "\n";
        byte[] line = ("Message-ID: <" + UUID.randomUUID() + "@" + domain + ">" + eol).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[line.length + original.length];
        System.arraycopy(line, 0, out, 0, line.length);
        System.arraycopy(original, 0, out, line.length, original.length);
        return parse(out, from);
    }

    private static String envelopeFrom(InternetHeaders h, String defaultFrom) {
        for (String field : List.of("Sender", "From")) {
            List<String> a = addresses(h, field);
            if (!a.isEmpty()) {
                return a.get(0);
            }
        }
        return defaultFrom;
    }

    private static List<String> addresses(InternetHeaders h, String field) {
        String[] values = h.getHeader(field);
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(MimeUtility.unfold(v), false)) {
                    if (a.getAddress() != null && !a.getAddress().isBlank()) {
                        out.add(a.getAddress());
                    }
                }
            } catch (AddressException e) {
                throw new IceSyncException("the " + field + " header cannot be read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean usesCrLf(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                return i > 0 && b[i - 1] == '\r';
            }
        }
        return true;
    }

    /** The bytes as read, Bcc included: what stays in the Outbox. */
    public byte[] original() {
        return original.clone();
    }

    /** The bytes that are sent and kept in Sent: the header without its Bcc fields, the body as it is. */
    public byte[] withoutBcc() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
        int i = 0;
        boolean dropping = false;
        while (i < original.length) {
            int end = i;
            while (end < original.length && original[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, original.length);
            boolean blank = end == i || (end == i + 1 && original[i] == '\r');
            if (blank) {
                out.write(original, i, original.length - i);
                return out.toByteArray();
            }
            boolean continuation = original[i] == ' ' || original[i] == '\t';
            if (!continuation) {
                String start = new String(original, i, Math.min(4, end - i), StandardCharsets.ISO_8859_1);
                dropping = start.toLowerCase(Locale.ROOT).equals("bcc:");
            }
            if (!dropping) {
                out.write(original, i, next - i);
            }
            i = next;
        }
        return out.toByteArray();
    }

    /** The Message-ID with its angle brackets, or null. */
    public String messageId() {
        return messageId;
    }

    /** The envelope sender: Sender, else the first From address, else the account's. */
    public String from() {
        return from;
    }

    /** The addresses of To, Cc and Bcc, in that order. */
    public List<String> recipients() {
        return recipients;
    }

    /** The decoded subject, or null. */
    public String subject() {
        return subject;
    }
}
