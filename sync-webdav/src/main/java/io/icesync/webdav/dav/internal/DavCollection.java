package io.icesync.webdav.dav.internal;

import io.icesync.core.FolderKind;

/** A calendar or address book found under a home set: its decoded href (ending with '/'), kind and display name (or null). */
public record DavCollection(String href, FolderKind kind, String displayName) {

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
