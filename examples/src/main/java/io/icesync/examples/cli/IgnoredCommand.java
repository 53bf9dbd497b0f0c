package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.spi.IgnoredItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code icesync ignored list|clear}: the items that failed {@value IgnoredItem#LIMIT} times and are skipped (F4.7). */
@Command(name = "ignored", description = "List or clear the ignored items (failed " + IgnoredItem.LIMIT + " times, no "
        + "longer synced).", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {IgnoredCommand.ListItems.class, IgnoredCommand.Clear.class})
final class IgnoredCommand {
    @ParentCommand
    IceSyncCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The ignored items: folder, item, what it is, failures and the last error. Reads the folder "
                    + "only: it works while icesync sync runs.")
    static final class ListItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<IgnoredItem> items;
            try {
                items = IceSync.status(dir, 0).failures().stream().filter(IgnoredItem::ignored).toList();
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
            if (json) {
                ArrayNode a = SettingsCommand.JSON.createArrayNode();
                for (IgnoredItem i : items) {
                    a.addObject().put("folder", FolderKinds.pathText(i.folder())).put("item", i.key())
                            .put("description", i.description()).put("failures", i.failures())
                            .put("lastError", i.lastError())
                            .put("lastFailure", i.lastFailure() == null ? null : i.lastFailure().toString());
                }
                CliJson.print(out, CliJson.document("ignored", a));
                return ExitCodes.OK;
            }
            if (items.isEmpty()) {
                out.println("no ignored item");
            }
            for (IgnoredItem i : items) {
                out.println(TerminalText.escape(FolderKinds.pathText(i.folder()) + "  " + i.key() + "  "
                        + i.description() + "  x" + i.failures() + "  " + i.lastFailure() + ": " + i.lastError()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Forget the failures of every item (or of one folder's): the next sync tries them again. "
                    + "The folder must not be in use by icesync sync.")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        IgnoredCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--folder", paramLabel = "PATH", description = "Only this folder's items (e.g. INBOX, Projets/Notes).")
        String folder;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FolderPath only;
            try {
                only = folder == null ? null : FolderKinds.parsePath(folder);
            } catch (InvalidSettingException e) {
                err.println("icesync: --folder: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            }
            try (IceSync sync = parent.cli.opener.open(dir, FirstSyncHandler.REFUSE)) {
                long n = sync.failures().stream().filter(i -> i.ignored() && (only == null || i.folder().equals(only)))
                        .count();
                sync.clearIgnored(only);
                String where = only == null ? "" : " in " + TerminalText.escape(folder);
                out.println(n == 0 ? "no ignored item" + where
                        : "forgot " + n + " ignored item" + (n == 1 ? "" : "s") + where + "; the next sync tries again");
                return ExitCodes.OK;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }
    }
}
