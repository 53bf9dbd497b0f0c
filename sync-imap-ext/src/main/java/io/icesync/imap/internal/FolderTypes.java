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

    /** The kind a folder-type value names: MAIL for mail types, null for no value or an unknown type. */
    static FolderKind ofValue(String value) {
        return FolderKind.ofKolabType(value);
    }

    static String name(FolderKind k) {
        return k.kolabType();
    }
}
