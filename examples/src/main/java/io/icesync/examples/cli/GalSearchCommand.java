package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.IceSyncException;
import io.icesync.groupware.gal.AddressList;
import io.icesync.groupware.gal.DisplayOrder;
import io.icesync.groupware.gal.GalEntry;
import io.icesync.groupware.gal.GalWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icesync gal search PREFIX --dir DIR}: the entries of the profile's address list whose name,
 * given or family name, or address starts with PREFIX (case and accents do not count). Reads the
 * synced folders only, without the lock, so it works while {@code icesync sync} runs.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find contacts in the address list by the start of a name or an address (\"\" lists all).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done (also when nothing matches)",
            " 2:wrong usage (such as an unknown --order)",
            " 4:DIR is not a profile folder"})
final class GalSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PREFIX", description = "The start of a name or an address.")
    String prefix;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--order", paramLabel = "ORDER", description = "enumerated (server structure, the default), name"
            + " (by folder name), path (by full folder path) or native (by contact name across folders).")
    DisplayOrder order = DisplayOrder.ENUMERATED;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Profile.fromJson(Files.readString(dir.resolve(IceSync.PROFILE_FILE)));
        } catch (IOException | IceSyncException e) {
            err.println("icesync: " + dir + " is not a usable profile folder: " + ExitCodes.oneLine(e));
            return ExitCodes.PROFILE;
        }
        AddressList gal = AddressList.fromVdir(dir.resolve(IceSync.GROUPWARE_DIR));
        for (GalWarning w : gal.warnings()) {
            err.println("icesync: warning: " + w);
        }
        List<GalEntry> found = gal.search(prefix, order);
        if (json) {
            out.println(json(found));
        } else if (found.isEmpty()) {
            out.println(gal.size() == 0 ? "the address list is empty (no contacts folder synced yet)"
                    : "no entry matches '" + prefix + "' among " + gal.size());
        } else {
            found.forEach(e -> out.println(line(e)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** "Joséphine Roux  josephine.roux@iwdemo.test, jroux@iwdemo.test  Public Folders/Annuaire". */
    private String line(GalEntry e) {
        String addresses = e.emails().isEmpty() ? "-" : String.join(", ", e.emails());
        String owner = e.owner() == null ? "" : " (" + e.owner() + ")";
        return e.displayName() + "  " + addresses + "  " + order.folderLabel(e.folder()) + owner;
    }

    private String json(List<GalEntry> found) throws IOException {
        ArrayNode a = CliJson.MAPPER.createArrayNode();
        for (GalEntry e : found) {
            ObjectNode o = a.addObject();
            o.put("name", e.displayName());
            ArrayNode emails = o.putArray("emails");
            e.emails().forEach(emails::add);
            o.put("folder", e.folder().join('/'));
            o.put("owner", e.owner());
            o.put("shared", e.shared());
        }
        return CliJson.write(CliJson.document("entries", a));
    }
}
