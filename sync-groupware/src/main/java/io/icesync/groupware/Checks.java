package io.icesync.groupware;

import io.icesync.groupware.internal.NewCalendar;
import java.util.Collection;
import java.util.List;

/** The builders' checks: a bad value fails with {@link IllegalArgumentException} naming the field. */
final class Checks {
    private Checks() {
    }

    static String required(String item, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(item + " " + field + " is required");
        }
        return plain(item, field, value);
    }

    static <T> T required(String item, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(item + " " + field + " is required");
        }
        return value;
    }

    /** A value written without escaping (a status, an RRULE, an address) may not end its line. */
    static String plain(String item, String field, String value) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException(item + " " + field + " may not hold a line break or control character: "
                    + value.strip());
        }
        return value;
    }

    static Integer range(String item, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(item + " " + field + " must be between " + min + " and " + max + ": " + value);
        }
        return value;
    }

    static <T> List<T> list(String item, String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(item + " " + field + " may not hold null");
            }
        }
        return List.copyOf(values);
    }

    /** A well-formed time; a TZID must be a zone a VTIMEZONE can be written for, and is added to {@code tzids}. */
    static ItemTime time(String item, String field, ItemTime t, Collection<String> tzids) {
        if (t == null) {
            return null;
        }
        int set = (t.date() != null ? 1 : 0) + (t.local() != null ? 1 : 0) + (t.utc() != null ? 1 : 0);
        if (set != 1 || (t.tzid() != null && t.local() == null)) {
            throw new IllegalArgumentException(item + " " + field + " must be a date, a local time or a UTC instant: " + t);
        }
        if (t.tzid() != null) {
            plain(item, field, t.tzid());
            if (!NewCalendar.knownZone(t.tzid())) {
                throw new IllegalArgumentException(item + " " + field + " has an unknown time zone: " + t.tzid());
            }
            tzids.add(t.tzid());
        }
        return t;
    }
}
