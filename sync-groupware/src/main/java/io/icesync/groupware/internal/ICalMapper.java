package io.icesync.groupware.internal;

import io.icesync.groupware.Alarm;
import io.icesync.groupware.Attendee;
import io.icesync.groupware.CalendarItem;
import io.icesync.groupware.Event;
import io.icesync.groupware.GroupwareFormatException;
import io.icesync.groupware.ItemTime;
import io.icesync.groupware.JournalEntry;
import io.icesync.groupware.Note;
import io.icesync.groupware.ParseWarning;
import io.icesync.groupware.Person;
import io.icesync.groupware.Task;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.LastModified;

/** Reads iCalendar text into {@link CalendarItem}s: one item per UID, with its overrides. */
public final class ICalMapper {
    private static final Set<String> MODELLED = Set.of("VEVENT", "VTODO", "VJOURNAL");

    private ICalMapper() {
    }

    public static List<CalendarItem> read(String text, boolean notes, List<ParseWarning> warnings) {
        RawComponent root = ContentLineReader.read(text, "VCALENDAR", 2, warnings);
        List<CalendarItem> items = new ArrayList<>();
        for (RawComponent cal : root.components()) {
            if (!cal.name().equals("VCALENDAR")) {
                warnings.add(new ParseWarning(cal.line(), cal.name() + " outside VCALENDAR skipped"));
                continue;
            }
            items.addAll(readCalendar(cal, notes, warnings));
        }
        return items;
    }

    /** The item whose component is child {@code index} of {@code cal}; used after an edit. */
    static CalendarItem itemAt(RawComponent cal, int index, boolean notes) {
        Calendar parsed = parse(cal);
        List<CalendarComponent> comps = parsed.getComponents();
        return map(cal, parsed, index, childToParsed(cal, comps), notes, new ArrayList<>());
    }

    private static List<CalendarItem> readCalendar(RawComponent cal, boolean notes, List<ParseWarning> warnings) {
        Calendar parsed;
        try {
            parsed = parse(cal);
        } catch (GroupwareFormatException e) {
            cal = dropBadComponents(cal, warnings);
            parsed = parse(cal);
        }
        List<CalendarComponent> comps = parsed.getComponents();
        Map<Integer, CalendarComponent> toParsed = childToParsed(cal, comps);

        // group the components by UID, in the order they come
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> others = new ArrayList<>();
        List<RawNode> children = cal.children();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof RawComponent c && !c.name().equals("VTIMEZONE")) {
                if (!MODELLED.contains(c.name())) {
                    warnings.add(new ParseWarning(c.line(), c.name() + " is not modelled; kept as written"));
                    others.add(i);
                    continue;
                }
                String uid = c.value("UID");
                if (uid == null) {
                    warnings.add(new ParseWarning(c.line(), c.name() + " without UID"));
                    uid = "\u0000line " + c.line();
                }
                groups.computeIfAbsent(uid.trim(), k -> new ArrayList<>()).add(i);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        List<CalendarItem> items = new ArrayList<>();
        boolean single = groups.size() == 1;
        boolean first = true;
        for (List<Integer> group : groups.values()) {
            Set<Integer> keep = new HashSet<>(group);
            if (first) {
                keep.addAll(others); // unmodelled components travel with the first item
            }
            first = false;
            RawComponent itemCal = single && others.isEmpty() ? cal : subCalendar(cal, keep, single);
            List<CalendarComponent> itemComps = new ArrayList<>();
            List<RawNode> itemChildren = itemCal.children();
            int master = -1;
            Map<Integer, CalendarComponent> itemToParsed = new LinkedHashMap<>();
            for (int i = 0, j = 0; i < children.size() && j < itemChildren.size(); i++) {
                if (children.get(i) == itemChildren.get(j)) {
                    CalendarComponent pc = toParsed.get(i);
                    if (pc != null) {
                        itemComps.add(pc);
                        itemToParsed.put(j, pc);
                    }
                    if (group.contains(i) && master < 0
                            && ((RawComponent) children.get(i)).property("RECURRENCE-ID") == null) {
                        master = j;
                    }
                    j++;
                }
            }
            if (master < 0) {
                master = indexOf(itemChildren, children.get(group.get(0)));
            }
            Calendar itemParsed = single && others.isEmpty() ? parsed
                    : new Calendar(new PropertyList(parsed.getProperties()), new ComponentList<>(itemComps));
            items.add(map(itemCal, itemParsed, master, itemToParsed, notes, warnings));
        }
        return items;
    }

