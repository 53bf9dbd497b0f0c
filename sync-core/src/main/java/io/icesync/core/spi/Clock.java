package io.icesync.core.spi;

import java.time.Instant;

/** The time as IceSync sees it; tests pass a clock they move by hand. */
@FunctionalInterface
public interface Clock {
    /** The system clock ({@link Instant#now()}). */
    Clock SYSTEM = Instant::now;

    /**
     * Reads the clock.
     *
     * @return the current time
     */
    Instant now();

}
