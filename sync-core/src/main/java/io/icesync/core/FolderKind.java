package io.icesync.core;

import java.util.Locale;

/** What a folder holds (F3.3). */
public enum FolderKind {
    /** Messages (Kolab type {@code mail}); the kind of any folder that says nothing else. */
    MAIL("mail"),
    /** Contacts (Kolab type {@code contact}). */
    CONTACTS("contact"),
    /** Calendar events (Kolab type {@code event}). */
    EVENTS("event"),
    /** Tasks (Kolab type {@code task}). */
    TASKS("task"),
    /** Notes (Kolab type {@code note}). */
    NOTES("note"),
    /** Journal entries (Kolab type {@code journal}). */
    JOURNAL("journal"),
    /** Documents, files (Kolab type {@code file}). */
    DOCUMENTS("file");

    private final String kolabType;

    FolderKind(String kolabType) {
        this.kolabType = kolabType;
    }

    /**
     * The Kolab folder-type value IceWarp uses for this kind.
     *
     * @return the value, such as {@code event} or {@code contact}
     */
    public String kolabType() {
        return kolabType;
    }

    /**
     * The kind a Kolab folder-type value names ({@code event}, {@code contact.default},
     * {@code mail.sentitems}...), or null for no value or a type IceSync does not model.
     *
     * @param value the folder-type value, any case; a suffix after a dot is ignored
     * @return the kind, or null
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

    /** IceWarp's default groupware folder names, in English and French, as they are written. */
    private static final java.util.Map<String, FolderKind> DEFAULT_NAMES = defaults();

    private static java.util.Map<String, FolderKind> defaults() {
        java.util.Map<String, FolderKind> m = new java.util.LinkedHashMap<>();
        m.put("Contacts", CONTACTS);
        m.put("Calendar", EVENTS);
        m.put("Calendrier", EVENTS);
        m.put("Tasks", TASKS);
        m.put("Tâches", TASKS);
        m.put("Taches", TASKS);
        m.put("Notes", NOTES);
        m.put("Journal", JOURNAL);
        m.put("Files", DOCUMENTS);
        m.put("Fichiers", DOCUMENTS);
        m.put("Documents", DOCUMENTS);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The same names lower-cased, for a lookup that ignores case. */
    private static final java.util.Map<String, FolderKind> BY_LOWER_NAME = lower(DEFAULT_NAMES);

    private static java.util.Map<String, FolderKind> lower(java.util.Map<String, FolderKind> names) {
        java.util.Map<String, FolderKind> m = new java.util.HashMap<>();
        names.forEach((n, k) -> m.put(n.toLowerCase(Locale.ROOT), k));
        return m;
    }

    /**
     * IceWarp's default groupware folder names (top level, any case) and their kinds, in a stable order.
     *
     * @return folder name, as IceWarp writes it, to kind; unmodifiable
     */
    public static java.util.Map<String, FolderKind> defaultNames() {
        return DEFAULT_NAMES;
    }

    /**
     * The kind IceWarp's default folder names stand for, for IceWarp servers that cannot say (no METADATA):
     * a top-level {@code Contacts}, {@code Calendar}/{@code Calendrier}, {@code Tasks}/{@code Tâches},
     * {@code Notes}, {@code Journal}, {@code Files}/{@code Fichiers}; null for any other folder, which
     * is then mail. Sub-folders are never guessed: "Projects/Notes" stays a mail folder.
     *
     * @param path the folder, or null
     * @return the kind its name stands for, or null
     */

    public static FolderKind ofDefaultName(FolderPath path) {
        if (path == null || path.names().size() != 1) {
            return null;
        }
        return BY_LOWER_NAME.get(path.names().get(0).toLowerCase(Locale.ROOT));
    }
}
