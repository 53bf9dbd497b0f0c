package io.icesync.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.icesync.core.settings.LogLevel;

/**
 * What a profile's daily file keeps at its level: at "start-up and errors", the command's start and
 * end lines and every warning and error; at "debug", all the loggers let through.
 */
final class ProfileLogFilter extends Filter<ILoggingEvent> {
    private final LogLevel level;

    ProfileLogFilter(LogLevel level) {
        this.level = level;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (level == LogLevel.DEBUG || event.getLevel().isGreaterOrEqual(Level.WARN)
                || CliLogging.under(event.getLoggerName(), CliLogging.CLI_LOGGER)) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }
}