    private static int indexOf(List<RawNode> nodes, RawNode node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    /** The header properties, the VTIMEZONEs the kept components use (all of them for a single item), and the kept components. */
    private static RawComponent subCalendar(RawComponent cal, Set<Integer> keep, boolean allZones) {
        Set<String> tzids = new HashSet<>();
        List<RawNode> children = cal.children();
        for (int i : keep) {
            collectTzids((RawComponent) children.get(i), tzids);
        }
        List<RawNode> out = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            RawNode n = children.get(i);
            if (n instanceof RawProperty || keep.contains(i)) {
                out.add(n);
            } else if (n instanceof RawComponent c && c.name().equals("VTIMEZONE")) {
                String tzid = c.value("TZID");
                if (allZones || (tzid != null && tzids.contains(tzid.trim()))) {
                    out.add(n);
                }
            }
        }
        return cal.withChildren(out);
    }

    private static void collectTzids(RawComponent c, Set<String> tzids) {
        for (RawNode n : c.children()) {
            if (n instanceof RawProperty p) {
                String tzid = p.param("TZID");
                if (tzid != null) {
                    tzids.add(tzid.trim());
                }
            } else if (n instanceof RawComponent sub) {
                collectTzids(sub, tzids);
            }
        }
    }

    /** ical4j could not read the whole VCALENDAR: each component is tried alone and the bad ones dropped. */
    private static RawComponent dropBadComponents(RawComponent cal, List<ParseWarning> warnings) {
        List<RawNode> base = new ArrayList<>();
        for (RawNode n : cal.children()) {
            if (n instanceof RawProperty || (n instanceof RawComponent c && c.name().equals("VTIMEZONE"))) {
                base.add(n);
            }
        }
        try {
            parse(cal.withChildren(base));
        } catch (GroupwareFormatException e) {
            throw new GroupwareFormatException("VCALENDAR", cal.line(), "time zones or header unreadable: " + e.getMessage(), e);
        }
        List<RawNode> kept = new ArrayList<>();
        GroupwareFormatException firstFailure = null;
        int components = 0;
        for (RawNode n : cal.children()) {
            if (n instanceof RawComponent c && !c.name().equals("VTIMEZONE")) {
                components++;
                List<RawNode> alone = new ArrayList<>(base);
                alone.add(c);
                try {
                    parse(cal.withChildren(alone));
                } catch (GroupwareFormatException e) {
                    GroupwareFormatException located = new GroupwareFormatException(c.name(), c.line(),
                            (c.value("UID") == null ? "" : "UID " + c.value("UID").trim() + ": ") + e.problem(), e);
                    if (firstFailure == null) {
                        firstFailure = located;
                    }
                    warnings.add(new ParseWarning(c.line(), located.getMessage() + "; skipped"));
                    continue;
                }
            }
            kept.add(n);
        }
        if (firstFailure != null && components == 1) {
            throw firstFailure;
        }
        if (firstFailure != null && kept.stream().noneMatch(n -> n instanceof RawComponent c && !c.name().equals("VTIMEZONE"))) {
            throw firstFailure;
        }
        return cal.withChildren(kept);
    }

    static Calendar parse(RawComponent cal) {
        String text = ContentLineWriter.write(cal);
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new GroupwareFormatException("VCALENDAR", cal.line() > 0 ? cal.line() - 1 + e.getLineNo() : e.getLineNo(),
                    problemOf(e), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string", e);
        } catch (RuntimeException e) {
            throw new GroupwareFormatException("VCALENDAR", cal.line(), String.valueOf(e.getMessage()), e);
        }
    }

    private static String problemOf(ParserException e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.startsWith("Error at line") ? m.indexOf(':') : -1;
        return colon > 0 ? m.substring(colon + 1) : m;
    }

