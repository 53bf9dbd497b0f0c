package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.PendingReceipt;
import io.icesync.core.IceSyncException;
import io.icesync.groupware.mdn.ReceiptOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync receipts list|answer}: the read receipts waiting for the user's answer (F6.5). */
@Command(name = "receipts", description = "Read receipts that wait for your answer (the readReceipts setting is ask).",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {ReceiptsCommand.ListCommand.class, ReceiptsCommand.Answer.class})
final class ReceiptsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The receipts waiting, oldest first.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<PendingReceipt> pending;
            try (IceSync sync = CliTokens.open(dir)) {
                pending = sync.pendingReceipts();
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
            if (json) {
                ArrayNode a = SettingsCommand.JSON.createArrayNode();
                for (PendingReceipt r : pending) {
                    ArrayNode to = SettingsCommand.JSON.createArrayNode();
                    r.notifyTo().forEach(to::add);
                    a.addObject().put("key", r.key()).put("folder", FolderKinds.pathText(r.folder()))
                            .put("subject", r.subject()).put("reason", r.reason().name().toLowerCase(Locale.ROOT))
                            .put("readAt", r.readAt().toString()).set("notifyTo", to);
                }
                CliJson.print(out, CliJson.document("receipts", a));
            } else if (pending.isEmpty()) {
                out.println("no read receipt waits for an answer");
            } else {
                for (PendingReceipt r : pending) {
                    out.println(TerminalText.escape(r.key() + "  " + FolderKinds.pathText(r.folder()) + "  \""
                            + r.subject() + "\" asks a receipt for " + String.join(", ", r.notifyTo()) + " ("
                            + r.reason().name().toLowerCase(Locale.ROOT) + ")"));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true,
            description = "Send or decline a waiting receipt; either way the message is never asked about again.")
    static final class Answer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Parameters(index = "0", paramLabel = "KEY", description = "The key receipts list shows (a Message-ID).")
        String key;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--send", required = true, description = "Send it through the profile's SMTP server.")
            boolean send;

            @Option(names = "--decline", required = true, description = "Do not send it.")
            boolean decline;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (IceSync sync = CliTokens.open(dir)) {
                ReceiptOutcome o = sync.answerReceipt(key, choice.send);
                out.println(TerminalText.escape(key) + ": " + o.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                err.println("icesync: " + TerminalText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }
    }
}
