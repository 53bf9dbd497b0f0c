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
            String v = m.group(1).toLowerCase(Locale.ROOT);
            int dot = v.indexOf('.');
            switch (dot < 0 ? v : v.substring(0, dot)) {
                case "event": return FolderKind.EVENTS;
                case "contact": return FolderKind.CONTACTS;
                case "task": return FolderKind.TASKS;
                case "note": return FolderKind.NOTES;
                case "journal": return FolderKind.JOURNAL;
                case "file": return FolderKind.DOCUMENTS;
                default: break;
            }
        }
        return FolderKind.MAIL;
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
