package io.icesync.groupware.freebusy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant's schedule over [from, to) as the server published it: periods sorted, clipped to the
 * window, never overlapping (where the server's periods overlap, the stronger type shows) and
 * merged when they touch with the same type. Time not covered by a period is free.
 */
public record FreeBusy(String address, Instant from, Instant to, List<BusyPeriod> periods) {
    /**
     * Copies the periods.
     *
     * @param address the participant's address
     * @param from    the window's start, inclusive
     * @param to      the window's end, exclusive
     * @param periods the periods, sorted and merged as described above
     */
    public FreeBusy {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        periods = List.copyOf(periods);
    }

    /** {@return the periods that make the participant unavailable (every type but FREE)} */
    public List<BusyPeriod> busy() {
        return periods.stream().filter(p -> p.type() != BusyType.FREE).toList();
    }

    /**
     * Whether nothing but free time falls within [start, end).
     *
     * @param start the slot's start, inclusive
     * @param end   the slot's end, exclusive
     * @return true when no busy period overlaps the slot
     */
    public boolean isFree(Instant start, Instant end) {
        return busy().stream().noneMatch(p -> p.overlaps(start, end));
    }

    /**
     * What the participant's schedule shows at this instant; empty when nothing is published (free).
     *
     * @param instant the instant
     * @return the type of the period holding it, or empty
     */
    public Optional<BusyType> at(Instant instant) {
        return periods.stream().filter(p -> !p.start().isAfter(instant) && p.end().isAfter(instant))
                .map(BusyPeriod::type).findFirst();
    }
}
