package io.icesync.webdav.dav;

import io.icesync.core.AccessBuilder;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.StoreException;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.net.HttpClientFactory;
import io.icesync.webdav.DavForbiddenException;
import io.icesync.webdav.PreconditionFailedException;
import io.icesync.webdav.dav.internal.CollectionListing;
import io.icesync.webdav.dav.internal.CollectionState;
import io.icesync.webdav.dav.internal.DavCalls;
import io.icesync.webdav.dav.internal.DavCollection;
import io.icesync.webdav.dav.internal.Discovery;
import io.icesync.webdav.dav.internal.FolderNames;
import io.icesync.webdav.dav.internal.ForbiddenWrite;
import io.icesync.webdav.dav.internal.Homes;
import io.icesync.webdav.dav.internal.Hrefs;
import io.icesync.webdav.dav.internal.ItemEntry;
import io.icesync.webdav.dav.internal.ItemFetcher;
import io.icesync.webdav.dav.internal.ObjectUids;
import io.icesync.webdav.dav.internal.StateFile;
import io.icesync.webdav.dav.internal.StoreState;
import io.icesync.webdav.dav.internal.XmlBodies;
import io.icesync.webdav.internal.Multistatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CalDAV and CardDAV as a {@link RemoteStore}: every calendar, task list and address book under the
 * user's home sets is a top-level folder (named by its display name), every {@code .ics} or
 * {@code .vcf} resource an item.
 *
 * <p>The engine knows items by a number per folder and sees an edit as a new item replacing the old
 * one. The store therefore numbers resources itself and keeps the numbering in a JSON state file
 * ({@link Builder#state}): per collection a UIDVALIDITY drawn once, the next UID, and for each href
 * its UID and ETag. A resource whose ETag changes gets a new UID, the old one is reported gone.
 * Losing the file makes every collection look new (a new UIDVALIDITY), which the engine handles as
 * a server reset.
 *
 * <p>CalDAV has no IMAP flags: {@link #setFlags} does nothing and items are listed without flags;
 * {@link #move} moves nothing (the engine then uploads and deletes). Used by one thread at a time.
 * Errors are the WebDAV client's typed errors and the core ones; messages never hold the password.
 *
 * <p>Each folder carries the rights of the server's {@code DAV:current-user-privilege-set} (RFC 3744),
 * all rights when the server does not give it. A 403 on writing or deleting an item is a
 * {@link DavReadOnlyException} naming the folder, or, when the server names a CalDAV/CardDAV
 * precondition the object fails (valid-calendar-data, no-uid-conflict...), a
 * {@link DavForbiddenException} naming the folder and that precondition.
 */
public final class DavRemoteStore implements RemoteStore {
    private static final Logger LOG = LoggerFactory.getLogger(DavRemoteStore.class);

    private final URI server;
    private final Hrefs hrefs;
    private final DavCalls calls;
    private final ItemFetcher fetcher;
    private final CollectionListing listing;
    private final StateFile stateFile;
    private final StoreState state;
    private final Set<DavService> services;
    private Homes homes;
    private ServerInfo info;
    private Map<FolderPath, DavCollection> byPath;

    private DavRemoteStore(Builder b) {
        this.server = b.server;
        this.services = b.services;
        this.hrefs = new Hrefs(b.server);
        this.stateFile = new StateFile(b.state);
        this.state = stateFile.load();
        this.calls = new DavCalls(b.server, b.serviceAccess(), b.httpClients);
        this.fetcher = new ItemFetcher(calls, hrefs);
        this.listing = new CollectionListing(calls, hrefs);
    }

    /**
     * Starts a store for the server at this URL (http or https; a path, if any, is where discovery starts).
     *
     * @param server the CalDAV/CardDAV server's URL
     * @return the builder
     */
    public static Builder builder(URI server) {
        return new Builder(server);
    }

    /**
     * Starts a store for the server a domain (or the part after '@' of an address) publishes in DNS
     * (RFC 6764, {@link DavServers#locate(String)}): the CalDAV server, else the CardDAV one. The lookup
     * happens here.
     *
     * @param domain a domain or an e-mail address
     * @param dns    where the records are looked up
     * @return the builder for the server found
     * @throws DavUnsupportedException when the domain publishes neither service
     * @throws io.icesync.core.ConnectionException when DNS does not answer
     */
    public static Builder builder(String domain, DavServers dns) {
        return new Builder(dns.locate(domain));
    }

    /** {@return the JSON file where the store keeps its numbering of the server's resources} */
    public Path stateFile() {
        return stateFile.path();
    }

    @Override
    public ServerInfo connect() {
        if (info == null) {
            Homes found = new Discovery(calls, hrefs, server).homes();
            // A server that serves both, synced by two stores (one per service), must not list its collections twice.
            homes = new Homes(found.principal(),
                    services.contains(DavService.CALDAV) ? found.calendarHomes() : List.of(),
                    services.contains(DavService.CARDDAV) ? found.addressBookHomes() : List.of(), found.dav());
            Set<String> caps = new LinkedHashSet<>();
            homes.dav().forEach(d -> caps.add(d.toUpperCase(java.util.Locale.ROOT)));
            if (!homes.calendarHomes().isEmpty()) {
                caps.add("CALDAV");
            }
            if (!homes.addressBookHomes().isEmpty()) {
                caps.add("CARDDAV");
            }
            info = new ServerInfo("CalDAV/CardDAV " + server.getHost() + (server.getPort() > 0 ? ":" + server.getPort() : ""),
                    '/', caps);
        }
        return info;
    }

    @Override
    public List<Folder> folders() {
        connect();
        List<DavCollection> found = new Discovery(calls, hrefs, server).collections(homes);
        boolean changed = false;
        Set<String> present = new LinkedHashSet<>();
        for (DavCollection c : found) {
            present.add(c.href());
            if (!state.collections.containsKey(c.href())) {
                state.collection(c.href());
                changed = true;
            }
        }
        // A collection deleted (and maybe made again at the same href) starts over with a new UIDVALIDITY.
        changed |= state.collections.keySet().retainAll(present);
        byPath = FolderNames.assign(found, state);
        if (changed) {
            save();
        }
        List<Folder> out = new ArrayList<>();
        byPath.forEach((p, c) -> out.add(new Folder(p, c.kind(), SpecialUse.NONE, c.rights())));
        return out;
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        connect();
        if (path.depth() != 1) {
            throw new DavUnsupportedException("CalDAV and CardDAV collections are not nested: cannot create '" + path + "'");
        }
        boolean contacts = kind == FolderKind.CONTACTS;
        if (!contacts && kind != FolderKind.EVENTS && kind != FolderKind.TASKS && kind != FolderKind.JOURNAL) {
            throw new DavUnsupportedException("a CalDAV/CardDAV server holds no folders of kind " + kind + ": cannot create '"
                    + path + "'");
        }
        List<String> home = contacts ? homes.addressBookHomes() : homes.calendarHomes();
        if (home.isEmpty()) {
            throw new DavUnsupportedException("the server offers no " + (contacts ? "address book" : "calendar")
                    + " home for '" + path + "'");
        }
        String href = home.get(0) + ObjectUids.slug(path.name()) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + "/";
        if (contacts) {
            calls.make("MKCOL", hrefs.url(href), XmlBodies.mkaddressbook(path.name()));
        } else {
            calls.make("MKCALENDAR", hrefs.url(href), XmlBodies.mkcalendar(path.name(), kind));
        }
        state.collection(href);
        save();
        // Made by this user in their own home: theirs to fill and delete.
        knownPaths().put(path, new DavCollection(href, kind, path.name(), Rights.ALL));
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        DavCollection c = collection(from);
        if (to.depth() != 1) {
            throw new DavUnsupportedException("CalDAV and CardDAV collections are not nested: cannot move '" + from
                    + "' to '" + to + "'");
        }
        calls.proppatch(hrefs.url(c.href()), XmlBodies.rename(to.name()));
        knownPaths().remove(from);
        knownPaths().put(to, new DavCollection(c.href(), c.kind(), to.name(), c.rights()));
    }

    @Override
    public void deleteFolder(FolderPath path) {
        DavCollection c = collection(path);
        calls.delete(hrefs.url(c.href()), null);
        state.collections.remove(c.href());
        knownPaths().remove(path);
        save();
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        CollectionState cs = refresh(collection(folder));
        List<RemoteItem> items = new ArrayList<>(cs.items.size());
        for (ItemEntry e : cs.items.values()) {
            items.add(new RemoteItem(e.uid(), Flags.NONE, Math.max(0, e.size()), null, null));
        }
        items.sort(Comparator.comparingLong(RemoteItem::uid));
        return RemoteChanges.complete(cursor(cs), items);
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        return cursor(refresh(collection(folder)));
    }

    /**
     * Downloads the items in batches by calendar-multiget or addressbook-multiget (one GET each where
     * the server does not answer the REPORT). A version other than the listed one, a 404 or another
     * error of one item goes to {@link ItemSink#failed}; the next cycle retries it.
     */
    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        DavCollection c = collection(folder);
        fetcher.fetch(folder, c, state.collection(c.href()), items, sink, this::save);
    }

    /**
     * Writes the object. One that the collection already holds (same iCalendar or vCard UID) is
     * replaced where it lives, on condition that it did not change since it was listed: CalDAV and
     * CardDAV allow one resource per UID, so the engine's "new version, then delete the old one" is
     * one PUT here, and the old UID simply disappears. A new object goes to {@code <uid>.ics} or
     * {@code <uid>.vcf}, created only if nothing is there.
     */
    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        DavCollection c = collection(folder);
        CollectionState cs = state.collection(c.href());
        byte[] body;
        try (InputStream in = content.open()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read the item to upload to '" + folder + "': " + e.getMessage(), e);
        }
        String objectUid = ObjectUids.uidOf(body);
        String ext = c.isAddressBook() ? ".vcf" : ".ics";
        String type = c.isAddressBook() ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8";
        String href = objectUid == null ? null : hrefHolding(cs, c, objectUid, ext);
        String etag;
        try {
            if (href != null) {
                etag = calls.put(hrefs.url(href), body, type, cs.items.get(href).etag(), false);
            } else {
                String name = objectUid == null ? java.util.UUID.randomUUID().toString() : ObjectUids.fileName(objectUid);
                href = c.href() + name + ext;
                for (int attempt = 1; ; attempt++) {
                    try {
                        etag = calls.put(hrefs.url(href), body, type, null, true);
                        break;
                    } catch (PreconditionFailedException e) {
                        if (attempt == 3) {
                            throw e;
                        }
                        href = c.href() + name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL) + ext;
                    }
                }
            }
        } catch (ForbiddenWrite e) {
            throw refused(folder, href != null && cs.items.containsKey(href) ? "change an item" : "add an item", e);
        }
        if (etag == null) {
            etag = etagOf(href);
        }
        long uid = cs.takeUid();
        cs.items.put(href, new ItemEntry(uid, ObjectUids.etag(etag), body.length, objectUid));
        cs.modSeq++;
        cs.ctag = null;
        save();
        return uid;
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        // CalDAV and CardDAV resources carry no IMAP flags.
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        return Map.of();
    }

    /**
     * Deletes the resources, each only if it did not change since it was listed. One that changed
     * stays on the server and comes back at the next listing as a new item: an edit made elsewhere
     * is not lost to a deletion of the version before it.
     */
    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        DavCollection c = collection(folder);
        CollectionState cs = state.collection(c.href());
        boolean changed = false;
        try {
            for (long uid : uids) {
                String href = cs.hrefOf(uid);
                if (href == null) {
                    continue; // already gone, or replaced in place by an append
                }
                int code;
                try {
                    code = calls.delete(hrefs.url(href), cs.items.get(href).etag());
                } catch (ForbiddenWrite e) {
                    throw refused(folder, "delete an item", e);
                }
                if (code == 412) {
                    LOG.info("item {} of '{}' changed on the server since it was listed; it is kept", uid, folder);
                }
                cs.items.remove(href);
                changed = true;
            }
        } finally {
            if (changed) {
                cs.modSeq++;
                cs.ctag = null;
                save();
            }
        }
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        return List.of();
    }

    @Override
    public void close() {
        calls.close();
    }

    /** Brings the collection's numbering up to date (ctag, then sync-collection, else a whole listing); saves what changed. */
    private CollectionState refresh(DavCollection c) {
        CollectionState cs = state.collection(c.href());
        if (listing.refresh(c, cs)) {
            save();
        }
        return cs;
    }

    /** A refused write: the collection read-only for this account, unless the server names a rule the object breaks. */
    private static DavForbiddenException refused(FolderPath folder, String what, ForbiddenWrite e) {
        if (e.precondition() == null) {
            return new DavReadOnlyException(folder, what, e);
        }
        return new DavForbiddenException("the server does not let this account " + what + " in '" + folder
                + "': the object breaks its rule " + e.precondition() + " (" + e.getMessage() + ")", e.status(), e.url());
    }

    private String etagOf(String href) {
        for (Multistatus.Entry e : calls.propfind(hrefs.url(href), 0, XmlBodies.ETAG).entries()) {
            if (e.status() / 100 == 2 && e.text("getetag") != null) {
                return e.text("getetag");
            }
        }
        return null;
    }

    /** The href of the resource that holds this object: known from a download or an upload, or named after its UID. */
    private static String hrefHolding(CollectionState cs, DavCollection c, String objectUid, String ext) {
        for (Map.Entry<String, ItemEntry> e : cs.items.entrySet()) {
            if (objectUid.equals(e.getValue().objectUid())) {
                return e.getKey();
            }
        }
        String named = c.href() + ObjectUids.fileName(objectUid) + ext;
        return cs.items.containsKey(named) ? named : null;
    }

    private static RemoteCursor cursor(CollectionState cs) {
        return new RemoteCursor(cs.uidValidity, cs.modSeq, cs.uidNext);
    }

    private Map<FolderPath, DavCollection> knownPaths() {
        if (byPath == null) {
            folders();
        }
        return byPath;
    }

    private DavCollection collection(FolderPath path) {
        DavCollection c = knownPaths().get(path);
        if (c == null) {
            folders();
            c = byPath.get(path);
        }
        if (c == null) {
            throw new FolderNotFoundException(path, "server");
        }
        return c;
    }

    private void save() {
        stateFile.save(state);
    }

    /** Settings of a {@link DavRemoteStore}: the server and the state file are required. */
    public static final class Builder extends AccessBuilder<Builder> {
        private final URI server;
        private Path state;
        private HttpClientFactory httpClients = HttpClientFactory.standard();
        private Set<DavService> services = Set.of(DavService.CALDAV, DavService.CARDDAV);

        private Builder(URI server) {
            Objects.requireNonNull(server, "server");
            if (!server.isAbsolute() || server.getRawAuthority() == null
                    || !("http".equalsIgnoreCase(server.getScheme()) || "https".equalsIgnoreCase(server.getScheme()))) {
                throw new IllegalArgumentException("the CalDAV/CardDAV server must be an absolute http(s) URL");
            }
            if (server.getRawUserInfo() != null) {
                // Not echoed: the user info may hold a password.
                throw new IllegalArgumentException("the server URL must not carry credentials; use credentials()");
            }
            String path = server.getRawPath() == null || server.getRawPath().isEmpty() ? "/" : server.getRawPath();
            this.server = URI.create(server.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + server.getRawAuthority()
                    + path);
        }

        /**
         * The JSON file where the numbering of the server's resources is kept between runs (one per account).
         *
         * @param file the file, created at the first sync
         * @return this builder
         */
        public Builder state(Path file) {
            this.state = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Makes the HTTP client (default {@link HttpClientFactory#standard()}; {@link HttpClientFactory#of} for the application's own).
         *
         * @param factory makes the client
         * @return this builder
         */
        public Builder httpClients(HttpClientFactory factory) {
            this.httpClients = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The services whose collections the store syncs (default both): {@code CALDAV} alone leaves the
         * server's address books out, {@code CARDDAV} alone its calendars and task lists.
         *
         * @param only one or both services
         * @return this builder
         */
        public Builder services(Set<DavService> only) {
            if (only == null || only.isEmpty()) {
                throw new IllegalArgumentException("at least one of CALDAV and CARDDAV");
            }
            this.services = Set.copyOf(only);
            return this;
        }

        /**
         * {@return a store with this builder's server, credentials, services and state file}
         *
         * @throws IllegalStateException when no state file was given
         */
        public DavRemoteStore build() {
            if (state == null) {
                throw new IllegalStateException("a state file is required: state(Path)");
            }
            return new DavRemoteStore(this);
        }
    }
}
