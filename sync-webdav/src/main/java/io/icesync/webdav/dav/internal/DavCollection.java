package io.icesync.webdav.dav.internal;

import io.icesync.core.FolderKind;
import io.icesync.core.Rights;

/**
 * A calendar or address book found under a home set: its decoded href (ending with '/'), kind, display
 * name (or null) and the user's rights on it ({@link Privileges}).
 */
public record DavCollection(String href, FolderKind kind, String displayName, Rights rights) {

    /** The folder name it gets before de-duplication: the display name, else the last href segment. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.trim();
        }
        return Hrefs.lastSegment(href);
    }

    public boolean isAddressBook() {
        return kind == FolderKind.CONTACTS;
    }
}
