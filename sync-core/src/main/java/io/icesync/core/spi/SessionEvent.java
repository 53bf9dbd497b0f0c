package io.icesync.core.spi;

import java.time.Instant;

/**
 * One entry of the session log (F11.2), e.g. "item synchronisation of INBOX". {@code details}
 * is optional (null) and never holds credentials or message bodies.
 */
public record SessionEvent(Instant time, Level level, String message, String details) {
    public enum Level { INFO, WARNING, ERROR }
}
