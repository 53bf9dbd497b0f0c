package io.icesync.groupware;

import io.icesync.groupware.internal.ContentLineWriter;
import io.icesync.groupware.internal.ICalMapper;
import io.icesync.groupware.internal.TextValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and writes iCalendar (RFC 5545) objects as {@link CalendarItem}s.
 *
 * <p>{@link #parse(String)} gives one item per UID (a recurring event with its RECURRENCE-ID
 * overrides is one {@link Event}); each item keeps its VCALENDAR header and the VTIMEZONEs it uses.
 * Recoverable oddities become {@link ParseWarning}s; one unreadable component among several is
 * skipped with a warning; an input with nothing readable throws {@link GroupwareFormatException}.
 * {@link #write(CalendarItem)} writes every line that was not edited exactly as it was read.
 */
public final class ICalendarCodec {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final boolean notes;

    private ICalendarCodec(boolean notes) {
        this.notes = notes;
    }

    /** {@return a codec for event, task and journal folders: VJOURNAL reads as {@link JournalEntry}} */
    public static ICalendarCodec standard() {
        return new ICalendarCodec(false);
    }

    /** {@return a codec for notes folders: VJOURNAL reads as {@link Note}} */
    public static ICalendarCodec forNotes() {
        return new ICalendarCodec(true);
    }

    /**
     * Reads every item of the text: one per UID, with its overrides.
     *
     * @param text iCalendar text
     * @return the items, and what was skipped on the way
     * @throws GroupwareFormatException when nothing in it is readable, or BEGIN/END nesting is broken (naming the line)
     */
    public ParseResult<CalendarItem> parse(String text) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<CalendarItem> items = ICalMapper.read(text, notes, warnings);
        return new ParseResult<>(items, warnings);
    }

    /**
     * Reads UTF-8 (RFC 5545 3.1.4).
     *
     * @param in the input, read to its end and not closed
     * @return the items, and what was skipped on the way
     * @throws GroupwareFormatException when nothing in it is readable, or BEGIN/END nesting is broken (naming the line)
     */
    public ParseResult<CalendarItem> parse(InputStream in) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The item's whole iCalendar object (VCALENDAR, its VTIMEZONEs, the item and its overrides).
     *
     * @param item the item
     * @return the text
     */
    public String write(CalendarItem item) {
        return ContentLineWriter.write(Items.source(item).raw());
    }

    /**
     * Items one after another, each in its own VCALENDAR (as IMAP and CalDAV store them, one per object).
     *
     * @param items the items
     * @return the text
     */
    public String writeAll(List<? extends CalendarItem> items) {
        StringBuilder out = new StringBuilder();
        for (CalendarItem item : items) {
            ContentLineWriter.write(Items.source(item).raw(), out);
        }
        return out.toString();
    }

    /**
     * A new note from plain text: the first line is the subject, the rest the body.
     *
     * @param text the note's text
     * @return the note, with a new UID
     */
    public Note noteFromPlainText(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        int nl = normal.indexOf('\n');
        String subject = nl < 0 ? normal : normal.substring(0, nl);
        String body = nl < 0 ? "" : normal.substring(nl + 1).replaceFirst("^\n+", "");
        String stamp = STAMP.format(Instant.now());
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IceSync//sync-groupware//EN\r\nBEGIN:VJOURNAL\r\n"
                + "UID:" + UUID.randomUUID() + "\r\nDTSTAMP:" + stamp + "\r\nLAST-MODIFIED:" + stamp + "\r\n"
                + "SUMMARY:" + TextValues.escape(subject) + "\r\n"
                + (body.isEmpty() ? "" : "DESCRIPTION:" + TextValues.escape(body) + "\r\n")
                + "END:VJOURNAL\r\nEND:VCALENDAR\r\n";
        return (Note) forNotes().parse(ics).items().get(0);
    }
}
