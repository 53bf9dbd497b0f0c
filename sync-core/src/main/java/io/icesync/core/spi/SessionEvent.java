package io.icesync.core.spi;

import java.time.Instant;

/**
 * One entry of the session log (F11.2), e.g. "item synchronisation of INBOX". {@code details}
 * is optional (null) and never holds credentials or message bodies.
 *
 * @param time    when it happened
 * @param level   how serious it is
 * @param message what happened, in one line
 * @param details more about it, or null
 */
public record SessionEvent(Instant time, Level level, String message, String details) {
    /** How serious an event is. */
    public enum Level {
        /** A normal step. */
        INFO,
        /** Something went wrong but the sync went on. */
        WARNING,
        /** Something failed. */
        ERROR
    }

}
