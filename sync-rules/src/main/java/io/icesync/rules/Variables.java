package io.icesync.rules;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IceWarp's %%Variables%% in texts of actions and of the auto-responder: %%Subject%%, %%From%%,
 * %%From_Email%%, %%From_Name%%, %%From_Alias%%, %%From_Domain%% (and the same for To),
 * %%Message-ID%%, %%Date%%, %%Time%%, %%RFC822_Date%%, %%Size%%, %%IP%%, %%Header Name%%. An unknown
 * variable stays as written, so a typo shows in the result.
 */
public final class Variables {
    private static final Pattern VAR = Pattern.compile("%%([A-Za-z0-9_-]+)(?: ([^%]+))?%%");

    private Variables() {
    }

    /**
     * Replaces the %%Variables%% of {@code text} with the message's and the delivery's values.
     *
     * @param text the text, or null
     * @param m    the message
     * @param size the message's size in bytes
     * @param ctx  what the server knows of the delivery
     * @return the text with every known variable replaced; an unknown one is left as it is
     */
    public static String apply(String text, MimeMessage m, int size, DeliveryContext ctx) {
        if (text == null || !text.contains("%%")) {
            return text;
        }
        Matcher mt = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (mt.find()) {
            String value = value(mt.group(1), mt.group(2), m, size, ctx);
            mt.appendReplacement(out, Matcher.quoteReplacement(value == null ? mt.group() : value));
        }
        mt.appendTail(out);
        return out.toString();
    }

    private static String value(String name, String arg, MimeMessage m, int size, DeliveryContext ctx) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("header") && arg != null) {
            return header(m, arg.trim().replaceAll(":$", ""));
        }
        if (n.startsWith("from") || n.startsWith("to")) {
            String field = n.startsWith("from") ? "From" : "To";
            String part = n.contains("_") ? n.substring(n.indexOf('_') + 1) : "";
            return address(header(m, field), part);
        }
        return switch (n) {
            case "subject" -> header(m, "Subject");
            case "message-id" -> header(m, "Message-ID");
            case "rfc822_date" -> header(m, "Date");
            case "date" -> ctx.localTime().format(DateTimeFormatter.ISO_LOCAL_DATE);
            case "time" -> ctx.localTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
            case "size" -> String.valueOf(size);
            case "ip" -> ctx.senderIp() == null ? "" : ctx.senderIp();
            default -> null;
        };
    }

    /** A header's first value, encoded words decoded; empty when absent. */
    static String header(MimeMessage m, String name) {
        try {
            String v = m.getHeader(name, ", ");
            if (v == null) {
                return "";
            }
            return MimeUtility.decodeText(MimeUtility.unfold(v)).trim();
        } catch (MessagingException | UnsupportedEncodingException e) {
            return "";
        }
    }

    private static String address(String value, String part) {
        if (value.isEmpty()) {
            return "";
        }
        InternetAddress a;
        try {
            InternetAddress[] all = InternetAddress.parseHeader(value, false);
            if (all.length == 0) {
                return value;
            }
            a = all[0];
        } catch (jakarta.mail.internet.AddressException e) {
            return value;
        }
        String email = a.getAddress() == null ? "" : a.getAddress();
        int at = email.indexOf('@');
        return switch (part) {
            case "email" -> email;
            case "name" -> a.getPersonal() != null ? a.getPersonal() : email;
            case "alias" -> at < 0 ? email : email.substring(0, at);
            case "domain" -> at < 0 ? "" : email.substring(at + 1);
            default -> value;
        };
    }
}
