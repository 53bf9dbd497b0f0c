package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.Right;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.engine.SharingEvent;
import io.icesync.core.spi.AccessControl;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderAccess;
import io.icesync.core.spi.ShareState;
import io.icesync.core.spi.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state's mirror of rights and shares, brought up to date from each folder listing (F8). Offers
 * and rights changes become {@link SharingEvent}s, told after the state is saved.
 *
 * <p>The user's own rights come with every listing (MYRIGHTS, pipelined by the store). The access lists
 * of the folders the user administers (GETACL) are read again only once per {@code accessListInterval}
 * (and at once when asked: {@link #refreshAccessListsNext()}, or when a folder appears under one that
 * follows its parent), all in one pipelined batch: a listing inside the interval costs no more than
 * before, and a change made elsewhere is still seen within the interval. The time of the last complete
 * read is a state value, cleared before anything is written to the server, so a kill in the middle
 * makes the next listing read and converge again.
 */
public final class ShareMirror {
    private static final Logger LOG = LoggerFactory.getLogger(ShareMirror.class);
    /** The state value holding when the access lists were last read in full (epoch milliseconds; 0: due now). */
    static final String READ_AT_KEY = "sharing.accessListsReadAt";
    private final AccessControl acl;
    private final SyncStateStore state;
    private final Clock clock;
    private final Supplier<Duration> interval;
    private final String login;
    private volatile Consumer<SharingEvent> announce = e -> { };
    private volatile String prefix;
    private volatile char separator = '/';
    private volatile boolean readListsNext;
    /** Notices seen in INBOX and not yet matched to an offer: shared folder to the notice's Message-ID. */
    private final Map<FolderPath, String> notices = new ConcurrentHashMap<>();

    /**
     * A mirror over a server's access lists.
     *
     * @param acl      the server
     * @param state    where the mirror is kept
     * @param clock    the time, for the access-list interval
     * @param interval how often the access lists are read again (the setting {@code accessListInterval})
     * @param login    the user's login: the owner's own entry of each list
     */
    public ShareMirror(AccessControl acl, SyncStateStore state, Clock clock, Supplier<Duration> interval,
                       String login) {
        this.acl = acl;
        this.state = state;
        this.clock = clock;
        this.interval = interval;
        this.login = login;
    }

    /** Makes the next listing read every access list, whatever the interval (an explicit refresh). */
    public void refreshAccessListsNext() {
        readListsNext = true;
    }

    /** Whether the next listing reads the access lists: the interval is over, or a refresh was asked. */
    boolean accessListsDue(Instant now) {
        if (readListsNext) {
            return true;
        }
        long at = state.value(READ_AT_KEY).map(ShareMirror::millis).orElse(0L);
        return at == 0 || !now.isBefore(Instant.ofEpochMilli(at).plus(interval.get()));
    }

    private static long millis(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
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
        Map<FolderPath, Boolean> inherits = new HashMap<>();
        access.forEach((p, a) -> inherits.put(p, a.inherits()));
        List<Folder> own = new ArrayList<>();
        Instant now = clock.now();
        boolean[] due = {accessListsDue(now)};
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
                    // New on the server (another client made it): under a folder that follows its parent it
                    // follows too (F8.3), given the list by the access-list read this listing now runs.
                    boolean follows = f.path().depth() > 1 && inherits.getOrDefault(f.path().parent(), false);
                    inherits.put(f.path(), follows);
                    state.putFolderAccess(new FolderAccess(f.path(), letters, null, follows));
                    due[0] |= follows;
                } else if (!a.myRights().equals(letters)) {
                    state.putFolderAccess(a.withMyRights(letters));
                    events.add(new SharingEvent(SharingEvent.Kind.RIGHTS_CHANGED, f.path(), null, a.myRights(),
                            letters, null));
                }
            }
            // Gone from the listing: a subscribed share's local copy is the engine's to remove (it announces it).
            shares.keySet().forEach(state::removeShare);
            access.keySet().forEach(state::removeFolderAccess);
            if (due[0]) {
                // Cleared with the marks above, before any SETACL: a kill before the end reads again next time.
                state.putValue(READ_AT_KEY, "0");
            }
        });
        boolean read = false;
        if (due[0]) {
            readListsNext = false;
            read = readAccessLists(own, events);
        }
        applyAccountGrants(own, events);
        if (read) {
            state.putValue(READ_AT_KEY, Long.toString(now.toEpochMilli()));
        }
        events.forEach(e -> announce.accept(e));
        return out;
    }

    /**
     * Reads the access lists of the folders the user administers (one pipelined batch), records them,
     * announces those changed since last read, and makes each folder that follows its parent follow it
     * (F8.3), parents first so that a chain follows in one pass. False when the lists could not be read.
     */
    private boolean readAccessLists(List<Folder> own, List<SharingEvent> events) {
        List<FolderPath> administered = own.stream().filter(f -> f.rights().has(Right.ADMINISTER))
                .map(Folder::path).toList();
        Map<FolderPath, Map<String, String>> lists;
        try {
            lists = new HashMap<>(acl.accessLists(administered));
        } catch (IceSyncException e) {
            // The sync goes on; the lists are read at the next listing (the read time stays cleared).
            LOG.warn("could not read the access lists: {}", e.getMessage());
            return false;
        }
        Map<FolderPath, FolderAccess> rows = new HashMap<>();
        state.folderAccess().forEach(a -> rows.put(a.path(), a));
        state.inTransaction(() -> lists.forEach((path, list) -> {
            FolderAccess a = rows.get(path);
            if (a != null && (a.acl() == null || !a.acl().equals(list))) {
                if (a.acl() != null && !InheritedAccess.sameList(a.acl(), list)) {
                    events.add(new SharingEvent(SharingEvent.Kind.ACCESS_LIST_CHANGED, path, null,
                            SharingEvent.describeList(a.acl()), SharingEvent.describeList(list), null));
                }
                rows.put(path, a.withAcl(list));
                state.putFolderAccess(a.withAcl(list));
            }
        }));
        java.util.Set<FolderPath> asked = new java.util.HashSet<>();
        own.forEach(f -> asked.add(f.path()));
        List<FolderAccess> following = rows.values().stream().filter(FolderAccess::inherits)
                .filter(a -> a.path().depth() > 1 && asked.contains(a.path()))
                .sorted(Comparator.comparingInt((FolderAccess a) -> a.path().depth())).toList();
        for (FolderAccess child : following) {
            Map<String, String> want = lists.get(child.path().parent());
            if (want == null) {
                continue; // the parent is gone or not the user's to read: nothing to follow
            }
            Map<String, String> have = lists.get(child.path());
            if (have != null && InheritedAccess.same(want, have, login)) {
                continue;
            }
            if (have == null) {
                // No a on the sub-folder: it cannot follow. Its own sync goes on; the user is told.
                events.add(new SharingEvent(SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED, child.path(), null,
                        child.acl() == null ? "" : SharingEvent.describeList(child.acl()),
                        SharingEvent.describeList(want), null));
                continue;
            }
            try {
                InheritedAccess.apply(acl, child.path(), want, have, login);
                Map<String, String> now = acl.accessList(child.path());
                lists.put(child.path(), now);
                state.putFolderAccess(rows.get(child.path()).withAcl(now));
                events.add(new SharingEvent(SharingEvent.Kind.ACCESS_LIST_CHANGED, child.path(), null,
                        SharingEvent.describeList(have), SharingEvent.describeList(now), null));
            } catch (IceSyncException e) {
                events.add(new SharingEvent(SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED, child.path(), null,
                        SharingEvent.describeList(have), SharingEvent.describeList(want), null));
                LOG.warn("could not make '{}' follow its parent's access list: {}", child.path(), e.getMessage());
            }
        }
        return true;
    }

    /**
     * A folder IceSync itself just made on the server: under a folder that follows its parent it follows
     * too, and a whole-account share reaches it, both at once rather than at the next listing.
     *
     * @param path the new folder
     * @param kind its kind
     */
    public void created(FolderPath path, FolderKind kind) {
        if (isShared(path)) {
            return;
        }
        FolderAccess parent = path.depth() < 2 ? null : row(path.parent());
        boolean follows = parent != null && parent.inherits();
        if (!follows && state.accountGrants().isEmpty()) {
            return;
        }
        List<SharingEvent> events = new ArrayList<>();
        try {
            String mine = Rights.parse(acl.myRights(path)).letters();
            String before = state.value(READ_AT_KEY).orElse("0");
            state.inTransaction(() -> {
                state.putFolderAccess(new FolderAccess(path, mine, null, follows));
                if (follows) {
                    state.putValue(READ_AT_KEY, "0"); // a kill before the list is copied: the next listing does it
                }
            });
            Folder folder = new Folder(path, kind, SpecialUse.NONE, Rights.parse(mine));
            if (follows && readAccessLists(List.of(folder, new Folder(path.parent(), FolderKind.MAIL,
                    SpecialUse.NONE, Rights.parse(parent.myRights()))), events)) {
                state.putValue(READ_AT_KEY, before);
            }
            applyAccountGrants(List.of(folder), events);
        } catch (IceSyncException e) {
            // The folder exists; the next listing gives it what it lacks.
            LOG.warn("could not give the new folder '{}' its grants yet: {}", path, e.getMessage());
        }
        events.forEach(e -> announce.accept(e));
    }

    /**
     * A "share offered" notice arrived in INBOX: the shares are listed again at once, so that the offer
     * is announced now (linked to the notice) rather than at the next folder listing.
     *
     * @param found  the notices
     * @param listed lists the server's folders (a listing that updates this mirror)
     */
    public void noticed(List<ShareNoticeReader.Notice> found, Runnable listed) {
        prefix();
        boolean unknown = false;
        for (ShareNoticeReader.Notice n : found) {
            FolderPath f = ShareNoticeReader.folder(n, separator).orElse(null);
            if (f == null || !isShared(f)) {
                continue;
            }
            if (n.messageId() != null) {
                notices.put(f, n.messageId());
            }
            unknown |= state.shares().stream().noneMatch(s -> s.path().equals(f));
        }
        if (unknown) {
            listed.run();
        }
        notices.clear();
    }

    private FolderAccess row(FolderPath path) {
        return state.folderAccess().stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
    }

    private ShareState offer(FolderPath path, String letters, ShareState known, List<SharingEvent> events) {
        String owner = ownerOf(path);
        if (known == null) {
            // F8.5 "subscribe to account": the owner's new shares need no answer.
            boolean account = state.value(accountKey(owner)).isPresent();
            ShareState s = new ShareState(path, owner, letters, account ? ShareState.Status.SUBSCRIBED
                    : ShareState.Status.OFFERED);
            state.putShare(s);
            events.add(new SharingEvent(SharingEvent.Kind.SHARE_OFFERED, path, owner, null, letters, null,
                    notices.get(path)));
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
                : SharingEvent.Kind.RIGHTS_CHANGED, path, owner, known.rights(), letters, null, notices.get(path)));
        return s;
    }

    /** Gives every own folder the whole-account grants it lacks (F8.4): folders made since the share too. */
    private void applyAccountGrants(List<Folder> own, List<SharingEvent> events) {
        Map<String, String> grants = state.accountGrants();
        if (grants.isEmpty()) {
            return;
        }
        Map<FolderPath, FolderAccess> rows = new HashMap<>();
        state.folderAccess().forEach(x -> rows.put(x.path(), x));
        for (Folder f : own) {
            if (!f.rights().has(Right.ADMINISTER)) {
                continue;
            }
            FolderAccess a = rows.getOrDefault(f.path(), new FolderAccess(f.path(), f.rights().letters(), null, false));
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
                events.add(new SharingEvent(SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED, f.path(), null,
                        a.acl() == null ? "" : SharingEvent.describeList(a.acl()), SharingEvent.describeList(grants),
                        null));
            }
        }
    }
}
