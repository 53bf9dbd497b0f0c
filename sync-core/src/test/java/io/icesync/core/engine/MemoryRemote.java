package io.icesync.core.engine;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.ProtocolException;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory server with IMAP semantics (UIDVALIDITY, UIDNEXT, MODSEQ, vanished UIDs) for engine
 * tests. Methods named {@code server*} act as another client would; {@code fail*} script faults.
 */
final class MemoryRemote implements RemoteStore {
    static final class Msg {
        final long uid;
        Flags flags;
        final byte[] body;
        final Instant date;
        long modseq;
        /** The item's name (null: none, as in IMAP); see {@link RemoteItem#name()}. */
        String name;

        Msg(long uid, Flags flags, byte[] body, Instant date, long modseq) {
            this.uid = uid;
            this.flags = flags;
            this.body = body;
            this.date = date;
            this.modseq = modseq;
        }
    }

    static final class Box {
        long uidValidity;
        long uidNext = 1;
        final SpecialUse use;
        FolderKind kind;
        Rights rights = Rights.ALL;
        final TreeMap<Long, Msg> msgs = new TreeMap<>();
        final Map<Long, Long> vanished = new LinkedHashMap<>();

        Box(long validity, SpecialUse use, FolderKind kind) {
            this.uidValidity = validity;
            this.use = use;
            this.kind = kind;
        }
    }

    final TreeMap<FolderPath, Box> boxes = new TreeMap<>();
    private long modseq = 1;
    private long validitySeq = 1000;
    boolean qresync = true;
    boolean condstore = true;
    boolean uidplus = true;
    int appendCalls, moveCalls, fetchCalls;
    /** A folder name the server refuses to create, as a server with stricter names does. */
    FolderPath refuseCreate;
    /** Folder and item deletions asked through the store. */
    int deleteCalls;
    /** The name given to each append, in order (null where none was given). */
    final List<String> appendedNames = new ArrayList<>();
    /** UIDs whose fetch fails (the server refuses them). */
    final Set<Long> failFetch = new HashSet<>();
    /** Deliver fetched items without their names, as a server that names items only in listings. */
    boolean namelessFetch;
    /** Throw a connection error after this many more mutating calls (-1: never). */
    int dropAfter = -1;

    MemoryRemote() {
        serverCreate(FolderPath.of("INBOX"), SpecialUse.INBOX);
    }

    // ---- acting as another client

    void serverCreate(FolderPath p, SpecialUse use) {
        boxes.put(p, new Box(validitySeq++, use, FolderKind.MAIL));
    }

    long serverAdd(FolderPath p, String messageId, Flags flags) {
        String text = "Message-ID: " + messageId + "\r\nSubject: test " + messageId + "\r\n\r\nbody of " + messageId + "\r\n";
        return serverAdd(p, text.getBytes(StandardCharsets.UTF_8), flags);
    }

    long serverAdd(FolderPath p, byte[] body, Flags flags) {
        Box b = box(p);
        long uid = b.uidNext++;
        b.msgs.put(uid, new Msg(uid, flags, body, Instant.now(), ++modseq));
        return uid;
    }

    /** A named item, as a server of documents holds them. */
    long serverAddNamed(FolderPath p, String name, byte[] body) {
        long uid = serverAdd(p, body, Flags.NONE);
        box(p).msgs.get(uid).name = name;
        return uid;
    }

    /** The name of the server item whose content is {@code body}, or null. */
    String nameOf(FolderPath p, byte[] body) {
        for (Msg m : box(p).msgs.values()) {
            if (java.util.Arrays.equals(m.body, body)) {
                return m.name;
            }
        }
        return null;
    }

    /** An admin types the folder (Kolab folder-type), or the user overrides its kind. */
    void serverSetKind(FolderPath p, FolderKind kind) {
        boxes.get(p).kind = kind;
    }

    void serverFlags(FolderPath p, long uid, Flags flags) {
        Msg m = box(p).msgs.get(uid);
        m.flags = flags;
        m.modseq = ++modseq;
    }

    void serverExpunge(FolderPath p, long uid) {
        Box b = box(p);
        if (b.msgs.remove(uid) != null) {
            b.vanished.put(uid, ++modseq);
        }
    }

    void serverRename(FolderPath from, FolderPath to) {
        renameFolder(from, to);
    }

    /** Renumbers every message of the folder under a new UIDVALIDITY, as a server rebuilding its index does. */
    void serverBumpValidity(FolderPath p) {
        Box b = box(p);
        List<Msg> old = new ArrayList<>(b.msgs.values());
        b.msgs.clear();
        b.vanished.clear();
        b.uidValidity = validitySeq++;
        b.uidNext = 1;
        for (Msg m : old) {
            long uid = b.uidNext++;
            Msg n = new Msg(uid, m.flags, m.body, m.date, ++modseq);
            n.name = m.name;
            b.msgs.put(uid, n);
        }
    }

    List<String> messageIds(FolderPath p) {
        List<String> ids = new ArrayList<>();
        for (Msg m : box(p).msgs.values()) {
            String s = new String(m.body, StandardCharsets.ISO_8859_1);
            ids.add(s.substring("Message-ID: ".length(), s.indexOf("\r\n")));
        }
        return ids;
    }

    Box box(FolderPath p) {
        Box b = boxes.get(p);
        if (b == null) {
            throw new FolderNotFoundException(p, "server");
        }
        return b;
    }

    private void maybeDrop() {
        if (dropAfter == 0) {
            dropAfter = -1;
            throw new ConnectionException("connection dropped (scripted)", null);
        }
        if (dropAfter > 0) {
            dropAfter--;
        }
    }

