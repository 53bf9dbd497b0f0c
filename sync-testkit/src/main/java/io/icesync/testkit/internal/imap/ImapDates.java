package io.icesync.testkit.internal.imap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMAP's date-time ({@code "17-Jul-1996 02:44:25 -0700"}) and date ({@code 1-Feb-1994}) formats. */
final class ImapDates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter PARSE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private ImapDates() {
    }

    static String format(Instant t) {
        return DATE_TIME.format(t.atZone(ZoneOffset.UTC));
    }

    static Instant parseDateTime(String s) {
        try {
            return ZonedDateTime.parse(s.trim(), PARSE).toInstant();
        } catch (DateTimeParseException e) {
            throw ImapArgs.bad("'" + s + "' is not an IMAP date-time (like 17-Jul-1996 02:44:25 -0700)");
        }
    }

    static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw ImapArgs.bad("'" + s + "' is not an IMAP date (like 1-Feb-1994)");
        }
    }
}
