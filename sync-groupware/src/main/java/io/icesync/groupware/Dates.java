package io.icesync.groupware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EXDATE/RDATE lines: one per kind of time (TZID, all-day, UTC), as RFC 5545 requires one TZID per line. */
final class Dates {
    private Dates() {
    }

    static List<String> lines(String name, List<ItemTime> values) {
        Map<String, List<String>> byHead = new LinkedHashMap<>();
        for (ItemTime t : values) {
            String line = t.toContentLine(name);
            String head = line.substring(0, line.length() - t.valueText().length() - 1);
            byHead.computeIfAbsent(head, k -> new ArrayList<>()).add(t.valueText());
        }
        List<String> out = new ArrayList<>();
        byHead.forEach((head, vals) -> out.add(head + ":" + String.join(",", vals)));
        return out;
    }
}
