package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.SharingEvent;
import io.icesync.core.spi.AccessControl;
import io.icesync.core.spi.FolderAccess;
import io.icesync.core.spi.ShareState;
import io.icesync.core.spi.SyncStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state's mirror of rights and shares, brought up to date from each folder listing (F8). Offers
 * and rights changes become {@link SharingEvent}s, told after the state is saved.
 */
public final class ShareMirror {
    private static final Logger LOG = LoggerFactory.getLogger(ShareMirror.class);
    private final AccessControl acl;
    private final SyncStateStore state;
    private volatile Consumer<SharingEvent> announce = e -> { };
    private volatile String prefix;
    private volatile char separator = '/';

    public ShareMirror(AccessControl acl, SyncStateStore state) {
        this.acl = acl;
        this.state = state;
    }

    /** Where events go (the engine's listeners and session log). */
    public void announceTo(Consumer<SharingEvent> to) {
        announce = to;
    }

    /** True for a folder of the Other Users namespace. */
    public boolean isShared(FolderPath folder) {
        String p = prefix();
        String name = folder.join(separator);
        // The namespace's own levels ("shared" of "shared/") count too: they are no folder of the user's.
        return !p.isEmpty() && (name.startsWith(p) || (name + separator).startsWith(p));
    }

    /** The account a shared folder belongs to: the level right after the prefix. */
    public String ownerOf(FolderPath folder) {
        String rest = folder.join(separator).substring(prefix().length());
        int i = rest.indexOf(separator);
        return i < 0 ? rest : rest.substring(0, i);
    }

    /** The Other Users prefix, asked of the server once (empty when it has none or keeps no access lists). */
    public String prefix() {
        String p = prefix;
        if (p == null) {
            p = acl.hasAccessLists() ? acl.otherUsersPrefix() : "";
            separator = acl.separator();
            prefix = p;
        }
        return p;
    }

    /** True for the level of an owner's whole account in the namespace ({@code ~jean@example.com}, {@code shared/jean@example.com}). */
    public boolean isAccount(FolderPath folder) {
        return isShared(folder) && folder.join(separator).equals(prefix() + ownerOf(folder));
    }

    /** The state key that records a subscription to an owner's whole account (new shares of it subscribed at once). */
    public static String accountKey(String owner) {
        return "sharing.subscribedAccount." + owner.toLowerCase(java.util.Locale.ROOT);
    }

    /** Updates the mirror from a listing; returns the folders to sync: own ones and subscribed shares. */
    public List<Folder> update(List<Folder> listed) {
        prefix();
        List<Folder> out = new ArrayList<>();
        List<SharingEvent> events = new ArrayList<>();
        Map<FolderPath, ShareState> shares = new HashMap<>();
        state.shares().forEach(s -> shares.put(s.path(), s));
        Map<FolderPath, FolderAccess> access = new HashMap<>();
        state.folderAccess().forEach(a -> access.put(a.path(), a));
        List<Folder> own = new ArrayList<>();
        state.inTransaction(() -> {
            for (Folder f : listed) {
                String letters = f.rights().letters();
                if (isShared(f.path())) {
                    ShareState s = offer(f.path(), letters, shares.remove(f.path()), events);
                    if (s.status() == ShareState.Status.SUBSCRIBED) {
                        out.add(f);
                    }
                    continue;
                }
                out.add(f);
                own.add(f);
                FolderAccess a = access.remove(f.path());
                if (a == null) {
                    state.putFolderAccess(new FolderAccess(f.path(), letters, null, false));
                } else if (!a.myRights().equals(letters)) {
                    state.putFolderAccess(a.withMyRights(letters));
                    events.add(new SharingEvent(SharingEvent.Kind.RIGHTS_CHANGED, f.path(), null, a.myRights(),
                            letters, null));
                }
            }
            // Gone from the listing: a subscribed share's local copy is the engine's to remove (it announces it).
            shares.keySet().forEach(state::removeShare);
            access.keySet().forEach(state::removeFolderAccess);
        });
        applyAccountGrants(own);
        events.forEach(e -> announce.accept(e));
        return out;
    }

    private ShareState offer(FolderPath path, String letters, ShareState known, List<SharingEvent> events) {
        String owner = ownerOf(path);
        if (known == null) {
            // F8.5 "subscribe to account": the owner's new shares need no answer.
            boolean account = state.value(accountKey(owner)).isPresent();
            ShareState s = new ShareState(path, owner, letters, account ? ShareState.Status.SUBSCRIBED
                    : ShareState.Status.OFFERED);
            state.putShare(s);
            events.add(new SharingEvent(SharingEvent.Kind.SHARE_OFFERED, path, owner, null, letters, null));
            return s;
        }
        if (known.rights().equals(letters)) {
            return known;
        }
        // A refused share is offered again once its grant changes; others keep their answer.
        ShareState.Status status = known.status() == ShareState.Status.REFUSED ? ShareState.Status.OFFERED
                : known.status();
        ShareState s = new ShareState(path, owner, letters, status);
        state.putShare(s);
        events.add(new SharingEvent(status == ShareState.Status.OFFERED ? SharingEvent.Kind.SHARE_OFFERED
                : SharingEvent.Kind.RIGHTS_CHANGED, path, owner, known.rights(), letters, null));
        return s;
    }

    /** Gives every own folder the whole-account grants it lacks (F8.4): folders made since the share too. */
    private void applyAccountGrants(List<Folder> own) {
        Map<String, String> grants = state.accountGrants();
        if (grants.isEmpty()) {
            return;
        }
        for (Folder f : own) {
            if (!f.rights().has(io.icesync.core.Right.ADMINISTER)) {
                continue;
            }
            FolderAccess a = state.folderAccess().stream().filter(x -> x.path().equals(f.path())).findFirst()
                    .orElse(new FolderAccess(f.path(), f.rights().letters(), null, false));
            Map<String, String> list = a.acl() == null ? null : new LinkedHashMap<>(a.acl());
            try {
                for (Map.Entry<String, String> g : grants.entrySet()) {
                    String has = list == null ? null : list.get(g.getKey());
                    if (has == null || !io.icesync.core.AccessRights.fromServer(has)
                            .equals(io.icesync.core.AccessRights.fromServer(g.getValue()))) {
                        acl.setAccess(f.path(), g.getKey(), g.getValue());
                        list = null;
                    }
                }
                if (list == null) {
                    state.putFolderAccess(a.withAcl(acl.accessList(f.path())));
                }
            } catch (IceSyncException e) {
                // One folder refusing never stops the sync: tried again at the next listing.
                LOG.warn("could not share '{}' with the whole-account grants: {}", f.path(), e.getMessage());
            }
        }
    }
}