    // ---- RemoteStore

    @Override
    public ServerInfo connect() {
        Set<String> caps = new HashSet<>();
        if (qresync) {
            caps.add("QRESYNC");
        }
        if (condstore) {
            caps.add("CONDSTORE");
        }
        return new ServerInfo("memory", '/', caps);
    }

    @Override
    public List<Folder> folders() {
        List<Folder> out = new ArrayList<>();
        boxes.forEach((p, b) -> out.add(new Folder(p, b.kind, b.use, b.rights)));
        return out;
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        maybeDrop();
        if (path.equals(refuseCreate)) {
            throw new ProtocolException("cannot create " + path, "NO [CANNOT] Invalid mailbox name", null);
        }
        if (boxes.containsKey(path)) {
            throw new ProtocolException("cannot create " + path, "NO [ALREADYEXISTS] Mailbox exists", null);
        }
        for (FolderPath p = path.parent(); !p.isRoot(); p = p.parent()) {
            boxes.putIfAbsent(p, new Box(validitySeq++, SpecialUse.NONE, FolderKind.MAIL));
        }
        boxes.put(path, new Box(validitySeq++, SpecialUse.NONE, kind));
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        maybeDrop();
        box(from);
        Map<FolderPath, Box> moving = new TreeMap<>();
        boxes.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from)) {
                moving.put(e.getKey().rebase(from, to), e.getValue());
                return true;
            }
            return false;
        });
        boxes.putAll(moving);
    }

    /** Folders under {@code ~owner}, as IceWarp names other users' shares. */
    @Override
    public boolean sharedByOthers(FolderPath folder) {
        return folder.names().get(0).startsWith("~");
    }

    @Override
    public void deleteFolder(FolderPath path) {
        maybeDrop();
        deleteCalls++;
        box(path);
        boxes.remove(path);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        Box b = box(folder);
        RemoteCursor now = new RemoteCursor(b.uidValidity, condstore ? modseq : 0, b.uidNext);
        List<RemoteItem> items = new ArrayList<>();
        boolean complete = since == null || since.uidValidity() != b.uidValidity || !condstore;
        for (Msg m : b.msgs.values()) {
            if (complete || m.modseq > since.highestModSeq()) {
                items.add(item(m, withMessageIds));
            }
        }
        if (complete) {
            return RemoteChanges.complete(now, items);
        }
        if (qresync) {
            long[] gone = b.vanished.entrySet().stream().filter(e -> e.getValue() > since.highestModSeq())
                    .mapToLong(Map.Entry::getKey).toArray();
            return new RemoteChanges(now, false, items, gone, null);
        }
        return new RemoteChanges(now, false, items, null, b.msgs.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    private static RemoteItem item(Msg m, boolean withId) {
        String mid = null;
        if (withId) {
            String s = new String(m.body, StandardCharsets.ISO_8859_1);
            if (s.startsWith("Message-ID: ")) {
                mid = s.substring("Message-ID: ".length(), s.indexOf("\r\n"));
            }
        }
        return new RemoteItem(m.uid, m.flags, m.body.length, m.date, mid, m.name);
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        Box b = box(folder);
        return new RemoteCursor(b.uidValidity, modseq, b.uidNext);
    }

    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        fetchCalls++;
        Box b = box(folder);
        for (RemoteItem r : items) {
            Msg m = b.msgs.get(r.uid());
            if (m == null || failFetch.contains(r.uid())) {
                sink.failed(r.uid(), new ProtocolException("no such message", "NO message " + r.uid(), null));
                continue;
            }
            maybeDrop();
            try {
                RemoteItem item = namelessFetch ? item(m, false).withName(null) : item(m, false);
                sink.accept(item, mode == FetchMode.HEADERS, new ByteArrayInputStream(m.body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        return append(folder, flags, internalDate, size, null, content);
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, String name,
                       ContentSource content) {
        appendCalls++;
        appendedNames.add(name);
        maybeDrop();
        Box b = box(folder);
        try (InputStream in = content.open()) {
            long uid = serverAdd(folder, in.readAllBytes(), flags);
            b.msgs.get(uid).name = name;
            return uidplus ? uid : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        maybeDrop();
        Box b = box(folder);
        flagsByUid.forEach((uid, f) -> {
            Msg m = b.msgs.get(uid);
            if (m != null) {
                m.flags = f;
                m.modseq = ++modseq;
            }
        });
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        moveCalls++;
        maybeDrop();
        Box a = box(from);
        Box z = box(to);
        Map<Long, Long> map = new LinkedHashMap<>();
        for (long uid : uids) {
            Msg m = a.msgs.remove(uid);
            if (m == null) {
                continue;
            }
            a.vanished.put(uid, ++modseq);
            long nu = z.uidNext++;
            Msg n = new Msg(nu, m.flags, m.body, m.date, ++modseq);
            n.name = m.name;
            z.msgs.put(nu, n);
            map.put(uid, nu);
        }
        return uidplus ? map : Map.of();
    }

    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        maybeDrop();
        deleteCalls++;
        for (long uid : uids) {
            serverExpunge(folder, uid);
        }
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        List<Long> out = new ArrayList<>();
        for (Msg m : box(folder).msgs.values()) {
            if (new String(m.body, StandardCharsets.ISO_8859_1).startsWith("Message-ID: " + messageId + "\r\n")) {
                out.add(m.uid);
            }
        }
        return out;
    }

    @Override
    public void close() {
    }
}
