package io.icesync.client;

import io.icesync.client.internal.InheritedAccess;
import io.icesync.client.internal.ShareMirror;
import io.icesync.core.AccessRights;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import io.icesync.core.Grantee;
import io.icesync.core.IceSyncException;
import io.icesync.core.MissingRightException;
import io.icesync.core.Right;
import io.icesync.core.spi.AccessControl;
import io.icesync.core.spi.FolderAccess;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ShareState;
import io.icesync.core.spi.SyncStateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sharing and access rights of a profile's account (F8): who may use a folder and how (grant,
 * change, revoke, inherit from the parent, share the whole account), and the folders other users
 * share with this one (subscribe or refuse). Every change is checked against the user's own rights
 * first (MYRIGHTS: {@code a} is needed) and fails with a {@link MissingRightException} naming the
 * folder and the right. Rights are mirrored in the state; {@code status} shows them.
 *
 * <pre>{@code
 * try (IceSync sync = IceSync.open(dir)) {
 *     sync.sharing().grant(FolderPath.of("Calendar"), Grantee.user("josephine@example.com"),
 *             AccessRights.parse("read"));
 * }
 * }</pre>
 */
public final class Sharing {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sharing.class);
    private final AccessControl acl;
    private final RemoteStore remote;
    private final ShareMirror mirror;
    private final SyncStateStore state;
    private final String login;

    Sharing(AccessControl acl, RemoteStore remote, ShareMirror mirror, SyncStateStore state, String login) {
        this.acl = acl;
        this.remote = remote;
        this.mirror = mirror;
        this.state = state;
        this.login = login;
    }

    /**
     * A folder as the server names it (e.g. {@code ~jean@example.com/Calendar}), read with the server's separator.
     *
     * @param serverName the folder's name on the server
     * @return the folder
     * @throws IceSyncException when the server keeps no access lists
     */
    public FolderPath folder(String serverName) {
        connect();
        return FolderPath.parse(serverName, acl.separator());
    }

    /**
     * A folder's name as the server spells it: what {@link #folder(String)} reads back.
     *
     * @param folder a folder
     * @return its names joined with the server's separator
     */
    public String serverName(FolderPath folder) {
        return folder.join(acl.separator());
    }

    /**
     * The folder's access list (GETACL) without the user's own entry; needs {@code a} there.
     *
     * @param folder one of the user's folders
     * @return who may use it and how, as the server says now (the state's mirror is updated)
     * @throws MissingRightException without {@code a} on the folder
     */
    public List<Grant> grants(FolderPath folder) {
        connect();
        needAdminister(folder, "read who may use");
        Map<String, String> list = acl.accessList(folder);
        remember(folder, list, null);
        return asGrants(list);
    }

    /**
     * Gives a grantee rights on a folder, or changes the rights they have (letters of the server's own
     * that this model does not know are kept). Empty rights revoke.
     *
     * @param folder  one of the user's folders
     * @param grantee who gets the rights
     * @param rights  the rights they have from now on; empty to revoke
     * @return the grant as set, unknown server letters included
     * @throws MissingRightException    without {@code a} on the folder
     * @throws InheritedRightsException while the folder follows its parent's rights
     */
    public Grant grant(FolderPath folder, Grantee grantee, AccessRights rights) {
        connect();
        needAdminister(folder, "change who may use");
        if (inherits(folder)) {
            throw new InheritedRightsException(folder);
        }
        if (rights.isEmpty()) {
            revoke(folder, grantee);
            return new Grant(grantee, AccessRights.NONE);
        }
        Map<String, String> list = acl.accessList(folder);
        AccessRights before = AccessRights.fromServer(list.getOrDefault(grantee.identifier(), ""));
        AccessRights now = rights.keepingUnknownOf(before);
        acl.setAccess(folder, grantee.identifier(), now.wire());
        afterChange(folder);
        return new Grant(grantee, now);
    }

    /**
     * Takes a grantee off a folder's access list.
     *
     * @param folder  one of the user's folders
     * @param grantee who loses their rights there
     * @throws MissingRightException    without {@code a} on the folder
     * @throws InheritedRightsException while the folder follows its parent's rights
     */
    public void revoke(FolderPath folder, Grantee grantee) {
        connect();
        needAdminister(folder, "change who may use");
        if (inherits(folder)) {
            throw new InheritedRightsException(folder);
        }
        acl.removeAccess(folder, grantee.identifier());
        afterChange(folder);
    }

    /**
     * F8.3: with {@code on}, the folder takes its parent's access list and follows it (its own
     * changes are refused) until called again with {@code on} false, which keeps the list as it is.
     *
     * @param folder one of the user's folders, below the top level when {@code on}
     * @param on     true to follow the parent's list, false to stop following it
     * @throws MissingRightException without {@code a} on the folder (or its parent, when {@code on})
     * @throws IceSyncException      for a top-level folder, which has no parent to inherit from
     */
    public void inherit(FolderPath folder, boolean on) {
        connect();
        needAdminister(folder, "change who may use");
        if (!on) {
            FolderAccess a = access(folder);
            state.putFolderAccess(a.withInherits(false));
            return;
        }
        if (folder.depth() < 2) {
            throw new IceSyncException("'" + folder + "' is a top-level folder: it has no parent to inherit from");
        }
        needAdminister(folder.parent(), "read who may use");
        copyList(folder.parent(), folder);
    }

    /**
     * F8.4: shares every folder of the account (each one the user may administer) with a grantee, and
     * every folder made later too: each sync gives the grant to folders that lack it.
     *
     * @param grantee who gets the rights
     * @param rights  the rights they get on each folder
     * @return the folders that have the grant now
     */
    public List<FolderPath> shareAccount(Grantee grantee, AccessRights rights) {
        connect();
        state.putAccountGrant(grantee.identifier(), rights.wire());
        remote.folders();
        List<FolderPath> out = new ArrayList<>();
        for (FolderAccess a : state.folderAccess()) {
            if (a.acl() != null && a.acl().containsKey(grantee.identifier())) {
                out.add(a.path());
            }
        }
        return out;
    }

    /**
     * Ends a whole-account share: the grantee is taken off every folder the user administers.
     *
     * @param grantee who loses the share
     */
    public void unshareAccount(Grantee grantee) {
        connect();
        state.putAccountGrant(grantee.identifier(), null);
        remote.folders();
        for (FolderAccess a : state.folderAccess()) {
            if (AccessRights.fromServer(a.myRights()).has(Right.ADMINISTER)) {
                Map<String, String> list = acl.accessList(a.path());
                if (list.containsKey(grantee.identifier())) {
                    acl.removeAccess(a.path(), grantee.identifier());
                    afterChange(a.path());
                }
            }
        }
    }

    /**
     * The grants of whole-account shares.
     *
     * @return each grantee with the rights the share gives, as the state keeps them
     */
    public Map<Grantee, AccessRights> accountGrants() {
        Map<Grantee, AccessRights> out = new LinkedHashMap<>();
        state.accountGrants().forEach((id, r) -> out.put(Grantee.parse(id), AccessRights.fromServer(r)));
        return out;
    }

    /**
     * Lists the server's folders now and returns every folder shared with this user, with its answer. The
     * access lists of the user's own folders are read again too, whatever {@code accessListInterval} says:
     * changes made by another client are announced and followed by the sub-folders that inherit them.
     *
     * @return the folders shared with the user, offered, subscribed or refused
     */
    public List<SharedFolder> refresh() {
        connect();
        mirror.refreshAccessListsNext();
        remote.folders();
        return received();
    }

    /**
     * The folders shared with this user as last seen, without connecting.
     *
     * @return the folders offered, subscribed or refused
     */
    public List<SharedFolder> received() {
        return state.shares().stream().map(SharedFolder::of).toList();
    }

    /**
     * The folders offered and not answered yet, as last seen.
     *
     * @return those of {@link #received()} still offered
     */
    public List<SharedFolder> offered() {
        return received().stream().filter(s -> s.status() == ShareState.Status.OFFERED).toList();
    }

    /**
     * Subscribes to a shared folder: the next sync brings it like an own folder (read-only ones as F4.9 says).
     *
     * @param folder the shared folder, as {@link #received()} names it
     * @return the share, now subscribed
     * @throws ShareNotFoundException when no folder of that name is shared with the user
     */
    public SharedFolder subscribe(FolderPath folder) {
        return answer(folder, ShareState.Status.SUBSCRIBED);
    }

    /**
     * Refuses a shared folder: never synced, never offered again until its grant changes. A folder
     * subscribed before is removed locally at the next sync, its unsynced items kept aside.
     *
     * @param folder the shared folder, as {@link #received()} names it
     * @return the share, now refused
     * @throws ShareNotFoundException when no folder of that name is shared with the user
     */
    public SharedFolder refuse(FolderPath folder) {
        return answer(folder, ShareState.Status.REFUSED);
    }

    /**
     * The rights of the user's folders as the state mirrors them, without connecting.
     *
     * @return each folder with the user's rights and its access list as last read
     */
    public List<FolderRights> folderRights() {
        List<FolderRights> out = new ArrayList<>();
        for (FolderAccess a : state.folderAccess()) {
            out.add(new FolderRights(a.path(), AccessRights.fromServer(a.myRights()),
                    a.acl() == null ? List.of() : asGrants(a.acl()), a.inherits()));
        }
        return out;
    }

    /**
     * F8.5 "subscribe to account": every folder the owner shares with this user now, and every one
     * shared later, is subscribed without asking. {@code account} is the owner's level, e.g.
     * {@code ~jean@example.com}.
     *
     * @param account the owner's level in the Other Users namespace
     * @return the folders subscribed now
     * @throws ShareNotFoundException when {@code account} is not an owner's level
     */
    public List<SharedFolder> subscribeAccount(FolderPath account) {
        refresh();
        if (!mirror.isAccount(account)) {
            throw new ShareNotFoundException(account, "an account is named by its level, e.g. "
                    + mirror.prefix() + "jean@example.com");
        }
        String owner = mirror.ownerOf(account);
        state.putValue(ShareMirror.accountKey(owner), "subscribed");
        List<SharedFolder> out = new ArrayList<>();
        for (ShareState s : state.shares()) {
            if (s.owner().equalsIgnoreCase(owner)) {
                state.putShare(s.with(ShareState.Status.SUBSCRIBED));
                out.add(SharedFolder.of(s.with(ShareState.Status.SUBSCRIBED)));
            }
        }
        return out;
    }

    /**
     * Whether {@code folder} names an owner's whole account (its level in the Other Users namespace).
     *
     * @param folder a folder
     * @return true for an owner's level such as {@code ~jean@example.com}
     */
    public boolean isAccount(FolderPath folder) {
        connect();
        return mirror.isAccount(folder);
    }

    /** Makes the next folder listing read the access lists again (a folder-tree cycle). */
    void readAccessListsNext() {
        mirror.refreshAccessListsNext();
    }

    private SharedFolder answer(FolderPath folder, ShareState.Status status) {
        Optional<ShareState> s = find(folder);
        if (s.isEmpty()) {
            refresh();
            s = find(folder);
        }
        ShareState known = s.orElseThrow(() -> new ShareNotFoundException(folder,
                String.join(", ", received().stream().map(x -> serverName(x.path())).toList())));
        ShareState now = known.with(status);
        state.putShare(now);
        return SharedFolder.of(now);
    }

    private Optional<ShareState> find(FolderPath folder) {
        return state.shares().stream().filter(x -> x.path().equals(folder)).findFirst();
    }

    private void connect() {
        remote.connect();
        if (!acl.hasAccessLists()) {
            throw new IceSyncException("the server keeps no access lists (no ACL capability): folders cannot be"
                    + " shared, and no share can be received");
        }
    }

    private void needAdminister(FolderPath folder, String action) {
        String mine = acl.myRights(folder);
        AccessRights r = AccessRights.fromServer(mine);
        FolderAccess a = access(folder);
        state.putFolderAccess(a.withMyRights(r.known()));
        if (!r.has(Right.ADMINISTER)) {
            throw new MissingRightException(folder, Right.ADMINISTER, action, r.wire());
        }
    }

    private FolderAccess access(FolderPath folder) {
        return state.folderAccess().stream().filter(x -> x.path().equals(folder)).findFirst()
                .orElse(new FolderAccess(folder, "", null, false));
    }

    private boolean inherits(FolderPath folder) {
        return access(folder).inherits();
    }

    /** Mirrors the list after a change and carries it to the sub-folders that inherit it. */
    private void afterChange(FolderPath folder) {
        remember(folder, acl.accessList(folder), null);
        for (FolderAccess child : state.folderAccess()) {
            if (child.inherits() && !child.path().isRoot() && child.path().parent().equals(folder)) {
                copyList(folder, child.path());
            }
        }
    }

    /** Makes {@code to}'s list the same as {@code from}'s, the owner's own entry aside, and marks it inherited. */
    private void copyList(FolderPath from, FolderPath to) {
        InheritedAccess.apply(acl, to, acl.accessList(from), acl.accessList(to), login);
        remember(to, acl.accessList(to), true);
        afterChange(to);
    }

    private boolean isOwner(String identifier) {
        return InheritedAccess.isOwner(identifier, login);
    }

    private void remember(FolderPath folder, Map<String, String> list, Boolean inherits) {
        FolderAccess a = access(folder).withAcl(list);
        state.putFolderAccess(inherits == null ? a : a.withInherits(inherits));
    }

    /** The entries of others: the user's own entry (the owner's rights) is not a grant, as in the sharing window. */
    private List<Grant> asGrants(Map<String, String> list) {
        List<Grant> out = new ArrayList<>();
        list.forEach((id, letters) -> {
            if (!isOwner(id)) {
                try {
                    out.add(new Grant(Grantee.parse(id), AccessRights.fromServer(letters)));
                } catch (IllegalArgumentException e) {
                    // An identifier no grantee can have (control characters): shown by no list, changed by no call.
                    LOG.warn("left out an access-list entry the server sent: {}", e.getMessage());
                }
            }
        });
        return out;
    }
}