    /** Child index of the raw VCALENDAR to ical4j's component, matched in order and by name. */
    private static Map<Integer, CalendarComponent> childToParsed(RawComponent cal, List<CalendarComponent> comps) {
        Map<Integer, CalendarComponent> out = new LinkedHashMap<>();
        List<RawNode> children = cal.children();
        int j = 0;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof RawComponent c) {
                if (j < comps.size() && comps.get(j).getName().equalsIgnoreCase(c.name())) {
                    out.put(i, comps.get(j));
                    j++;
                }
            }
        }
        return out;
    }

    private static CalendarItem map(RawComponent cal, Calendar parsed, int index, Map<Integer, CalendarComponent> toParsed,
                                    boolean notes, List<ParseWarning> warnings) {
        RawComponent raw = (RawComponent) cal.children().get(index);
        CalendarComponent pc = toParsed.get(index);
        ItemSource source = new ItemSource(cal, parsed, index, pc, notes);
        checkTzids(cal, raw, warnings);
        switch (raw.name()) {
            case "VEVENT": {
                List<Event> exceptions = new ArrayList<>();
                if (raw.property("RECURRENCE-ID") == null) {
                    String uid = raw.value("UID");
                    List<RawNode> children = cal.children();
                    for (int i = 0; i < children.size(); i++) {
                        if (i != index && children.get(i) instanceof RawComponent c && c.name().equals("VEVENT")
                                && c.property("RECURRENCE-ID") != null && uid != null && uid.equals(c.value("UID"))) {
                            exceptions.add(event(c, toParsed.get(i), new ItemSource(cal, parsed, i, toParsed.get(i), notes), List.of()));
                        }
                    }
                }
                return event(raw, pc, source, exceptions);
            }
            case "VTODO":
                return ModelAccess.factory().task(raw.value("UID"), text(raw, "SUMMARY"), text(raw, "DESCRIPTION"), time(raw, pc, "DTSTART"),
                        time(raw, pc, "DUE"), instant(pc, "COMPLETED"), integer(raw, "PERCENT-COMPLETE"), raw.value("STATUS"),
                        integer(raw, "PRIORITY"), categories(raw), lastModified(pc), sequence(raw), source);
            case "VJOURNAL":
                if (notes) {
                    return ModelAccess.factory().note(raw.value("UID"), text(raw, "SUMMARY"), text(raw, "DESCRIPTION"), categories(raw),
                            lastModified(pc), source);
                }
                return ModelAccess.factory().journalEntry(raw.value("UID"), text(raw, "SUMMARY"), texts(raw, "DESCRIPTION"), time(raw, pc, "DTSTART"),
                        raw.value("STATUS"), categories(raw), lastModified(pc), sequence(raw), source);
            default:
                throw new IllegalStateException("not a modelled component: " + raw.name());
        }
    }

    private static void checkTzids(RawComponent cal, RawComponent raw, List<ParseWarning> warnings) {
        Set<String> used = new HashSet<>();
        collectTzids(raw, used);
        for (String tzid : used) {
            boolean defined = cal.components().stream()
                    .anyMatch(c -> c.name().equals("VTIMEZONE") && tzid.equals(trim(c.value("TZID"))));
            if (!defined && !ZoneId.getAvailableZoneIds().contains(tzid)) {
                warnings.add(new ParseWarning(raw.line(), "TZID " + tzid
                        + " has no VTIMEZONE and is not an IANA zone; kept as written, times may be misplaced"));
            }
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static Event event(RawComponent raw, CalendarComponent pc, ItemSource source, List<Event> exceptions) {
        Person organizer = null;
        RawProperty org = raw.property("ORGANIZER");
        if (org != null) {
            organizer = new Person(address(org.value()), org.param("CN"));
        }
        List<Attendee> attendees = new ArrayList<>();
        for (RawProperty a : raw.properties("ATTENDEE")) {
            attendees.add(new Attendee(address(a.value()), a.param("CN"), a.param("ROLE"), a.param("PARTSTAT"),
                    "TRUE".equalsIgnoreCase(a.param("RSVP"))));
        }
        List<Alarm> alarms = new ArrayList<>();
        for (RawComponent c : raw.components()) {
            if (c.name().equals("VALARM")) {
                alarms.add(new Alarm(c.value("ACTION"), c.value("TRIGGER"), text(c, "DESCRIPTION")));
            }
        }
        return ModelAccess.factory().event(raw.value("UID"), time(raw, pc, "RECURRENCE-ID"), sequence(raw), text(raw, "SUMMARY"),
                text(raw, "DESCRIPTION"), text(raw, "LOCATION"), time(raw, pc, "DTSTART"), time(raw, pc, "DTEND"),
                raw.value("DURATION"), raw.value("RRULE"), times(pc, "RDATE"), times(pc, "EXDATE"), organizer, attendees,
                alarms, raw.value("STATUS"), integer(raw, "PRIORITY"), categories(raw), lastModified(pc), exceptions, source);
    }

    private static String address(String value) {
        return value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
    }

    static String text(RawComponent raw, String name) {
        String v = raw.value(name);
        return v == null ? null : TextValues.unescape(v);
    }

    private static List<String> texts(RawComponent raw, String name) {
        List<String> out = new ArrayList<>();
        for (RawProperty p : raw.properties(name)) {
            out.add(TextValues.unescape(p.value()));
        }
        return out;
    }

    private static Integer integer(RawComponent raw, String name) {
        String v = raw.value(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int sequence(RawComponent raw) {
        Integer s = integer(raw, "SEQUENCE");
        return s == null ? 0 : s;
    }

    static List<String> categories(RawComponent raw) {
        List<String> out = new ArrayList<>();
        for (RawProperty p : raw.properties("CATEGORIES")) {
            out.addAll(TextValues.splitList(p.value()));
        }
        return out;
    }

    private static ItemTime time(CalendarComponent pc, String name) {
        return time(null, pc, name);
    }

    private static ItemTime time(RawComponent raw, CalendarComponent pc, String name) {
        if (pc == null) {
            return null;
        }
        Property p = pc.getProperty(name).orElse(null);
        if (p instanceof DateProperty<?> dp) {
            try {
                String tzid = dp.getParameter("TZID").map(Parameter::getValue).orElse(null);
                return dp.getDate() == null ? null : ItemTime.of(dp.getDate(), tzid);
            } catch (java.time.DateTimeException e) {
                // a TZID neither defined nor known to ical4j: the wall-clock time as written
                RawProperty rp = raw == null ? null : raw.property(name);
                if (rp == null) {
                    return null;
                }
                return wallClock(raw.name(), rp);
            }
        }
        return null;
    }

    /** The time as written; ical4j fails the same way on an unknown TZID and on a malformed value. */
    private static ItemTime wallClock(String component, RawProperty rp) {
        String v = rp.value().trim();
        try {
            if (v.length() == 8) {
                return ItemTime.allDay(java.time.LocalDate.parse(v, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            }
            if (v.length() < 15 || v.length() > 16 || v.length() == 16 && !v.endsWith("Z")) {
                throw new java.time.DateTimeException("wrong length");
            }
            java.time.LocalDateTime local = java.time.LocalDateTime.parse(v.substring(0, 15),
                    java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
            return v.endsWith("Z") ? ItemTime.utc(local.toInstant(java.time.ZoneOffset.UTC))
                    : ItemTime.zoned(local, rp.param("TZID"));
        } catch (java.time.DateTimeException e) {
            throw new GroupwareFormatException(component, rp.line(), rp.name() + " '" + v
                    + "' is not a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS)", e);
        }
    }

    private static List<ItemTime> times(CalendarComponent pc, String name) {
        List<ItemTime> out = new ArrayList<>();
        if (pc == null) {
            return out;
        }
        for (Property p : pc.getProperties(name)) {
            if (p instanceof DateListProperty<?> dl) {
                String tzid = dl.getParameter("TZID").map(Parameter::getValue).orElse(null);
                try {
                    for (Object d : dl.getDates()) {
                        out.add(ItemTime.of((Temporal) d, tzid));
                    }
                } catch (RuntimeException e) {
                    // RDATE as PERIOD values: kept as written, not modelled
                }
            }
        }
        return out;
    }

    private static Instant instant(CalendarComponent pc, String name) {
        ItemTime t = time(pc, name);
        return t == null ? null : t.utc();
    }

    private static Instant lastModified(CalendarComponent pc) {
        if (pc == null) {
            return null;
        }
        return pc.getProperty("LAST-MODIFIED").map(p -> ((LastModified) p).getDate()).orElse(null);
    }
}
