package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.InvalidProfileException;
import io.icesync.client.Profile;
import io.icesync.core.FolderKind;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync folders names}: the folder names that say a folder's kind on a server without METADATA. */
@Command(name = "names", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show or change the names that make a top-level folder a groupware folder on a server that cannot "
                + "type folders (no METADATA; compared without case). By default IceWarp's names in English and French "
                + "(Contacts, Calendar, Calendrier, Tasks, Tâches...), on an IceWarp server only: on any other server "
                + "every folder is mail, whatever its name. A list of the profile's own (--set, --add, --remove, "
                + "--everywhere) applies on every server. A server with METADATA says each folder's type itself and "
                + "these names do not count.",
            "--set replaces the whole list; --add and --remove change the list in force (IceWarp's, until you change it); "
                + "--everywhere keeps the list in force but applies it on servers that are not IceWarp too; "
                + "--clear goes back to IceWarp's. Reads and writes profile.json only (no network, no password)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 2:wrong usage (an unknown kind, NAME=KIND without =, --remove of a name not in the list)",
            " 4:DIR is not a usable profile folder, or icesync sync has it open"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  icesync folders names --add Agenda=events --add Kontakte=contacts --dir DIR",
            "  icesync folders names --set Agenda=events --dir DIR     # only Agenda is groupware",
            "  icesync folders names --everywhere --dir DIR            # IceWarp's names on another server too",
            "  icesync folders names --clear --dir DIR",
            "  icesync folders names --dir DIR --json"})
final class FolderNamesCommand implements Callable<Integer> {
    /** The names the sync knows without a map of the profile's own, to show and to start from. */
    static final Map<String, FolderKind> ICEWARP_NAMES = FolderKind.defaultNames();

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "NAME=KIND", description = "Replace the list by these names (repeatable).")
    Map<String, String> set;

    @Option(names = "--add", paramLabel = "NAME=KIND", description = "Add a name to the list in force, or change its kind (repeatable).")
    Map<String, String> add;

    @Option(names = "--remove", paramLabel = "NAME", description = "Remove a name from the list in force (repeatable).")
    List<String> remove;

    @Option(names = "--clear", description = "Back to IceWarp's names, on IceWarp servers only.")
    boolean clear;

    @Option(names = "--everywhere", description = "Apply the list in force on any server, IceWarp or not (it becomes "
            + "the profile's own list).")
    boolean everywhere;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON (when showing).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int changes = (set != null ? 1 : 0) + (add != null || remove != null ? 1 : 0) + (clear ? 1 : 0)
                + (everywhere ? 1 : 0);
        if (changes > 1) {
            err.println("icesync: give one of --set, --add/--remove, --everywhere or --clear");
            return ExitCodes.USAGE;
        }
        if (json && changes > 0) {
            err.println("icesync: --json goes with showing the names, not with changing them");
            return ExitCodes.USAGE;
        }
        try {
            if (changes == 0) {
                show(IceSync.readProfile(dir), out);
                return ExitCodes.OK;
            }
            Map<String, FolderKind> setKinds = set == null ? null : kinds(set);
            Map<String, FolderKind> addKinds = add == null ? Map.of() : kinds(add);
            Profile before = IceSync.readProfile(dir);
            for (String name : remove == null ? List.<String>of() : remove) {
                if (find(inForce(before), name) == null) {
                    err.println("icesync: \"" + name + "\" is not in the list (icesync folders names --dir " + dir + " shows it)");
                    return ExitCodes.USAGE;
                }
            }
            Profile after = IceSync.updateProfile(dir, p -> {
                if (clear) {
                    return p.withDefaultFolderNames();
                }
                if (setKinds != null) {
                    return p.withFolderNames(setKinds);
                }
                Map<String, FolderKind> m = new LinkedHashMap<>(inForce(p));
                addKinds.forEach((name, kind) -> {
                    m.remove(find(m, name));
                    m.put(name, kind);
                });
                (remove == null ? List.<String>of() : remove).forEach(name -> m.remove(find(m, name)));
                return p.withFolderNames(m);
            });
            show(after, out);
            out.println("(from the next sync)");
            return ExitCodes.OK;
        } catch (InvalidProfileException e) {
            return ExitCodes.report(e, err);
        } catch (InvalidSettingException e) {
            err.println("icesync: " + ExitCodes.oneLine(e)); // the profile refused the list (two names differing in case)
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("icesync: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
    }

    private static Map<String, FolderKind> inForce(Profile p) {
        return p.folderNames() != null ? p.folderNames() : ICEWARP_NAMES;
    }

    /** The key of {@code m} equal to {@code name} without case, or null: names are compared so. */
    private static String find(Map<String, FolderKind> m, String name) {
        return m.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static Map<String, FolderKind> kinds(Map<String, String> typed) {
        Map<String, FolderKind> m = new LinkedHashMap<>();
        typed.forEach((name, kind) -> {
            try {
                m.put(name, FolderKinds.parseKind(kind));
            } catch (InvalidSettingException e) {
                throw new IllegalArgumentException(name + "=" + kind + ": " + FoldersCommand.argument(e), e);
            }
        });
        return m;
    }

    private void show(Profile p, PrintWriter out) throws IOException {
        Map<String, FolderKind> m = inForce(p);
        if (json) {
            ObjectNode o = CliJson.document();
            o.put("profile", dir.toString());
            o.put("iceWarpDefaults", p.folderNames() == null);
            ObjectNode n = o.putObject("folderNames");
            new java.util.TreeMap<>(m).forEach((name, kind) -> n.put(name, kind.name()));
            out.println(FoldersCommand.JSON.writeValueAsString(o));
            return;
        }
        out.println(p.folderNames() == null
                ? "IceWarp's folder names (IceWarp servers without METADATA only, top-level folders, any case):"
                : "this profile's folder names, in place of IceWarp's (any server without METADATA, top-level folders, any case):");
        if (m.isEmpty()) {
            out.println("  none: every folder of such a server is mail unless given a kind (icesync folders kind)");
        }
        int width = m.keySet().stream().mapToInt(String::length).max().orElse(0);
        m.forEach((name, kind) -> out.println(String.format("  %-" + width + "s  %s", name, FolderKinds.kindText(kind))));
    }
}
