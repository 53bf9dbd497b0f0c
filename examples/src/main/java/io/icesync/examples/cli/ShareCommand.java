package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.FolderRights;
import io.icesync.client.IceSync;
import io.icesync.core.AccessPreset;
import io.icesync.core.AccessRights;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import io.icesync.core.Grantee;
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
 * {@code icesync share list|grant|revoke|inherit --dir DIR FOLDER [GRANTEE [RIGHTS]]}: who may use a
 * folder of the account, and how (F8). FOLDER {@code /} is the whole account (F8.4).
 */
@Command(name = "share", description = "Share a folder, or the whole account (FOLDER /), with other users.",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {ShareCommand.ListCommand.class, ShareCommand.GrantCommand.class,
            ShareCommand.RevokeCommand.class, ShareCommand.InheritCommand.class})
final class ShareCommand {
    static final String ACCOUNT = "/";

    private ShareCommand() {
    }

    /** The options every share command has. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Parameters(index = "0", paramLabel = "FOLDER",
                description = "The folder, e.g. Calendar or Projects/2027; / for the whole account.")
        String folder;

        abstract int run(IceSync sync, PrintWriter out);

        @Override
        public Integer call() {
            return OnOpenProfile.run(spec, dir, this::run);
        }

        boolean account() {
            return ACCOUNT.equals(folder);
        }

        FolderPath path() {
            return FolderKinds.parsePath(folder);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The folder's access list: one grantee a line, then the rights (a preset or letters).")
    static final class ListCommand extends Base {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(IceSync sync, PrintWriter out) {
            List<Grant> grants;
            boolean inherits = false;
            if (account()) {
                grants = sync.sharing().accountGrants().entrySet().stream()
                        .map(e -> new Grant(e.getKey(), e.getValue())).toList();
            } else {
                FolderPath p = path();
                grants = sync.sharing().grants(p);
                inherits = sync.sharing().folderRights().stream().filter(r -> r.path().equals(p))
                        .anyMatch(FolderRights::inherits);
            }
            if (json) {
                ArrayNode a = CliJson.MAPPER.createArrayNode();
                grants.forEach(g -> grantJson(a.addObject(), g));
                ObjectNode doc = CliJson.document();
                doc.put("folder", folder).put("account", account()).put("inherits", inherits).set("grants", a);
                CliJson.print(out, doc);
                return ExitCodes.OK;
            }
            if (grants.isEmpty()) {
                out.println(account() ? "the account is not shared as a whole" : "no one else may use " + folder);
            }
            for (Grant g : grants) {
                out.println(TerminalText.escape(g.grantee().toString()) + "\t" + TerminalText.escape(g.rights().label())
                        + "\t" + names(g.rights()));
            }
            if (inherits) {
                out.println("(follows the rights of its parent folder: share inherit --cancel to change them)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Give a grantee rights on the folder, or change those they have.")
    static final class GrantCommand extends Base {
        @Parameters(index = "1", paramLabel = "GRANTEE",
                description = "An address, group:NAME, or anyone (everyone, every domain of the server).")
        String grantee;

        @Parameters(index = "2", paramLabel = "RIGHTS",
                description = "A preset (read, read-write, all, full) or RFC 4314 letters (e.g. lrs).")
        String rights;

        @Override
        int run(IceSync sync, PrintWriter out) {
            Grantee who = Grantee.parse(grantee);
            AccessRights r = AccessRights.parse(rights);
            if (account()) {
                List<FolderPath> done = sync.sharing().shareAccount(who, r);
                out.println(TerminalText.escape("the whole account is shared with " + who + " (" + r.label() + "): "
                        + done.size() + " folders now, new folders at each sync"));
            } else {
                Grant g = sync.sharing().grant(path(), who, r);
                out.println(TerminalText.escape(folder + ": " + g.grantee() + " may now " + names(g.rights())
                        + " (" + g.rights().label() + ")"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Take a grantee off the folder.")
    static final class RevokeCommand extends Base {
        @Parameters(index = "1", paramLabel = "GRANTEE", description = "An address, group:NAME, or anyone.")
        String grantee;

        @Override
        int run(IceSync sync, PrintWriter out) {
            Grantee who = Grantee.parse(grantee);
            if (account()) {
                sync.sharing().unshareAccount(who);
                out.println(TerminalText.escape("the account is no longer shared with " + who));
            } else {
                sync.sharing().revoke(path(), who);
                out.println(TerminalText.escape(folder + ": " + who + " may no longer use it"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "inherit", mixinStandardHelpOptions = true,
            description = "Give the folder its parent's rights and follow them (F8.3), or with --cancel stop following.")
    static final class InheritCommand extends Base {
        @Option(names = "--cancel", description = "Stop following the parent; the rights stay as they are.")
        boolean cancel;

        @Override
        int run(IceSync sync, PrintWriter out) {
            if (account()) {
                throw new IllegalArgumentException("the whole account has no parent to inherit from: give a sub-folder");
            }
            sync.sharing().inherit(path(), !cancel);
            out.println(TerminalText.escape(folder + (cancel ? ": its rights no longer follow its parent's"
                    : ": its rights are its parent's and follow them")));
            return ExitCodes.OK;
        }
    }

    /** The rights in the guide's words: "read, write, delete, modify". */
    static String names(AccessRights r) {
        List<String> n = r.rights().stream().map(x -> x.label()).toList();
        return n.isEmpty() ? "nothing" : String.join(", ", n);
    }

    static void grantJson(ObjectNode o, Grant g) {
        o.put("grantee", g.grantee().toString()).put("kind", g.grantee().kind().name().toLowerCase(Locale.ROOT))
                .put("identifier", g.grantee().identifier()).put("letters", g.rights().wire())
                .put("preset", g.rights().preset().map(AccessPreset::label).orElse(null));
        ArrayNode rights = o.putArray("rights");
        g.rights().rights().forEach(x -> rights.add(x.label()));
    }

}
