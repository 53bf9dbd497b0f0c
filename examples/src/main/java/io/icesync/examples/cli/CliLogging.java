package io.icesync.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.time.ZoneId;
import org.slf4j.LoggerFactory;

/**
 * The command's logging backend (logback): what reaches the console, and the names of the loggers
 * that only the profile's daily files hear. The libraries log through the SLF4J API only.
 */
final class CliLogging {
    /** The command's own lines (its start, its end, why it failed): for the log files, the console has them already. */
    static final String CLI_LOGGER = "io.icesync.cli";
    /** The session log (F11.2) as the engine logs it; the commands print it themselves, the console repeats it with -v. */
    static final String SESSION_LOGGER = "io.icesync.sync";
    /**
     * HttpClient's request-by-request loggers: they write the Authorization header and the bodies
     * (passwords, messages), so no level of ours ever turns them on.
     */
    static final String[] NEVER_LOGGED = {"org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers"};

    private static final String CONSOLE = "console";

    private CliLogging() {
    }

    /** Sets the console as slf4j-simple printed it: stderr, HH:mm:ss, warnings only or (verbose) info too. */
    static void console(boolean verbose) {
        // Time zones first: ical4j's zone provider logs as it loads, and a line logged while SLF4J starts
        // (logback reads the zone then) makes SLF4J print a warning of its own on stderr.
        ZoneId.systemDefault().getRules();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            console(ctx, verbose);
        }
    }

    static void console(LoggerContext ctx, boolean verbose) {
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.Appender<ILoggingEvent> old = root.getAppender(CONSOLE);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{HH:mm:ss} [%thread] %level %logger - %msg%n");
        encoder.start();
        ConsoleFilter filter = new ConsoleFilter(verbose ? Level.INFO : Level.WARN, verbose);
        filter.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName(CONSOLE);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.addFilter(filter);
        console.start();
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String name : NEVER_LOGGED) {
            ctx.getLogger(name).setLevel(Level.OFF);
        }
    }

    /** Whether {@code logger} is {@code name} or one of its children. */
    static boolean under(String logger, String name) {
        return logger.equals(name) || (logger.startsWith(name) && logger.charAt(name.length()) == '.');
    }
}
