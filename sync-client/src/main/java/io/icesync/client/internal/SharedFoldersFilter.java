package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteStore;
import java.util.List;

/**
 * The server's folders as the engine sees them once shares are taken into account (F8): the user's own
 * folders, and of the folders other users share (the Other Users namespace) only those the user
 * subscribed to. Each listing also keeps the state's mirror of rights up to date: the user's rights on
 * each folder, the shares offered, changed or gone (each an event for the app), and the grants of a
 * whole-account share given to folders that lack them (new folders included).
 */
public final class SharedFoldersFilter extends ForwardingRemoteStore {
    private final ShareMirror mirror;

    public SharedFoldersFilter(RemoteStore imap, ShareMirror mirror) {
        super(imap);
        this.mirror = mirror;
    }

    @Override
    public List<Folder> folders() {
        return mirror.update(delegate.folders());
    }

    @Override
    public boolean sharedByOthers(FolderPath folder) {
        return mirror.isShared(folder);
    }
}
