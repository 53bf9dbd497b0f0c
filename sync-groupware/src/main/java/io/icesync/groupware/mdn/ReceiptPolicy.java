package io.icesync.groupware.mdn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The user's read-receipt settings (F6.5): the mode, and the receipt's text, where {@code %TO%} (the
 * original message's recipients), {@code %SUBJECT%}, {@code %SENT%} (when it was sent) and
 * {@code %READ%} (when it was read) are replaced; dates are written with {@code dates}.
 */
public record ReceiptPolicy(ReceiptMode mode, String text, DateTimeFormatter dates) {
    /** The default text: which message was read, and when. */
    public static final String DEFAULT_TEXT = "Your message\n\n"
            + "    To: %TO%\n"
            + "    Subject: %SUBJECT%\n"
            + "    Sent: %SENT%\n\n"
            + "was read on %READ%.\n";

    /**
     * Checks the policy; dates without a zone are written in the system's.
     *
     * @param mode  send, ask or never
     * @param text  the receipt's text, with its variables
     * @param dates how the dates of the text are written
     */
    public ReceiptPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dates, "dates");
        if (dates.getZone() == null) {
            dates = dates.withZone(ZoneId.systemDefault());
        }
    }

    /**
     * {@return the defaults: ask each time, the default text, dates such as "Monday 24 March 2025 09:15" in the system's zone}
     */
    public static ReceiptPolicy defaults() {
        return new ReceiptPolicy(ReceiptMode.ASK, DEFAULT_TEXT,
                DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault()));
    }

    /**
     * @param m send, ask or never
     * @return this policy with that mode
     */
    public ReceiptPolicy withMode(ReceiptMode m) {
        return new ReceiptPolicy(m, text, dates);
    }

    /**
     * @param t the receipt's text, with its variables
     * @return this policy with that text
     */
    public ReceiptPolicy withText(String t) {
        return new ReceiptPolicy(mode, t, dates);
    }

    /** {@return this policy with the default text again (the dialog's "Default" button)} */
    public ReceiptPolicy withDefaultText() {
        return withText(DEFAULT_TEXT);
    }

    /**
     * @param f how the dates of the text are written (the system's zone when it has none)
     * @return this policy with that format
     */
    public ReceiptPolicy withDates(DateTimeFormatter f) {
        return new ReceiptPolicy(mode, text, f);
    }

    /**
     * The text with its variables replaced for this message, read at {@code readAt}.
     *
     * @param request the message's request
     * @param readAt  when the user read it
     * @return the receipt's text
     */
    public String render(ReceiptRequest request, Instant readAt) {
        String sent = request.sent() == null ? "(unknown)" : dates.format(request.sent());
        // One pass, so that a subject holding "%READ%" stays as it was written.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String value = null;
            int len = 0;
            for (String[] v : new String[][] {{"%TO%", request.to()}, {"%SUBJECT%", request.subject()}, {"%SENT%", sent},
                    {"%READ%", dates.format(readAt)}}) {
                if (text.regionMatches(true, i, v[0], 0, v[0].length())) {
                    value = v[1];
                    len = v[0].length();
                    break;
                }
            }
            if (value != null) {
                out.append(value);
                i += len;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
