package io.icesync.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What the console shows: the same as before the log files existed, whatever level the files are
 * at. The command's own lines are left to the files (it prints its failures itself), and the
 * session log shows only with -v.
 */
final class ConsoleFilter extends Filter<ILoggingEvent> {
    private final Level threshold;
    private final boolean sessionLog;

    ConsoleFilter(Level threshold, boolean sessionLog) {
        this.threshold = threshold;
        this.sessionLog = sessionLog;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (!event.getLevel().isGreaterOrEqual(threshold) || CliLogging.under(logger, CliLogging.CLI_LOGGER)
                || (!sessionLog && CliLogging.under(logger, CliLogging.SESSION_LOGGER))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
