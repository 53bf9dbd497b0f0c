package io.icesync.groupware.freebusy.internal;

import io.icesync.groupware.freebusy.BusyPeriod;
import io.icesync.groupware.freebusy.BusyType;
import io.icesync.groupware.freebusy.FreeBusyFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.FreeBusy;
import org.threeten.extra.Interval;

/**
 * Reads the periods of a free/busy answer with ical4j: every {@code FREEBUSY} property of every
 * {@code VFREEBUSY}, in both the start/end and the start/duration forms. What is not iCalendar, or
 * iCalendar without a {@code VFREEBUSY}, is a {@link FreeBusyFormatException} saying what came.
 */
public final class FreeBusyParser {
    private static final int SHOWN = 60;

    private FreeBusyParser() {
    }

    public static List<BusyPeriod> parse(byte[] body, String contentType, String url) {
        String text = new String(body, charset(contentType));
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        start = start.stripLeading();
        if (!start.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            throw new FreeBusyFormatException("the free/busy answer of " + url + " is not iCalendar: it came as "
                    + (contentType == null ? "no content type" : "'" + contentType + "'") + " and starts with "
                    + firstBytes(start), url, null);
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(start));
        } catch (ParserException e) {
            throw new FreeBusyFormatException("the free/busy answer of " + url + " is malformed iCalendar (line "
                    + e.getLineNo() + ": " + e.getMessage() + ")", url, e);
        } catch (IOException | RuntimeException e) {
            throw new FreeBusyFormatException("the free/busy answer of " + url + " is malformed iCalendar: " + e.getMessage(),
                    url, e);
        }
        List<CalendarComponent> components = calendar.getComponents(Component.VFREEBUSY);
        if (components.isEmpty()) {
            TreeSet<String> held = new TreeSet<>();
            calendar.getComponents().forEach(c -> held.add(c.getName()));
            throw new FreeBusyFormatException("the free/busy answer of " + url + " is a VCALENDAR without VFREEBUSY"
                    + (held.isEmpty() ? " (it is empty)" : " (it holds " + String.join(", ", held) + ")"), url, null);
        }
        List<BusyPeriod> out = new ArrayList<>();
        for (Component vfreebusy : components) {
            for (Property p : vfreebusy.getProperties(Property.FREEBUSY)) {
                Optional<Parameter> fbtype = p.getParameter(Parameter.FBTYPE);
                BusyType type = BusyType.ofIcal(fbtype.map(Parameter::getValue).orElse(null));
                List<Interval> intervals;
                try {
                    intervals = ((FreeBusy) p).getIntervals();
                } catch (RuntimeException e) {
                    throw new FreeBusyFormatException("the free/busy answer of " + url + " has a FREEBUSY value that is not"
                            + " a list of UTC periods: '" + p.getValue() + "'", url, e);
                }
                for (Interval i : intervals) {
                    if (i.getEnd().isAfter(i.getStart())) {
                        out.add(new BusyPeriod(i.getStart(), i.getEnd(), type));
                    }
                }
            }
        }
        return out;
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String p = param.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The first characters, quoted, with control characters shown as escapes, so a log line stays one line. */
    private static String firstBytes(String text) {
        if (text.isEmpty()) {
            return "nothing (an empty body)";
        }
        String head = text.length() > SHOWN ? text.substring(0, SHOWN) : text;
        StringBuilder b = new StringBuilder("\"");
        for (char c : head.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(text.length() > SHOWN ? "...\"" : "\"").toString();
    }
}
