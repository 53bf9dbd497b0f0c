package io.icesync.client.internal;

import io.icesync.client.FolderKinds;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Checks a profile's folder-kind overrides and folder-name map, and keeps them sorted and unmodifiable. */
public final class FolderKindMaps {
    private FolderKindMaps() {
    }

    /** The user's kind per folder; null is none. The root is no folder, and INBOX always holds mail. */
    public static Map<FolderPath, FolderKind> kinds(Map<FolderPath, FolderKind> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        TreeMap<FolderPath, FolderKind> out = new TreeMap<>();
        for (Map.Entry<FolderPath, FolderKind> e : m.entrySet()) {
            FolderPath p = e.getKey();
            if (p == null || p.isRoot()) {
                throw new InvalidSettingException("folderKinds", "expected a folder path, got "
                        + (p == null ? "nothing" : "\"\" (the root is not a folder)"));
            }
            String shown = "\"" + FolderKinds.pathText(p) + "\"";
            FolderKind k = e.getValue();
            if (k == null) {
                throw new InvalidSettingException("folderKinds", shown + ": no kind given; the kinds are " + FolderKinds.NAMES);
            }
            // IMAP's INBOX is the mailbox new mail arrives in, whatever its case.
            if (p.depth() == 1 && p.name().equalsIgnoreCase("INBOX") && k != FolderKind.MAIL) {
                throw new InvalidSettingException("folderKinds", shown + ": INBOX always holds mail, not "
                        + FolderKinds.kindText(k));
            }
            out.put(p, k);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Top-level folder name to kind, for servers that cannot type folders; null stays null (IceWarp's
     * default names). Names are compared without case, so two that differ only in case are refused.
     */
    public static Map<String, FolderKind> names(Map<String, FolderKind> m) {
        if (m == null) {
            return null;
        }
        TreeMap<String, FolderKind> out = new TreeMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, FolderKind> e : m.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw new InvalidSettingException("folderNames", "expected a folder name, got "
                        + (name == null ? "nothing" : "\"" + name + "\""));
            }
            if (e.getValue() == null) {
                throw new InvalidSettingException("folderNames", "\"" + name + "\": no kind given; the kinds are "
                        + FolderKinds.NAMES);
            }
            String other = seen.put(name.toLowerCase(Locale.ROOT), name);
            if (other != null) {
                throw new InvalidSettingException("folderNames", "\"" + other + "\" and \"" + name
                        + "\" differ only in case (names are compared without case)");
            }
            out.put(name, e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }
}
