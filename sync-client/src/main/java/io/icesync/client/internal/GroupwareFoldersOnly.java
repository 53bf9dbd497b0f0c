package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.spi.RemoteStore;
import java.util.List;

/**
 * The IMAP server as a GroupWare profile's engine sees it (F10.3): only its groupware folders (contacts,
 * events, tasks, notes, journal), or none when groupware comes over CalDAV/CardDAV. Mail reaches INBOX
 * over POP3 alone, so the engine never syncs a mail folder, and a message is never fetched twice.
 * Everything else (the APPEND of sent mail to Sent) goes straight to the server.
 */
public final class GroupwareFoldersOnly extends ForwardingRemoteStore {
    private final boolean none;

    /** @param none true when groupware comes over DAV: the engine then sees no folder at all */
    public GroupwareFoldersOnly(RemoteStore imap, boolean none) {
        super(imap);
        this.none = none;
    }

    @Override
    public List<Folder> folders() {
        if (none) {
            return List.of();
        }
        return delegate.folders().stream()
                .filter(f -> f.kind() != FolderKind.MAIL && f.kind() != FolderKind.DOCUMENTS).toList();
    }
}
