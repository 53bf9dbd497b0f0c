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
}
