package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icesync logs pack|clear|prune}: the profile's daily log files, {@code DIR/logs/MM-DD-YYYY.txt}
 * (F11.4). They work while icesync sync runs; the logs command itself writes no log line.
 */
@Command(name = "logs", description = "Pack, clear or prune the profile's daily log files (DIR/logs/MM-DD-YYYY.txt).",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {LogsCommand.Pack.class, LogsCommand.Clear.class, LogsCommand.Prune.class})
final class LogsCommand {
    private LogsCommand() {
    }

    /** What every logs command shares: the profile folder, checked before anything is touched. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(dir.resolve(IceSync.PROFILE_FILE))) {
                err.println("icesync: " + TerminalText.escape(dir + " is not a profile folder (it has no "
                        + IceSync.PROFILE_FILE + ")"));
                return ExitCodes.PROFILE;
            }
            try {
                return run(new LogFolder(dir), spec.commandLine().getOut(), err);
            } catch (IOException e) {
                err.println("icesync: " + TerminalText.escape("the log folder " + dir.resolve(IceSync.LOGS_DIR)
                        + " could not be used: " + e));
                return ExitCodes.PROFILE;
            }
        }

        abstract int run(LogFolder logs, PrintWriter out, PrintWriter err) throws IOException;
    }

    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Zip today's and yesterday's log files for support into DIR/logs/icesync-logs-MM-DD-YYYY.zip "
                    + "and print its path.")
    static final class Pack extends Base {
        @Override
        int run(LogFolder logs, PrintWriter out, PrintWriter err) throws IOException {
            LocalDate today = LocalDate.now();
            Path zip = logs.pack(today);
            if (zip == null) {
                err.println("icesync: " + TerminalText.escape("no log file of " + LogFolder.DAY.format(today.minusDays(1))
                        + " or " + LogFolder.DAY.format(today) + " in " + logs.dir()));
                err.println("  icesync writes one when a command runs on this profile; set logLevel DEBUG"
                        + " (icesync settings set) to log the sync in detail");
                return ExitCodes.PROFILE;
            }
            out.println(TerminalText.escape(zip.toString()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Delete every daily log file (packed zips stay).")
    static final class Clear extends Base {
        @Override
        int run(LogFolder logs, PrintWriter out, PrintWriter err) throws IOException {
            int n = logs.clear();
            out.println(TerminalText.escape("removed " + files(n) + " from " + logs.dir()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete the daily log files older than N days (packed zips stay).")
    static final class Prune extends Base {
        @Option(names = "--days", paramLabel = "N",
                description = "Keep today's file and those of the last N days (default: the profile's deleteLogsAfterDays).")
        Integer days;

        @Override
        int run(LogFolder logs, PrintWriter out, PrintWriter err) throws IOException {
            Integer keep = days;
            if (keep == null) {
                int setting;
                try {
                    setting = IceSync.readPolicy(dir).apply(IceSync.readProfile(dir).settings()).deleteLogsAfterDays();
                } catch (IceSyncException e) {
                    return ExitCodes.report(e, err);
                }
                if (setting == 0) {
                    err.println("icesync: give --days N: the profile keeps its logs (deleteLogsAfterDays is 0)");
                    return ExitCodes.USAGE;
                }
                keep = setting;
            }
            if (keep < 0) {
                err.println("icesync: --days: " + keep + " is below the minimum of 0 days");
                return ExitCodes.USAGE;
            }
            int n = logs.prune(keep, LocalDate.now());
            out.println(TerminalText.escape("removed " + files(n) + " older than " + keep + " days from " + logs.dir()));
            return ExitCodes.OK;
        }
    }

    static String files(int n) {
        return n + (n == 1 ? " log file" : " log files");
    }
}
