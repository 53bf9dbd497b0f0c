package io.icesync.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code icesync} command: profiles, sync, status. */
@Command(name = "icesync", mixinStandardHelpOptions = true, version = "icesync 0.1.0",
        description = "Two-way sync of an IceWarp (or any IMAP) account into a local Maildir tree.",
        subcommands = {DemoCommand.class, ProfileCommand.class, SyncCommand.class, StatusCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the sync finished, but some items or folders failed (see icesync status)",
            "2:wrong usage",
            "3:login refused, server unreachable or certificate not trusted",
            "4:the profile folder or its files could not be used"})
public final class IceSyncCli {
    private IceSyncCli() {
    }

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("-v") || java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!verbose) {
            // The session log is shown by the commands themselves; the logger repeats it only with -v.
            System.setProperty("org.slf4j.simpleLogger.log.io.icesync.sync", "off");
        }
        System.exit(run(args));
    }

    /** Runs the command in this process and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new IceSyncCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
