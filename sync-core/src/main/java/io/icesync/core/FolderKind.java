package io.icesync.core;

import java.util.Locale;

/** What a folder holds (F3.3). */
public enum FolderKind {
    MAIL("mail"), CONTACTS("contact"), EVENTS("event"), TASKS("task"), NOTES("note"), JOURNAL("journal"),
    DOCUMENTS("file");

    private final String kolabType;

    FolderKind(String kolabType) {
        this.kolabType = kolabType;
    }

    /** The Kolab folder-type value IceWarp uses for this kind ({@code event}, {@code contact}...). */
    public String kolabType() {
        return kolabType;
    }

    /**
     * The kind a Kolab folder-type value names ({@code event}, {@code contact.default},
     * {@code mail.sentitems}...), or null for no value or a type IceSync does not model.
     */
    public static FolderKind ofKolabType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        int dot = v.indexOf('.');
        String base = dot < 0 ? v : v.substring(0, dot);
        for (FolderKind k : values()) {
            if (k.kolabType.equals(base)) {
                return k;
            }
        }
        return null;
    }

    /** IceWarp's default groupware folder names, in English and French. */
    private static final java.util.Map<String, FolderKind> DEFAULT_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("contacts", CONTACTS), java.util.Map.entry("calendar", EVENTS),
            java.util.Map.entry("calendrier", EVENTS), java.util.Map.entry("tasks", TASKS),
            java.util.Map.entry("tâches", TASKS), java.util.Map.entry("taches", TASKS),
            java.util.Map.entry("notes", NOTES), java.util.Map.entry("journal", JOURNAL),
            java.util.Map.entry("files", DOCUMENTS), java.util.Map.entry("fichiers", DOCUMENTS),
            java.util.Map.entry("documents", DOCUMENTS));

    /**
     * The kind IceWarp's default folder names stand for, for servers that cannot say (no METADATA):
     * a top-level {@code Contacts}, {@code Calendar}/{@code Calendrier}, {@code Tasks}/{@code Tâches},
     * {@code Notes}, {@code Journal}, {@code Files}/{@code Fichiers}; null for any other folder, which
     * is then mail. Sub-folders are never guessed: "Projects/Notes" stays a mail folder.
     */
    public static FolderKind ofDefaultName(FolderPath path) {
        if (path == null || path.names().size() != 1) {
            return null;
        }
        return DEFAULT_NAMES.get(path.names().get(0).toLowerCase(Locale.ROOT));
    }
}
