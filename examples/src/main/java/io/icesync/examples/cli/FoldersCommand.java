package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.InvalidProfileException;
import io.icesync.client.Profile;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icesync folders kind|names}: how a profile recognises its groupware folders, kept in
 * {@code profile.json}. Changes take the profile's lock, so they wait for no {@code icesync sync} but
 * fail (exit 4) while one runs; they apply from the next sync.
 */
@Command(name = "folders", description = "How a profile tells groupware folders (contacts, events...) from mail folders.",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {FoldersCommand.Kind.class, FolderNamesCommand.class})
final class FoldersCommand {
    private FoldersCommand() {
    }

    static final ObjectMapper JSON = CliJson.MAPPER;

    /** An argument error's text without the "setting: " prefix: the user typed the value, not the field. */
    static String argument(InvalidSettingException e) {
        String m = ExitCodes.oneLine(e);
        return m.startsWith(e.setting() + ": ") ? m.substring(e.setting().length() + 2) : m;
    }

    @Command(name = "kind", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List, set or clear the kind you give a folder: it wins over the server's folder type and over "
                    + "the folder's name. A contacts, events, tasks, notes or journal folder syncs into DIR/groupware "
                    + "(one file per object), mail and documents into DIR/mail.",
                "Without PATH: every folder given a kind. PATH alone: that folder's. PATH KIND: set it. PATH --clear: "
                    + "the server decides again. Reads and writes profile.json only (no network, no password)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:done",
                " 2:wrong usage (an unknown kind, a bad path, --clear of a folder given no kind)",
                " 4:DIR is not a usable profile folder, or icesync sync has it open"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  icesync folders kind Adressen contacts --dir ~/mail/jean",
                "  icesync folders kind 'Projets/Réunions' events --dir ~/mail/jean",
                "  icesync folders kind Adressen --clear --dir ~/mail/jean",
                "  icesync folders kind --dir ~/mail/jean --json"})
    static final class Kind implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
                description = "The folder, its names joined with / (a / or \\ inside a name: \\/ or \\\\).")
        String path;

        @Parameters(index = "1", arity = "0..1", paramLabel = "KIND",
                description = "mail, contacts, events, tasks, notes, journal or documents.")
        String kind;

        @Option(names = "--clear", description = "Remove PATH's kind: the server's type (or the folder's name) decides again.")
        boolean clear;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON (when listing).")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (clear && (path == null || kind != null)) {
                err.println("icesync: --clear takes a PATH and no KIND");
                return ExitCodes.USAGE;
            }
            if (json && (kind != null || clear)) {
                err.println("icesync: --json goes with listing, not with setting or clearing a kind");
                return ExitCodes.USAGE;
            }
            FolderPath folder;
            FolderKind k;
            try {
                folder = path == null ? null : FolderKinds.parsePath(path);
                k = kind == null ? null : FolderKinds.parseKind(kind);
            } catch (InvalidSettingException e) {
                err.println("icesync: " + argument(e));
                return ExitCodes.USAGE;
            }
            try {
                if (k == null && !clear) {
                    list(IceSync.readProfile(dir), folder, out, err);
                    return ExitCodes.OK;
                }
                if (clear && !IceSync.readProfile(dir).folderKinds().containsKey(folder)) {
                    err.println("icesync: " + path + " has no kind set (icesync folders kind --dir " + dir + " lists them)");
                    return ExitCodes.USAGE;
                }
                Profile p = IceSync.updateProfile(dir, q -> clear ? q.withoutFolderKind(folder) : q.withFolderKind(folder, k));
                if (clear) {
                    out.println(FolderKinds.pathText(folder) + ": no kind set; the server's type or the folder's name decides"
                            + " from the next sync");
                } else {
                    out.println(FolderKinds.pathText(folder) + ": " + FolderKinds.kindText(k) + " from the next sync");
                }
                warnIfSyncedAsAnother(p, folder, IceSync.syncedKinds(dir), err);
                return ExitCodes.OK;
            } catch (InvalidSettingException e) {
                if (e instanceof InvalidProfileException) {
                    return ExitCodes.report(e, err);
                }
                err.println("icesync: " + ExitCodes.oneLine(e)); // the profile refused the value (INBOX as contacts)
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }

        private void list(Profile p, FolderPath only, PrintWriter out, PrintWriter err) throws IOException {
            Map<FolderPath, FolderKind> synced = IceSync.syncedKinds(dir);
            Map<FolderPath, FolderKind> set = p.folderKinds();
            if (only != null) {
                set = set.containsKey(only) ? Map.of(only, set.get(only)) : Map.of();
            }
            if (json) {
                ObjectNode o = CliJson.document();
                o.put("profile", dir.toString());
                ArrayNode a = o.putArray("folderKinds");
                set.forEach((f, k) -> a.addObject().put("folder", FolderKinds.pathText(f)).put("kind", k.name())
                        .put("syncedAs", synced.containsKey(f) ? synced.get(f).name() : null));
                out.println(JSON.writeValueAsString(o));
                return;
            }
            if (set.isEmpty()) {
                out.println((only == null ? "no folder is" : FolderKinds.pathText(only) + " is not")
                        + " given a kind: the server's folder types decide (or, without METADATA, the folder names:"
                        + " icesync folders names)");
                return;
            }
            int width = set.keySet().stream().mapToInt(f -> FolderKinds.pathText(f).length()).max().orElse(0);
            set.forEach((f, k) -> out.println(String.format("%-" + width + "s  %s", FolderKinds.pathText(f), FolderKinds.kindText(k))
                    + (synced.containsKey(f) && synced.get(f) != k ? "  (synced as " + FolderKinds.kindText(synced.get(f)) + ")" : "")));
            for (FolderPath f : set.keySet()) {
                warnIfSyncedAsAnother(p, f, synced, err);
            }
        }

        /** A synced folder given another kind changes at the next sync: say what will happen to its local copy. */
        private void warnIfSyncedAsAnother(Profile p, FolderPath f, Map<FolderPath, FolderKind> synced, PrintWriter err) {
            FolderKind was = synced.get(f);
            FolderKind now = p.folderKinds().get(f);
            if (was == null || now == null || was == now) {
                return;
            }
            Path from = dir.resolve(groupware(was) ? IceSync.GROUPWARE_DIR : IceSync.MAIL_DIR);
            if (groupware(was) == groupware(now)) {
                err.println("icesync: note: " + FolderKinds.pathText(f) + " was synced as " + FolderKinds.kindText(was)
                        + "; the next sync takes it as " + FolderKinds.kindText(now) + ", where it is, in " + from);
                return;
            }
            err.println("icesync: warning: " + FolderKinds.pathText(f) + " was synced as " + FolderKinds.kindText(was)
                    + ", in " + from + ": the next sync moves it to "
                    + dir.resolve(groupware(now) ? IceSync.GROUPWARE_DIR : IceSync.MAIL_DIR) + " as "
                    + FolderKinds.kindText(now) + " and downloads its items again (local changes in " + from
                    + " are sent to the server first; a folder with sub-folders is not moved)");
        }
    }

    static boolean groupware(FolderKind k) {
        return k != FolderKind.MAIL && k != FolderKind.DOCUMENTS;
    }
}
