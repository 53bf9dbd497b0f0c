package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.FolderRights;
import io.icesync.client.SharedFolder;
import io.icesync.client.SharingStatus;
import io.icesync.core.Grant;
import java.io.PrintWriter;
import java.util.Locale;

/** The rights and shares part of {@code icesync status} (F8), as the state mirrors them. */
final class StatusSharing {
    private StatusSharing() {
    }

    static void text(SharingStatus s, PrintWriter out) {
        out.println("rights:      " + s.notable().size() + " folders shared or not fully yours");
        for (FolderRights f : s.notable()) {
            StringBuilder b = new StringBuilder("  " + FolderKinds.pathText(f.path()) + "  yours: " + f.mine().label());
            for (Grant g : f.grants()) {
                b.append(", ").append(g.grantee()).append(": ").append(g.rights().label());
            }
            if (f.inherits()) {
                b.append(" (inherits its parent's)");
            }
            out.println(TerminalText.escape(b.toString()));
        }
        out.println("shared with you: " + s.shared().size() + " folders");
        for (SharedFolder f : s.shared()) {
            out.println(TerminalText.escape("  " + FolderKinds.pathText(f.path()) + "  from " + f.owner() + ", "
                    + f.rights().label() + ", " + f.status().name().toLowerCase(Locale.ROOT)));
        }
    }

    static ObjectNode json(SharingStatus s) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        ArrayNode folders = o.putArray("folders");
        for (FolderRights f : s.notable()) {
            ObjectNode x = folders.addObject().put("folder", FolderKinds.pathText(f.path()))
                    .put("mine", f.mine().wire()).put("inherits", f.inherits());
            ArrayNode grants = x.putArray("grants");
            f.grants().forEach(g -> ShareCommand.grantJson(grants.addObject(), g));
        }
        ArrayNode shared = o.putArray("shared");
        for (SharedFolder f : s.shared()) {
            shared.addObject().put("folder", FolderKinds.pathText(f.path())).put("owner", f.owner())
                    .put("letters", f.rights().wire()).put("status", f.status().name().toLowerCase(Locale.ROOT));
        }
        return o;
    }
}
