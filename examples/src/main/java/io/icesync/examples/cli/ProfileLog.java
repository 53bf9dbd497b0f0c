package io.icesync.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.icesync.client.IceSync;
import io.icesync.core.settings.LogLevel;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.LoggerFactory;

/**
 * A command's lines in its profile's daily log file, {@code DIR/logs/MM-DD-YYYY.txt} (F11.4), for as
 * long as the command runs: a logback rolling appender whose time-based policy starts a new file at
 * midnight. Attached only when DIR holds a profile; a log that cannot be written never stops the command.
 */
final class ProfileLog implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CliLogging.CLI_LOGGER);
    private static final ProfileLog NONE = new ProfileLog(null, null, null);

    private final LoggerContext ctx;
    private final RollingFileAppender<ILoggingEvent> appender;
    private final String command;

    private ProfileLog(LoggerContext ctx, RollingFileAppender<ILoggingEvent> appender, String command) {
        this.ctx = ctx;
        this.appender = appender;
        this.command = command;
    }

    /**
     * Starts writing {@code dir}'s daily file at {@code level} (the profile's own when null), after
     * deleting the files older than the profile's {@code deleteLogsAfterDays}; nothing when {@code dir}
     * is no profile folder or the backend is not logback.
     */
    static ProfileLog start(Path dir, LogLevel level, String command) {
        if (dir == null || !Files.isRegularFile(dir.resolve(IceSync.PROFILE_FILE))
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return NONE;
        }
        SyncSettings settings = settings(dir);
        LogLevel effective = level != null ? level : settings.logLevel();
        LogFolder folder = new LogFolder(dir);
        RollingFileAppender<ILoggingEvent> appender;
        try {
            if (folder.dir().toAbsolutePath().toString().contains("%")) {
                // logback's file name patterns turn \ into / before reading escapes, so a % cannot be escaped
                throw new IllegalStateException("its path holds a %, which logback's file names cannot");
            }
            Files.createDirectories(folder.dir());
            if (settings.deleteLogsAfterDays() > 0) {
                folder.prune(settings.deleteLogsAfterDays(), LocalDate.now());
            }
            appender = appender(ctx, folder, effective);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProfileLog.class).warn("no log file in {}: {}", folder.dir(),
                    e instanceof IOException ? e.toString() : e.getMessage());
            return NONE;
        }
        if (effective == LogLevel.DEBUG) {
            ctx.getLogger("io.icesync").setLevel(Level.DEBUG);
        }
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        LOG.info("icesync {} started: {}, log level {} (Java {}, {} {})", version(), command, effective,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"));
        return new ProfileLog(ctx, appender, command);
    }

    /** The profile's settings under its policy; the defaults when the folder's files cannot be read (the command says why). */
    private static SyncSettings settings(Path dir) {
        try {
            return IceSync.readPolicy(dir).apply(IceSync.readProfile(dir).settings());
        } catch (RuntimeException unreadable) {
            return SyncSettings.defaults();
        }
    }

    private static RollingFileAppender<ILoggingEvent> appender(LoggerContext ctx, LogFolder folder, LogLevel level) {
        String logs = folder.dir().toAbsolutePath().toString();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName("profile");
        TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
        daily.setContext(ctx);
        // No active file of its own: each day's lines go straight to that day's file.
        daily.setFileNamePattern(logs + "/%d{MM-dd-yyyy}" + LogFolder.SUFFIX);
        daily.setParent(appender);
        daily.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        ProfileLogFilter filter = new ProfileLogFilter(level);
        filter.start();
        appender.setRollingPolicy(daily);
        appender.setEncoder(encoder);
        appender.addFilter(filter);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("logback could not open " + daily.getActiveFileName());
        }
        return appender;
    }

    /** Writes the command's end line. */
    void ended(int exitCode) {
        if (appender != null) {
            LOG.info("icesync {} ended: exit code {}", command, exitCode);
        }
    }

    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        Logger icesync = ctx.getLogger("io.icesync");
        icesync.setLevel(null);
    }

    private static String version() {
        String v = IceSync.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
