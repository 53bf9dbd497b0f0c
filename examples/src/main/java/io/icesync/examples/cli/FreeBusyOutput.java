package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.groupware.freebusy.BusyPeriod;
import io.icesync.groupware.freebusy.FreeBusy;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

/** A participant's busy periods in local time: one per line, or JSON with ISO offsets. */
final class FreeBusyOutput {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    FreeBusyOutput(ZoneId zone) {
        this.zone = zone;
    }

    /** "2025-03-24 09:00  2025-03-24 10:00  BUSY" per period, or one line saying the participant is free. */
    String text(FreeBusy fb) {
        List<BusyPeriod> busy = fb.busy();
        if (busy.isEmpty()) {
            return fb.address() + " is free from " + local(fb.from()) + " to " + local(fb.to());
        }
        StringJoiner lines = new StringJoiner(System.lineSeparator());
        for (BusyPeriod p : busy) {
            lines.add(local(p.start()) + "  " + local(p.end()) + "  " + p.type().icalName());
        }
        return lines.toString();
    }

    String json(FreeBusy fb) throws IOException {
        ObjectNode o = CliJson.document();
        o.put("address", fb.address());
        o.put("from", iso(fb.from()));
        o.put("to", iso(fb.to()));
        ArrayNode busy = o.putArray("busy");
        for (BusyPeriod p : fb.busy()) {
            ObjectNode b = busy.addObject();
            b.put("start", iso(p.start()));
            b.put("end", iso(p.end()));
            b.put("type", p.type().icalName());
        }
        return CliJson.write(o);
    }

    private String local(Instant t) {
        return LOCAL.format(t.atZone(zone));
    }

    private String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }
}
