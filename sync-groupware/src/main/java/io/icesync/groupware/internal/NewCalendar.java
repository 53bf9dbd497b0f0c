package io.icesync.groupware.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/** The text of a new VCALENDAR built from values (the model's builders), folded, with the VTIMEZONEs its TZIDs need. */
public final class NewCalendar {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private NewCalendar() {
    }

    /** A UTC date-time value, e.g. for DTSTAMP. */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** Whether a VTIMEZONE can be written for {@code tzid} (an IANA zone ical4j knows). */
    public static boolean knownZone(String tzid) {
        return vtimezone(tzid) != null;
    }

    /**
     * A VCALENDAR holding the components (each its unfolded content lines, BEGIN and END included)
     * after one VTIMEZONE for each of {@code tzids} (RFC 5545 3.2.19 wants one per TZID used).
     */
    public static String text(List<List<String>> components, Collection<String> tzids) {
        StringBuilder out = new StringBuilder(1024);
        out.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IceSync//sync-groupware//EN\r\n");
        for (String tzid : new LinkedHashSet<>(tzids)) {
            TimeZone zone = vtimezone(tzid);
            if (zone == null) {
                throw new IllegalArgumentException("no time zone " + tzid);
            }
            // ical4j's text is unfolded; long RRULEs of old transitions need folding
            for (String line : zone.getVTimeZone().toString().replace("\r\n ", "").split("\r\n")) {
                if (!line.isEmpty()) {
                    ContentLineWriter.fold(line, out);
                }
            }
        }
        for (List<String> component : components) {
            for (String line : component) {
                ContentLineWriter.fold(line, out);
            }
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }

    private static TimeZone vtimezone(String tzid) {
        try {
            return ZONES.getTimeZone(tzid);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
