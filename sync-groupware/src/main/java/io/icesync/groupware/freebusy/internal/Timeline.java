package io.icesync.groupware.freebusy.internal;

import io.icesync.groupware.freebusy.BusyPeriod;
import io.icesync.groupware.freebusy.BusyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the periods a server listed (in any order, overlapping, beyond the window) into what a
 * user sees: one sorted line of non-overlapping periods within [from, to), the strongest type where
 * several meet, and neighbours of the same type joined.
 */
public final class Timeline {
    private Timeline() {
    }

    private record Edge(Instant at, BusyType type, int delta) {
    }

    public static List<BusyPeriod> normalise(List<BusyPeriod> periods, Instant from, Instant to) {
        List<Edge> edges = new ArrayList<>();
        for (BusyPeriod p : periods) {
            Instant s = p.start().isBefore(from) ? from : p.start();
            Instant e = p.end().isAfter(to) ? to : p.end();
            if (e.isAfter(s)) {
                edges.add(new Edge(s, p.type(), 1));
                edges.add(new Edge(e, p.type(), -1));
            }
        }
        edges.sort(Comparator.comparing(Edge::at));
        int[] open = new int[BusyType.values().length];
        List<BusyPeriod> out = new ArrayList<>();
        BusyType current = null;
        Instant since = null;
        int i = 0;
        while (i < edges.size()) {
            Instant at = edges.get(i).at();
            for (; i < edges.size() && edges.get(i).at().equals(at); i++) {
                open[edges.get(i).type().ordinal()] += edges.get(i).delta();
            }
            BusyType now = strongest(open);
            if (now != current) {
                if (current != null) {
                    out.add(new BusyPeriod(since, at, current));
                }
                current = now;
                since = at;
            }
        }
        return out;
    }

    private static BusyType strongest(int[] open) {
        BusyType[] types = BusyType.values();
        for (int t = types.length - 1; t >= 0; t--) {
            if (open[t] > 0) {
                return types[t];
            }
        }
        return null;
    }
}
