package io.icesync.groupware.mdn;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A message's request for a read receipt ({@code Disposition-Notification-To}, RFC 8098), with what
 * the receipt and the RFC's rules need: the addresses to notify, the Return-Path they are checked
 * against, the original's Message-ID, subject, recipients and date.
 */
public final class ReceiptRequest {
    private final String messageId;
    private final List<String> notifyTo;
    private final String returnPath;
    private final boolean severalReturnPaths;
    private final String subject;
    private final Instant sent;
    private final String to;
    private final String originalRecipient;
    private final String refusal;
    private final String headers;
    private final String fallbackKey;

    private ReceiptRequest(MimeMessage m, List<String> notifyTo) throws MessagingException {
        this.messageId = trimmed(m.getHeader("Message-ID", null));
        this.notifyTo = List.copyOf(notifyTo);
        String[] paths = m.getHeader("Return-Path");
        Set<String> distinct = new LinkedHashSet<>();
        if (paths != null) {
            for (String p : paths) {
                String a = p.trim();
                a = a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1).trim() : a;
                distinct.add(a);
            }
        }
        this.severalReturnPaths = distinct.size() > 1;
        String path = distinct.isEmpty() ? null : distinct.iterator().next();
        this.returnPath = path == null || path.isEmpty() ? null : path;
        this.subject = decoded(m.getHeader("Subject", null));
        this.sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
        this.to = decoded(m.getHeader("To", ", "));
        this.originalRecipient = trimmed(m.getHeader("Original-Recipient", null));
        this.refusal = refusal(m);
        StringBuilder h = new StringBuilder();
        for (Enumeration<String> e = m.getAllHeaderLines(); e.hasMoreElements();) {
            h.append(e.nextElement()).append("\r\n");
        }
        this.headers = h.toString();
        this.fallbackKey = "sha256:" + sha256(String.join("\n", String.valueOf(m.getHeader("From", ",")),
                String.valueOf(m.getHeader("Date", ",")), subject, String.join(",", notifyTo)));
    }

    /**
     * The request the message makes, or empty when it carries no usable {@code Disposition-Notification-To}.
     *
     * @param message the message
     * @return the request, or empty
     */
    public static Optional<ReceiptRequest> of(MimeMessage message) {
        try {
            String dnt = message.getHeader("Disposition-Notification-To", ",");
            if (dnt == null || dnt.isBlank()) {
                return Optional.empty();
            }
            List<String> addresses = new ArrayList<>();
            for (InternetAddress a : InternetAddress.parseHeader(dnt, false)) {
                if (a.getAddress() != null && a.getAddress().contains("@") && !addresses.contains(a.getAddress())) {
                    addresses.add(a.getAddress());
                }
            }
            return addresses.isEmpty() ? Optional.empty() : Optional.of(new ReceiptRequest(message, addresses));
        } catch (AddressException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message's headers cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@return the original's Message-ID with its angle brackets, or null when it has none} */
    public String messageId() {
        return messageId;
    }

    /**
     * {@return what identifies the message in a {@link ReceiptRecord}: its Message-ID, else a digest of its headers}
     */
    public String key() {
        return messageId != null ? messageId : fallbackKey;
    }

    /** {@return the addresses that asked for the receipt (addr-spec only)} */
    public List<String> notifyTo() {
        return notifyTo;
    }

    /** {@return the Return-Path address, or null when there is none (or it is the null path {@code <>})} */
    public String returnPath() {
        return returnPath;
    }

    /** {@return the original's subject, decoded; empty when it has none} */
    public String subject() {
        return subject;
    }

    /** {@return when the original was sent (its Date), or null} */
    public Instant sent() {
        return sent;
    }

    /** {@return the original's To header, decoded; empty when it has none} */
    public String to() {
        return to;
    }

    /** {@return the original's Original-Recipient header, to be echoed in the receipt, or null} */
    public String originalRecipient() {
        return originalRecipient;
    }

    /** {@return why this message must never be answered (it is a receipt, automatic or list mail), or empty} */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * {@return why RFC 8098 section 2.1 asks for the user's consent even when the policy sends without
     * asking, or empty when a receipt may go out automatically}
     */
    public Optional<AskReason> consentNeeded() {
        if (notifyTo.size() > 1) {
            return Optional.of(AskReason.SEVERAL_ADDRESSES);
        }
        if (severalReturnPaths) {
            return Optional.of(AskReason.ADDRESS_DIFFERS);
        }
        if (returnPath == null) {
            return Optional.of(AskReason.NO_RETURN_PATH);
        }
        return sameAddress(notifyTo.get(0), returnPath) ? Optional.empty() : Optional.of(AskReason.ADDRESS_DIFFERS);
    }

    /** The original's header lines, for the receipt's third part. */
    String headers() {
        return headers;
    }

    /** RFC 5322: the local part compares case-sensitively, the domain case-insensitively. */
    static boolean sameAddress(String a, String b) {
        int x = a.lastIndexOf('@');
        int y = b.lastIndexOf('@');
        if (x < 0 || y < 0) {
            return a.equals(b);
        }
        return a.substring(0, x).equals(b.substring(0, y))
                && a.substring(x + 1).toLowerCase(Locale.ROOT).equals(b.substring(y + 1).toLowerCase(Locale.ROOT));
    }

    private static String refusal(MimeMessage m) throws MessagingException {
        String type = m.getHeader("Content-Type", null);
        if (type != null) {
            try {
                ContentType ct = new ContentType(type);
                if (ct.match("message/disposition-notification") || (ct.match("multipart/report")
                        && "disposition-notification".equalsIgnoreCase(ct.getParameter("report-type")))) {
                    return "it is itself a read receipt";
                }
            } catch (ParseException e) {
                // an unreadable Content-Type says nothing either way
            }
        }
        String auto = m.getHeader("Auto-Submitted", null);
        if (auto != null && !auto.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "it was sent automatically (Auto-Submitted: " + auto.trim() + ")";
        }
        for (String list : new String[] {"List-Id", "List-Post", "List-Unsubscribe"}) {
            if (m.getHeader(list) != null) {
                return "it came through a mailing list (" + list + ")";
            }
        }
        String precedence = m.getHeader("Precedence", null);
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("list|bulk|junk")) {
            return "it is list or bulk mail (Precedence: " + precedence.trim() + ")";
        }
        return null;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String decoded(String s) {
        if (s == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(s)).trim();
        } catch (UnsupportedEncodingException e) {
            return s.trim();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ReceiptRequest[" + key() + " to " + notifyTo + "]";
    }
}
