package io.icesync.core.spi;

import java.time.Instant;

/** The time as IceSync sees it; tests pass a clock they move by hand. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = Instant::now;

    Instant now();
}
