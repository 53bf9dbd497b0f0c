package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.SharedFolder;
import io.icesync.core.AccessPreset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icesync shared list|subscribe|refuse --dir DIR [FOLDER]}: the folders other users share with
 * this account (F8.5). {@code list} asks the server, then prints one folder a line, its server path
 * first, exactly as {@code subscribe} and {@code refuse} take it.
 */
@Command(name = "shared", description = "Folders other users share with you: list, subscribe, refuse.",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {SharedCommand.ListCommand.class, SharedCommand.SubscribeCommand.class,
            SharedCommand.RefuseCommand.class})
final class SharedCommand {
    private SharedCommand() {
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        abstract int run(IceSync sync, PrintWriter out);

        @Override
        public Integer call() {
            return OnOpenProfile.run(spec, dir, this::run);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One shared folder a line: its server"
            + " path, the owner, your rights, and offered, subscribed or refused (tab-separated).")
    static final class ListCommand extends Base {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(IceSync sync, PrintWriter out) {
            List<SharedFolder> all = sync.sharing().refresh();
            if (json) {
                ArrayNode a = CliJson.MAPPER.createArrayNode();
                for (SharedFolder s : all) {
                    ArrayNode rights = CliJson.MAPPER.createArrayNode();
                    s.rights().rights().forEach(x -> rights.add(x.label()));
                    a.addObject().put("folder", FolderKinds.pathText(s.path())).put("owner", s.owner())
                            .put("letters", s.rights().wire())
                            .put("preset", s.rights().preset().map(AccessPreset::label).orElse(null))
                            .put("status", s.status().name().toLowerCase(Locale.ROOT)).set("rights", rights);
                }
                CliJson.print(out, CliJson.document("shared", a));
                return ExitCodes.OK;
            }
            for (SharedFolder s : all) {
                // Each field escaped alone: the tabs between them stay tabs.
                out.println(TerminalText.escape(FolderKinds.pathText(s.path())) + "\t" + TerminalText.escape(s.owner())
                        + "\t" + TerminalText.escape(s.rights().label()) + "\t" + s.status().name().toLowerCase(Locale.ROOT));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = "Sync a shared folder like your own from the next sync (read-only ones as such).")
    static final class SubscribeCommand extends Base {
        @Parameters(index = "0", paramLabel = "FOLDER", description = "The server path shared list prints, or an"
                + " account's level (e.g. ~jean@example.com) to subscribe to all it shares, now and later.")
        String folder;

        @Override
        int run(IceSync sync, PrintWriter out) {
            if (sync.sharing().isAccount(FolderKinds.parsePath(folder))) {
                List<SharedFolder> now = sync.sharing().subscribeAccount(FolderKinds.parsePath(folder));
                out.println(TerminalText.escape(folder + ": the whole account is subscribed (" + now.size()
                        + " folders now, the ones shared later too); the next sync brings them"));
                return ExitCodes.OK;
            }
            SharedFolder s = sync.sharing().subscribe(FolderKinds.parsePath(folder));
            out.println(TerminalText.escape(folder + ": subscribed (" + s.rights().label() + "); the next sync"
                    + " brings it"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true,
            description = "Never sync a shared folder, nor offer it again until its rights change.")
    static final class RefuseCommand extends Base {
        @Parameters(index = "0", paramLabel = "FOLDER", description = "The server path shared list prints.")
        String folder;

        @Override
        int run(IceSync sync, PrintWriter out) {
            sync.sharing().refuse(FolderKinds.parsePath(folder));
            out.println(TerminalText.escape(folder + ": refused; a local copy goes at the next sync, its unsynced"
                    + " items kept aside"));
            return ExitCodes.OK;
        }
    }
}
