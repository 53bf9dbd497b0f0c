package io.icesync.testkit.internal.freebusy;

import io.icesync.core.FolderKind;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Computes an account's busy times from the events in its calendar folders, as a groupware server
 * answers a free/busy request: recurrences expanded in the window, transparent and cancelled events
 * left out, tentative ones marked so. Events are the {@code text/calendar} parts or {@code .ics}
 * attachments of the folders' messages.
 */
public final class BusyTimes {
    /** One busy period; {@code type} is an iCalendar FBTYPE value. */
    public record Busy(Instant start, Instant end, String type) {
    }

    private static final Session MIME = Session.getInstance(new Properties());

    private BusyTimes() {
    }

    /**
     * The periods of the account's events that meet [from, to), sorted by start. Dates and floating
     * times are read in {@code zone}. Events that cannot be read are skipped, as a server would.
     */
    public static List<Busy> of(TestAccount account, Instant from, Instant to, ZoneId zone) {
        List<Busy> out = new ArrayList<>();
        for (TestMailbox box : account.mailboxes()) {
            if (!isCalendar(box)) {
                continue;
            }
            for (TestMessage m : box.messages()) {
                for (Calendar c : calendars(m.content())) {
                    out.addAll(events(c, from, to, zone));
                }
            }
        }
        out.sort(Comparator.comparing(Busy::start).thenComparing(Busy::end));
        return out;
    }

    /** IceWarp marks groupware folders with their Kolab type; an unmarked "Calendar" is the default one. */
    private static boolean isCalendar(TestMailbox box) {
        return box.kind() == FolderKind.EVENTS || box.name().equalsIgnoreCase("Calendar");
    }

    private static List<Calendar> calendars(byte[] raw) {
        List<Calendar> out = new ArrayList<>();
        try {
            collect(new MimeMessage(MIME, new ByteArrayInputStream(raw)), out);
        } catch (MessagingException | IOException e) {
            // not a readable message: no events in it
        }
        return out;
    }

    private static void collect(Part part, List<Calendar> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, out);
            }
            return;
        }
        String name = part.getFileName();
        boolean ics = name != null && name.toLowerCase(Locale.ROOT).endsWith(".ics");
        if (part.isMimeType("text/calendar") || part.isMimeType("application/ics") || ics) {
            try (InputStream in = part.getInputStream()) {
                out.add(new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (ParserException | RuntimeException e) {
                // a broken calendar part is skipped
            }
        }
    }

    private static List<Busy> events(Calendar calendar, Instant from, Instant to, ZoneId zone) {
        List<VEvent> events = new ArrayList<>();
        for (CalendarComponent c : calendar.getComponents()) {
            if (c instanceof VEvent) {
                events.add((VEvent) c);
            }
        }
        // Instances moved or changed by an override (RECURRENCE-ID) are replaced by the override.
        Map<String, Set<Instant>> overridden = new HashMap<>();
        for (VEvent e : events) {
            Optional<Property> rid = e.getProperty(Property.RECURRENCE_ID);
            if (rid.isPresent()) {
                Instant at = instant(((net.fortuna.ical4j.model.property.DateProperty<?>) rid.get()).getDate(), zone);
                overridden.computeIfAbsent(uid(e), k -> new HashSet<>()).add(at);
            }
        }
        List<Busy> out = new ArrayList<>();
        Period<ZonedDateTime> window = new Period<>(from.atZone(zone), to.atZone(zone));
        for (VEvent e : events) {
            String type = type(e);
            if (type == null) {
                continue;
            }
            boolean master = e.getProperty(Property.RECURRENCE_ID).isEmpty();
            Set<Instant> skip = master ? overridden.getOrDefault(uid(e), Set.of()) : Set.of();
            Set<Period<Temporal>> instances;
            try {
                instances = e.calculateRecurrenceSet(window);
            } catch (RuntimeException x) {
                continue;
            }
            for (Period<Temporal> p : instances) {
                Instant start = instant(p.getStart(), zone);
                Instant end = instant(p.getEnd(), zone);
                if (skip.contains(start) || !end.isAfter(start) || !end.isAfter(from) || !start.isBefore(to)) {
                    continue;
                }
                out.add(new Busy(start, end, type));
            }
        }
        return out;
    }

    /** The FBTYPE an event shows as, or null when it does not make its owner busy. */
    private static String type(VEvent e) {
        String transp = value(e, Property.TRANSP);
        String status = value(e, Property.STATUS);
        if ("TRANSPARENT".equals(transp) || "CANCELLED".equals(status)) {
            return null;
        }
        // Outlook's own busy status, when a client wrote one, is what its user chose.
        String ms = value(e, "X-MICROSOFT-CDO-BUSYSTATUS");
        if ("FREE".equals(ms)) {
            return null;
        }
        if ("OOF".equals(ms)) {
            return "BUSY-UNAVAILABLE";
        }
        if ("TENTATIVE".equals(status) || "TENTATIVE".equals(ms)) {
            return "BUSY-TENTATIVE";
        }
        return "BUSY";
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).map(p -> p.getValue().trim().toUpperCase(Locale.ROOT)).orElse(null);
    }

    private static String uid(VEvent e) {
        return e.getProperty(Property.UID).map(Property::getValue).orElse("");
    }

    static Instant instant(Temporal t, ZoneId zone) {
        if (t instanceof Instant) {
            return (Instant) t;
        }
        if (t instanceof ZonedDateTime) {
            return ((ZonedDateTime) t).toInstant();
        }
        if (t instanceof OffsetDateTime) {
            return ((OffsetDateTime) t).toInstant();
        }
        if (t instanceof LocalDateTime) {
            return ((LocalDateTime) t).atZone(zone).toInstant();
        }
        if (t instanceof LocalDate) {
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("not a date or time: " + t);
    }
}
