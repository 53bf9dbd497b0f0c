package io.icesync.groupware.freebusy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One period of a participant's schedule, [start, end) in UTC, with its kind. */
public record BusyPeriod(Instant start, Instant end, BusyType type) {
    /**
     * Checks the period.
     *
     * @param start the first instant, inclusive
     * @param end   the end, exclusive, after {@code start}
     * @param type  its kind
     * @throws IllegalArgumentException when it does not end after it starts
     */
    public BusyPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(type, "type");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period must end after it starts: " + start + " / " + end);
        }
    }

    /** {@return the period's length} */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Whether the period shares some time with [from, to).
     *
     * @param from the window's start, inclusive
     * @param to   the window's end, exclusive
     * @return whether they share at least an instant
     */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    @Override
    public String toString() {
        return type.icalName() + " " + start + "/" + end;
    }
}
