package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.OutboxMessage;
import io.icesync.core.IceSyncException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync send --dir DIR FILE.eml [--now]}: queues a message in the profile's Outbox. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Queue a message (an RFC 5322 .eml file) in the profile's Outbox (mail/Outbox/new). It is sent "
                + "over the profile's SMTP server at the next icesync sync, exactly once, then kept in the server's "
                + "Sent folder without its Bcc header. Works while icesync sync runs; with --now it is sent at once "
                + "(the folder must then not be in use).",
                "Exit codes: 0 queued (with --now: sent), 1 queued but still waiting (see icesync status), 2 usage, "
                        + "3 server, 4 the file or the profile cannot be used."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--now", description = "Send what waits in the Outbox now instead of at the next sync.")
    boolean now;

    @Parameters(index = "0", paramLabel = "FILE.eml", description = "The message to send.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("icesync: no such file: " + TerminalText.escape(file.toString()));
            return ExitCodes.PROFILE;
        } catch (IOException e) {
            err.println("icesync: cannot read " + TerminalText.escape(file.toString()) + ": " + ExitCodes.oneLine(e));
            return ExitCodes.PROFILE;
        }
        String id;
        try {
            id = IceSync.send(dir, bytes);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
        out.println("queued " + TerminalText.escape(id) + " in " + dir.resolve(IceSync.MAIL_DIR).resolve("Outbox"));
        if (!now) {
            out.println("it leaves at the next icesync sync");
            out.flush();
            return ExitCodes.OK;
        }
        List<OutboxMessage> waiting;
        try (IceSync sync = CliTokens.open(dir)) {
            waiting = sync.sendOutbox();
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
        OutboxMessage mine = waiting.stream().filter(m -> id.equals(m.messageId())).findFirst().orElse(null);
        if (mine == null) {
            out.println("sent " + TerminalText.escape(id));
            out.flush();
            return ExitCodes.OK;
        }
        err.println("icesync: not sent yet: " + TerminalText.escape(mine.reason()));
        return ExitCodes.PARTIAL;
    }
}
