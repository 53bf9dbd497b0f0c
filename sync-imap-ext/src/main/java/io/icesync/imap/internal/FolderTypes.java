package io.icesync.imap.internal;

import io.icesync.core.FolderKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kolab folder types (METADATA /vendor/kolab/folder-type), which IceWarp uses too, to and from folder kinds. */
final class FolderTypes {
    private static final Pattern VALUE = Pattern.compile("/(?:shared|private)/vendor/kolab/folder-type\\s+\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);

    private FolderTypes() {
    }

    /** The kind named in a "* METADATA mbox (entry value ...)" line; MAIL when absent or unknown. */
    static FolderKind kind(String metadataLine) {
        if (metadataLine == null) {
            return FolderKind.MAIL;
        }
        Matcher m = VALUE.matcher(metadataLine);
        while (m.find()) {
            FolderKind k = ofValue(m.group(1));
            if (k != null) {
                return k;
            }
        }
        return FolderKind.MAIL;
    }

    /**
     * The kind a folder-type value names ("event", "contact.default", "mail.sentitems"...): MAIL for
     * mail types, null for no value or a type IceSync does not model (so that another entry can decide).
     */
    static FolderKind ofValue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        int dot = v.indexOf('.');
        return switch (dot < 0 ? v : v.substring(0, dot)) {
            case "event" -> FolderKind.EVENTS;
            case "contact" -> FolderKind.CONTACTS;
            case "task" -> FolderKind.TASKS;
            case "note" -> FolderKind.NOTES;
            case "journal" -> FolderKind.JOURNAL;
            case "file" -> FolderKind.DOCUMENTS;
            case "mail" -> FolderKind.MAIL;
            default -> null;
        };
    }

    static String name(FolderKind k) {
        return switch (k) {
            case EVENTS -> "event";
            case CONTACTS -> "contact";
            case TASKS -> "task";
            case NOTES -> "note";
            case JOURNAL -> "journal";
            case DOCUMENTS -> "file";
            case MAIL -> "mail";
        };
    }
}
