package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.settings.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code icesync} command: profiles, sync, status (and the demo). {@link #main} is the
 * command line; {@link #execute} runs a command in this process (tests, embedding), optionally with
 * an {@link Opener} that gives the profile another server or other stores.
 */
@Command(name = "icesync", mixinStandardHelpOptions = true, version = "icesync 0.1.0",
        description = "Two-way sync of an IceWarp (or any IMAP) account into a local Maildir tree.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:the sync finished, but some items or folders failed (see icesync status)",
            " 2:wrong usage (unknown option, missing argument, bad value)",
            " 3:login refused, server unreachable or its certificate not trusted (try --trust-cert)",
            " 4:the profile folder or its files could not be used (missing, malformed, in use)",
            " 5:the sync stopped before deleting many folders or items, or those of a local store that is gone;"
                    + " nothing of it was deleted (confirm with icesync sync --allow-mass-delete)",
            " 6:a --folder of icesync sync names no folder the profile has synced",
            "70:an internal error: a bug (icesync logs pack gives the log to report it), or a fatal error"
                    + " (out of memory...) stopped the scheduled sync; start it again (a supervisor should)",
            "130:stopped by SIGINT (Ctrl-C); a sync cancels its cycle cleanly first",
            "143:stopped by SIGTERM; likewise"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  icesync demo",
            "  export PW='...'",
            "  icesync profile create --dir ~/mail/jean --email jean@example.com \\",
            "    --imap mail.example.com:143 --security starttls --password-env PW",
            "  icesync sync --dir ~/mail/jean --once",
            "  icesync status --dir ~/mail/jean",
            "  icesync logs pack --dir ~/mail/jean"})
public final class IceSyncCli {
    /** How the commands open a profile folder; the default is {@link IceSync} with IMAP, Maildir and SQLite. */
    @FunctionalInterface
    public interface Opener {
        Opener DEFAULT = (dir, firstSync) -> CliTokens.builder().directory(dir).firstSync(firstSync).build();

        IceSync open(Path dir, FirstSyncHandler firstSync);
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what happens to stderr (info level; default: warnings only).")
    boolean verbose;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "For a command on a profile (--dir DIR): what this run writes to its daily log file "
                    + "DIR/logs/MM-DD-YYYY.txt: ${COMPLETION-CANDIDATES} (default: the profile's logLevel setting).")
    LogLevel logLevel;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** Every command, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, ProfileCommand.class, SyncCommand.class,
            StatusCommand.class, DiscoverCommand.class, VerifyCommand.class, TrustCommand.class, RulesCommand.class,
            ResponderCommand.class, FetchCommand.class, AttachmentsCommand.class, GalCommand.class,
            FreeBusyCommand.class, FoldersCommand.class, SettingsCommand.class, IgnoredCommand.class,
            ReceiptsCommand.class, SendCommand.class, SignatureCommand.class, TnefCommand.class, LogsCommand.class,
            ServerCommand.class, FleetCommand.class, ShareCommand.class, SharedCommand.class);

    final Opener opener;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    public IceSyncCli() {
        this(Opener.DEFAULT);
    }

    public IceSyncCli(Opener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    public static void main(String[] args) {
        List<String> a = Arrays.asList(args);
        CliLogging.console(a.contains("-v") || a.contains("--verbose"));
        SqliteNative.useCachedCopy();
        // jakarta.mail 2.1 looks its StreamProvider up through ServiceLoader at every header parsed or word
        // decoded (mail-api issue 861): half of what a first sync allocated. Named, it is one Class.forName.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        System.exit(run(args));
    }

    /** Runs the command in this process with the default opener; returns its exit code. */
    public static int run(String... args) {
        // execute flushes both before it returns: what a command printed is out before System.exit.
        return new IceSyncCli().execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command in this process; returns its exit code once everything it printed is flushed to
     * {@code out} and {@code err}. With {@code --json}, a failure is one JSON document on {@code err}.
     */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        boolean json = JsonErrors.wanted(args);
        StringWriter held = new StringWriter();
        PrintWriter errTarget = json ? new PrintWriter(held, true) : err;
        CommandLine cl = withCommands(new CommandLine(this), args, false).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(TerminalText.safe(out), true))
                .setErr(new PrintWriter(TerminalText.safe(errTarget), true))
                .setExecutionStrategy(IceSyncCli::runLogged)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("icesync: unexpected error: " + TerminalText.escape(String.valueOf(e)));
                    line.getErr().println("  this is a bug: icesync logs pack --dir DIR packs the log to report it"
                            + (verbose ? "" : " (-v prints the stack trace)"));
                    if (verbose) {
                        e.printStackTrace(line.getErr());
                    }
                    return ExitCodes.FATAL;
                });
        try {
            int code;
            try {
                code = cl.execute(args);
            } finally {
                cl.getOut().flush();
                cl.getErr().flush();
            }
            if (json) {
                if (code == ExitCodes.OK) {
                    err.print(held);
                } else {
                    err.println(CliJson.write(JsonErrors.document(code, held.toString())));
                }
            }
            out.flush();
            err.flush();
            return code;
        } finally {
            finished.countDown();
        }
    }

    /**
     * Adds the command that {@code args} names, or every command when they name none that exists (the
     * help, the version, a mistyped name) or when {@code all}: picocli reads the options of each command
     * it is given, some 60 classes with their nested commands, a tenth of a short run's start.
     */
    static CommandLine withCommands(CommandLine cl, String[] args, boolean all) {
        Class<?> named = all ? null : named(args);
        for (Class<?> c : named != null ? List.of(named) : COMMANDS) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    /** The command that the first word of {@code args} that is not an option names, or null. */
    private static Class<?> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--log-level")) {
                i++;
            } else if (!a.startsWith("-")) {
                for (Class<?> c : COMMANDS) {
                    Command command = c.getAnnotation(Command.class);
                    if (command.name().equals(a) || Arrays.asList(command.aliases()).contains(a)) {
                        return c;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Runs the command with its profile's daily log file open when it has a {@code --dir} that holds a
     * profile; commands without one, and {@code icesync logs}, which manages the files, log to the console only.
     */
    private static int runLogged(ParseResult parsed) {
        ParseResult last = parsed;
        LogLevel level = null;
        StringBuilder command = new StringBuilder();
        for (ParseResult p = parsed.subcommand(); p != null; p = p.subcommand()) {
            command.append(command.length() == 0 ? "" : " ").append(p.commandSpec().name());
            level = p.matchedOptionValue("--log-level", level);
            last = p;
        }
        level = parsed.matchedOptionValue("--log-level", level);
        Object dir = last.hasMatchedOption("--dir") ? last.matchedOption("--dir").getValue() : null;
        boolean logsCommand = parsed.subcommand() != null && parsed.subcommand().commandSpec().userObject() instanceof LogsCommand;
        try (ProfileLog log = ProfileLog.start(dir == null || logsCommand ? null : Path.of(dir.toString()), level,
                command.toString())) {
            try {
                int code = new CommandLine.RunLast().execute(parsed);
                log.ended(code);
                return code;
            } catch (RuntimeException e) {
                // logged while the file is open; the exception handler prints it
                LoggerFactory.getLogger(CliLogging.CLI_LOGGER).error("unexpected error",
                        e.getCause() != null ? e.getCause() : e);
                throw e;
            }
        }
    }

    /** Stops a running {@code icesync sync} (without --once) as SIGINT or SIGTERM would. */
    public void requestStop() {
        stopRequested.countDown();
    }

    CountDownLatch stopRequested() {
        return stopRequested;
    }

    /** Counted down when {@link #execute} has flushed everything: what a signal handler waits for. */
    CountDownLatch finished() {
        return finished;
    }
}
