package io.icesync.webdav.files;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.StoreException;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.webdav.DavConflictException;
import io.icesync.webdav.DavNotFoundException;
import io.icesync.webdav.DavResource;
import io.icesync.webdav.Depth;
import io.icesync.webdav.DownloadOptions;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.PreconditionFailedException;
import io.icesync.webdav.WebDavClient;
import io.icesync.webdav.WebDavException;
import io.icesync.webdav.files.internal.DavVersions;
import io.icesync.webdav.files.internal.FileNames;
import io.icesync.webdav.files.internal.RemoteFilesState;
import io.icesync.webdav.files.internal.RemoteStateFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A documents folder tree on a WebDAV server as a {@link RemoteStore}: the base collection is the
 * folder named by {@link Builder#rootName} (default {@code Files}), its sub-collections are
 * sub-folders (kind {@link FolderKind#DOCUMENTS}), files are items.
 *
 * <p>WebDAV has no item UIDs, so the store hands them out and keeps them in its state file: per
 * collection a UIDVALIDITY (random, once), the next UID and, per file name, the UID with the
 * version it was given for (the ETag, else last-modified and length). A file whose version changes
 * gets a new UID and its old UID disappears, which is how the engine expects an edited object.
 *
 * <p>Listed and fetched items carry their file name ({@link RemoteItem#name()}); an upload takes the
 * name given to {@link #append(FolderPath, Flags, Instant, long, String, ContentSource)} (without
 * one, or with one unusable as a file name, {@code document-<hex>}). An upload never overwrites: a
 * name already taken on the server is parked under {@code name (2).ext} and takes its own name when
 * the engine deletes the version it replaces (a local edit), or at a later listing once that name is
 * free. Servers that ignore {@code If-None-Match} (nginx) are protected by a look before the PUT only.
 *
 * <p>Headers-only fetches (F4.6) deliver an empty partial item, unless the settings ask for whole
 * documents ({@link SyncSettings#wholeDocuments()}). Flags are not kept on the server. The
 * {@link WebDavClient} stays the caller's: {@link #close()} does not close it.
 */
public final class WebDavFilesRemoteStore implements RemoteStore {
    private static final Logger LOG = LoggerFactory.getLogger(WebDavFilesRemoteStore.class);

    private static final int MAX_NAME_TRIES = 1000;

    private final WebDavClient client;
    private final RemoteStateFile stateFile;
    private final Path downloads;
    private final String rootName;
    private final Supplier<SyncSettings> settings;
    private final SecureRandom random = new SecureRandom();
    private RemoteFilesState state;

    private WebDavFilesRemoteStore(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        Path file = Objects.requireNonNull(b.state, "state").toAbsolutePath();
        this.stateFile = new RemoteStateFile(file);
        this.downloads = file.resolveSibling(file.getFileName() + ".downloads");
        this.rootName = b.rootName;
        this.settings = b.settings;
    }

    /** {@return a builder; a client and a state file are required} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ServerInfo connect() {
        if (state == null) {
            state = stateFile.load();
        }
        client.propfind("", Depth.ZERO);
        return new ServerInfo("WebDAV " + client.base(), '/', Set.of());
    }

    @Override
    public List<Folder> folders() {
        List<Folder> out = new ArrayList<>();
        FolderPath root = FolderPath.of(rootName);
        out.add(folder(root));
        Map<String, Map<String, String>> seen = new HashMap<>();
        walk("", root, out, seen);
        followMoves(seen);
        return out;
    }

    /** Lists the tree; {@code seen} gets each collection's files (name to version), which the listing gives anyway. */
    private void walk(String collection, FolderPath path, List<Folder> out, Map<String, Map<String, String>> seen) {
        Map<String, String> files = new TreeMap<>();
        seen.put(collection, files);
        for (DavResource r : client.propfind(collection, Depth.ONE)) {
            if (r.collection()) {
                if (!r.path().equals(collection) && FileNames.usable(r.name())) {
                    FolderPath child = path.child(r.name());
                    out.add(folder(child));
                    walk(r.path(), child, out, seen);
                }
            } else if (parentOf(r.path()).equals(collection) && FileNames.usable(r.name())) {
                files.put(r.name(), DavVersions.of(r));
            }
        }
    }

    /**
     * Collections another client moved or renamed: one that went away and one that appeared holding
     * the very same files (names and versions, which a MOVE keeps) are one collection. It keeps its
     * UIDVALIDITY and UIDs, so the engine sees a rename, not a deletion and a creation that would
     * download the whole folder again. An empty collection, or files found in two places, prove nothing.
     */
    private void followMoves(Map<String, Map<String, String>> seen) {
        RemoteFilesState s = state();
        List<String> gone = s.collections.keySet().stream().filter(c -> !seen.containsKey(c)).toList();
        List<String> fresh = seen.keySet().stream().filter(c -> !s.collections.containsKey(c)).toList();
        if (gone.isEmpty() || fresh.isEmpty()) {
            return;
        }
        Map<String, List<String>> goneByFresh = new HashMap<>();
        for (String g : gone) {
            Map<String, String> had = new TreeMap<>();
            s.collections.get(g).files.forEach((name, e) -> had.put(name, e.version));
            if (had.isEmpty()) {
                continue;
            }
            List<String> same = fresh.stream().filter(f -> seen.get(f).equals(had)).toList();
            if (same.size() == 1) {
                goneByFresh.computeIfAbsent(same.get(0), x -> new ArrayList<>()).add(g);
            }
        }
        boolean moved = false;
        for (Map.Entry<String, List<String>> m : goneByFresh.entrySet()) {
            if (m.getValue().size() == 1) {
                LOG.debug("collection {} moved to {} by another client", m.getValue().get(0), m.getKey());
                s.collections.put(m.getKey(), s.collections.remove(m.getValue().get(0)));
                moved = true;
            }
        }
        if (moved) {
            save();
        }
    }

    private static Folder folder(FolderPath p) {
        return new Folder(p, FolderKind.DOCUMENTS, SpecialUse.NONE, Rights.ALL);
    }

    /** Creates the collection, and those above it that are missing (409 Conflict), as the IMAP store does. */
    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        String c = collection(path);
        if (c.isEmpty()) {
            return; // the base exists
        }
        try {
            client.mkcol(c);
        } catch (DavConflictException e) {
            createFolder(path.parent(), kind);
            mkcolIfMissing(c);
        } catch (WebDavException e) {
            if (e.status() != 405) { // 405: it exists already
                throw e;
            }
        }
    }

    private void mkcolIfMissing(String c) {
        try {
            client.mkcol(c);
        } catch (WebDavException e) {
            if (e.status() != 405) {
                throw e;
            }
        }
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        String a = collection(from);
        String b = collection(to);
        if (a.isEmpty() || b.isEmpty()) {
            throw new StoreException("the documents root '" + rootName + "' cannot be renamed", null);
        }
        client.move(a, b, false);
        // The folder keeps its UIDs: same files, same identity.
        Map<String, RemoteFilesState.Collection> moved = new TreeMap<>();
        state().collections.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(a)) {
                moved.put(b + e.getKey().substring(a.length()), e.getValue());
                return true;
            }
            return false;
        });
        state.collections.putAll(moved);
        save();
    }

    @Override
    public void deleteFolder(FolderPath path) {
        String c = collection(path);
        if (c.isEmpty()) {
            throw new StoreException("the documents root '" + rootName + "' cannot be deleted", null);
        }
        try {
            client.delete(c, null);
        } catch (DavNotFoundException e) {
            // gone already
        }
        state().collections.keySet().removeIf(k -> k.startsWith(c));
        save();
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        String c = collection(folder);
        Map<String, DavResource> files = list(c);
        RemoteFilesState.Collection cs = state().collections.get(c);
        List<RemoteItem> items = new ArrayList<>(files.size());
        for (Map.Entry<String, DavResource> e : files.entrySet()) {
            DavResource r = e.getValue();
            items.add(new RemoteItem(cs.files.get(e.getKey()).uid, Flags.NONE, Math.max(0, r.length()),
                    r.lastModified(), null, e.getKey()));
        }
        return RemoteChanges.complete(cursor(cs), items);
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        String c = collection(folder);
        list(c);
        return cursor(state().collections.get(c));
    }

    private static RemoteCursor cursor(RemoteFilesState.Collection cs) {
        return new RemoteCursor(cs.uidValidity, cs.modSeq, cs.uidNext);
    }

    /**
     * The files of a collection by name, with the state brought up to date: new names and new
     * versions get new UIDs, names gone are forgotten, parked uploads whose name is free take it.
     */
    private Map<String, DavResource> list(String c) {
        Map<String, DavResource> files = new TreeMap<>();
        for (DavResource r : client.propfind(c, Depth.ONE)) {
            if (!r.collection() && parentOf(r.path()).equals(c) && FileNames.usable(r.name())) {
                files.put(r.name(), r);
            }
        }
        boolean changed = false;
        RemoteFilesState.Collection cs = state().collections.get(c);
        if (cs == null) {
            cs = new RemoteFilesState.Collection();
            cs.uidValidity = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            state.collections.put(c, cs);
            changed = true;
        }
        for (Map.Entry<String, String> claim : new ArrayList<>(cs.claims.entrySet())) {
            String parked = claim.getKey();
            String wanted = claim.getValue();
            if (!files.containsKey(parked)) {
                cs.claims.remove(parked);
                changed = true;
            } else if (!files.containsKey(wanted) && unpark(c, cs, parked, wanted)) {
                files.remove(parked);
                files.put(wanted, stat(c + wanted));
                changed = true;
            }
        }
        for (Map.Entry<String, DavResource> e : files.entrySet()) {
            String version = DavVersions.of(e.getValue());
            RemoteFilesState.Entry known = cs.files.get(e.getKey());
            if (known == null || !known.version.equals(version)) {
                cs.files.put(e.getKey(), new RemoteFilesState.Entry(cs.uidNext++, version, e.getValue().etag()));
                changed = true;
            }
        }
        if (cs.files.keySet().retainAll(files.keySet())) {
            changed = true;
        }
        if (changed) {
            cs.modSeq++;
            save();
        }
        return files;
    }

    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        String c = collection(folder);
        RemoteFilesState.Collection cs = state().collections.get(c);
        Map<Long, String> names = new HashMap<>();
        if (cs != null) {
            cs.files.forEach((name, e) -> names.put(e.uid, name));
        }
        boolean whole = mode == FetchMode.FULL || settings.get().wholeDocuments();
        for (RemoteItem item : items) {
            String name = names.get(item.uid());
            if (name == null) {
                sink.failed(item.uid(), new DavNotFoundException("no file has UID " + item.uid(), 404, client.url(c).toString()));
                continue;
            }
            try {
                if (whole) {
                    fetchWhole(c + name, name, item, sink);
                } else {
                    sink.accept(item.withName(name), true, InputStream.nullInputStream());
                }
            } catch (DavNotFoundException e) {
                sink.failed(item.uid(), e);
            } catch (IOException e) {
                throw StoreException.of("cannot deliver " + client.url(c + name), e);
            }
        }
    }

    /** Streams the file through a temporary file beside the state (resumable, never whole in memory). */
    private void fetchWhole(String path, String name, RemoteItem item, ItemSink sink) throws IOException {
        Files.createDirectories(downloads);
        Path tmp = downloads.resolve(item.uid() + ".download");
        try {
            client.download(path, tmp, DownloadOptions.defaults());
            try (InputStream in = Files.newInputStream(tmp)) {
                sink.accept(item.withName(name), false, in);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An upload without a name: it gets one of its own ({@code document-<hex>}). */
    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        return append(folder, flags, internalDate, size, null, content);
    }

    /**
     * Uploads a document as {@code name} (a file name, so it has no '/'), or as {@code name (2).ext}
     * when that is taken; a name that cannot be a file name, or none, gives {@code document-<hex>}.
     */
    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, String name,
                       ContentSource content) {
        String c = collection(folder);
        RemoteFilesState.Collection cs = state().collections.get(c);
        if (cs == null) {
            list(c);
            cs = state.collections.get(c);
        }
        String wanted = FileNames.usable(name) ? name : FileNames.fallback(0);
        Set<String> refused = new HashSet<>();
        for (int attempt = 0; attempt < MAX_NAME_TRIES; attempt++) {
            try (InputStream in = content.open()) {
                String free = freeName(c, cs, wanted, refused);
                try {
                    client.put(c + free, in, size, URLConnection.guessContentTypeFromName(free), Precondition.createOnly());
                } catch (PreconditionFailedException e) {
                    refused.add(free); // created by someone else since we looked
                    continue;
                }
                DavResource r = stat(c + free);
                long uid = cs.uidNext++;
                cs.files.put(free, new RemoteFilesState.Entry(uid, DavVersions.of(r), r.etag()));
                if (!free.equals(wanted)) {
                    cs.claims.put(free, wanted);
                }
                cs.modSeq++;
                save();
                return uid;
            } catch (IOException e) {
                throw StoreException.of("cannot read the document to upload to " + client.url(c), e);
            }
        }
        throw new StoreException("no free name for '" + wanted + "' in " + client.url(c), null);
    }

    /**
     * A new version of a document goes over the old one in one PUT (If-Match its ETag), so the
     * server never holds two copies; it gets a new UID, and the old UID is gone. A document changed
     * or removed on the server since it was listed is not overwritten: the new version goes beside
     * it, as a new document, and the engine's conflict handling sees both.
     */
    @Override
    public long replace(FolderPath folder, long uid, Flags flags, Instant internalDate, long size, String name,
                        ContentSource content) {
        String c = collection(folder);
        RemoteFilesState.Collection cs = state().collections.get(c);
        String current = cs == null ? null : cs.nameOf(uid);
        if (current == null || (FileNames.usable(name) && !name.equals(current)) || cs.claims.containsKey(current)) {
            return append(folder, flags, internalDate, size, name, content);
        }
        RemoteFilesState.Entry known = cs.files.get(current);
        DavResource now;
        try {
            now = stat(c + current);
        } catch (DavNotFoundException e) {
            return append(folder, flags, internalDate, size, name, content);
        }
        // nginx ignores If-Match on PUT: the listing's version is checked here as well.
        if (!DavVersions.of(now).equals(known.version)) {
            return append(folder, flags, internalDate, size, name, content);
        }
        try (InputStream in = content.open()) {
            client.put(c + current, in, size, URLConnection.guessContentTypeFromName(current),
                    known.etag == null ? Precondition.none() : Precondition.ifMatch(known.etag));
        } catch (PreconditionFailedException | DavNotFoundException e) {
            return append(folder, flags, internalDate, size, name, content);
        } catch (IOException e) {
            throw StoreException.of("cannot read the document to upload to " + client.url(c), e);
        }
        DavResource r = stat(c + current);
        long newUid = cs.uidNext++;
        cs.files.put(current, new RemoteFilesState.Entry(newUid, DavVersions.of(r), r.etag()));
        cs.modSeq++;
        save();
        return newUid;
    }

    /** The wanted name if nobody uses it, else the first free {@code name (n).ext}. */
    private String freeName(String c, RemoteFilesState.Collection cs, String wanted, Set<String> refused) {
        for (int n = 1; n <= MAX_NAME_TRIES; n++) {
            String name = n == 1 ? wanted : FileNames.alternative(wanted, n);
            if (!refused.contains(name) && !cs.files.containsKey(name) && !cs.claims.containsKey(name) && !exists(c + name)) {
                return name;
            }
        }
        throw new StoreException("no free name for '" + wanted + "' in " + client.url(c), null);
    }

    private boolean exists(String path) {
        try {
            client.propfind(path, Depth.ZERO);
            return true;
        } catch (DavNotFoundException e) {
            return false;
        }
    }

    private DavResource stat(String path) {
        for (DavResource r : client.propfind(path, Depth.ZERO)) {
            if (!r.collection()) {
                return r;
            }
        }
        throw new StoreException("the server lists no file at " + client.url(path), null);
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        // WebDAV files have no flags: they stay on the client.
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        String a = collection(from);
        String b = collection(to);
        RemoteFilesState.Collection src = state().collections.get(a);
        if (state.collections.get(b) == null) {
            list(b);
        }
        RemoteFilesState.Collection dst = state.collections.get(b);
        Map<Long, Long> out = new LinkedHashMap<>();
        for (long uid : uids) {
            String name = src == null ? null : src.nameOf(uid);
            if (name == null) {
                continue;
            }
            String target = freeName(b, dst, name, Set.of());
            client.move(a + name, b + target, false);
            src.files.remove(name);
            DavResource r = stat(b + target);
            long nu = dst.uidNext++;
            dst.files.put(target, new RemoteFilesState.Entry(nu, DavVersions.of(r), r.etag()));
            out.put(uid, nu);
        }
        if (src != null) {
            src.modSeq++;
        }
        dst.modSeq++;
        save();
        return out;
    }

    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        String c = collection(folder);
        RemoteFilesState.Collection cs = state().collections.get(c);
        if (cs == null) {
            return;
        }
        for (long uid : uids) {
            String name = cs.nameOf(uid);
            if (name == null) {
                continue; // gone already
            }
            try {
                client.delete(c + name, cs.files.get(name).etag);
            } catch (DavNotFoundException e) {
                // gone already
            } catch (PreconditionFailedException e) {
                // Changed on the server since it was listed: kept, and listed again under a new UID.
            }
            cs.files.remove(name);
            cs.modSeq++;
            for (Map.Entry<String, String> claim : new ArrayList<>(cs.claims.entrySet())) {
                if (claim.getValue().equals(name)) {
                    unpark(c, cs, claim.getKey(), name);
                    break;
                }
            }
            save();
        }
    }

    /** A parked upload takes the name it wanted, keeping its UID (same content); false when the name is taken again. */
    private boolean unpark(String c, RemoteFilesState.Collection cs, String parked, String wanted) {
        RemoteFilesState.Entry e = cs.files.get(parked);
        try {
            client.move(c + parked, c + wanted, false);
        } catch (PreconditionFailedException | DavNotFoundException ex) {
            return false;
        }
        cs.claims.remove(parked);
        cs.files.remove(parked);
        if (e != null) {
            DavResource r = stat(c + wanted);
            cs.files.put(wanted, new RemoteFilesState.Entry(e.uid, DavVersions.of(r), r.etag()));
        }
        cs.modSeq++;
        save();
        return true;
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        return List.of();
    }

    @Override
    public void close() {
        // The client belongs to the caller.
    }

    /** The collection of a folder, relative to the base: "" for the root folder, else ending with '/'. */
    private String collection(FolderPath path) {
        if (path.isRoot() || !path.names().get(0).equals(rootName)) {
            throw new FolderNotFoundException(path, "server");
        }
        StringBuilder b = new StringBuilder();
        for (String n : path.names().subList(1, path.names().size())) {
            b.append(n).append('/');
        }
        return b.toString();
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private RemoteFilesState state() {
        if (state == null) {
            state = stateFile.load();
        }
        return state;
    }

    private void save() {
        stateFile.save(state);
    }

    /** Builds a {@link WebDavFilesRemoteStore}; {@code client} and {@code state} are required. */
    public static final class Builder {
        private WebDavClient client;
        private Path state;
        private String rootName = "Files";
        private Supplier<SyncSettings> settings = SyncSettings::defaults;

        private Builder() {
        }

        /**
         * The client whose base URL is the documents root.
         *
         * @param c the client, closed by whoever made it
         * @return this builder
         */
        public Builder client(WebDavClient c) {
            this.client = c;
            return this;
        }

        /**
         * The store's own state file (UIDs per file); downloads pass through a directory beside it.
         *
         * @param file the JSON file, created at the first sync
         * @return this builder
         */
        public Builder state(Path file) {
            this.state = file;
            return this;
        }

        /**
         * The name of the folder the base collection stands for; default {@code Files}.
         *
         * @param name a folder name without '/'
         * @return this builder
         */
        public Builder rootName(String name) {
            if (!FileNames.usable(name)) {
                throw new IllegalArgumentException("not a usable folder name: " + name);
            }
            this.rootName = name;
            return this;
        }

        /**
         * The settings read at each fetch ({@code wholeDocuments}); default {@link SyncSettings#defaults()}.
         *
         * @param s gives the settings in force
         * @return this builder
         */
        public Builder settings(Supplier<SyncSettings> s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * {@return a store with this builder's client, state file, root name and settings}
         *
         * @throws NullPointerException when the client or the state file is missing
         */
        public WebDavFilesRemoteStore build() {
            return new WebDavFilesRemoteStore(this);
        }
    }
}
