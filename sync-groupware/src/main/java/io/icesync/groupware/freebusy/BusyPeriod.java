package io.icesync.groupware.freebusy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One period of a participant's schedule, [start, end) in UTC, with its kind. */
public record BusyPeriod(Instant start, Instant end, BusyType type) {
    public BusyPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(type, "type");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period must end after it starts: " + start + " / " + end);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the period shares some time with [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    @Override
    public String toString() {
        return type.icalName() + " " + start + "/" + end;
    }
}
