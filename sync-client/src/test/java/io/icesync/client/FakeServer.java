package io.icesync.client;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.ProtocolException;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.UntrustedCertificateException;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small IMAP-like server in memory for facade and CLI tests: folders with UIDVALIDITY and UIDNEXT,
 * messages with flags, scripted faults. {@link #remote()} is one client connection (a
 * {@link RemoteStore}); the other methods act as another mail client would. It always answers with
 * full listings, which every {@link RemoteStore} may do; {@code FakeServerContractTest} holds it to
 * the same contract as the IMAP store.
 */
public final class FakeServer {
    /** What {@link RemoteStore#connect()} does. */
    public enum Fault { NONE, LOGIN_REFUSED, UNREACHABLE, UNTRUSTED_CERTIFICATE, OUT_OF_MEMORY }

    private static final class Msg {
        final long uid;
        Flags flags;
        final byte[] body;
        final Instant date;

        Msg(long uid, Flags flags, byte[] body, Instant date) {
            this.uid = uid;
            this.flags = flags;
            this.body = body;
            this.date = date;
        }
    }

    private static final class Box {
        final long uidValidity;
        long uidNext = 1;
        final SpecialUse use;
        final FolderKind kind;
        final TreeMap<Long, Msg> msgs = new TreeMap<>();
        /** A parent made implicitly by creating a child: not listed, not selectable (IMAP \Noselect). */
        boolean placeholder;

        Box(long uidValidity, SpecialUse use, FolderKind kind) {
            this.uidValidity = uidValidity;
            this.use = use;
            this.kind = kind;
        }
    }

    private final TreeMap<FolderPath, Box> boxes = new TreeMap<>();
    private final Set<Long> failFetch = new HashSet<>();
    private long validitySeq = 1000;
    private Fault fault = Fault.NONE;
    private int connects;

    public FakeServer() {
        boxes.put(FolderPath.of("INBOX"), new Box(validitySeq++, SpecialUse.INBOX, FolderKind.MAIL));
    }

    // ------------------------------------------------------------------ as another client

    public synchronized FakeServer folder(String path) {
        FolderPath p = FolderPath.parse(path, '/');
        for (FolderPath q = p; !q.isRoot(); q = q.parent()) {
            boxes.putIfAbsent(q, new Box(validitySeq++, SpecialUse.NONE, FolderKind.MAIL));
        }
        return this;
    }

    /** A folder with a role, e.g. Drafts (never synced). */
    public synchronized FakeServer folder(String path, SpecialUse use) {
        boxes.put(FolderPath.parse(path, '/'), new Box(validitySeq++, use, FolderKind.MAIL));
        return this;
    }

    /** Adds a small message with this Message-ID (e.g. {@code "<a@test>"}); returns its UID. */
    public long add(String folder, String messageId, Flags flags) {
        return add(folder, message(messageId, "Subject " + messageId, "Body of " + messageId), flags);
    }

    public synchronized long add(String folder, byte[] content, Flags flags) {
        Box b = box(FolderPath.parse(folder, '/'));
        long uid = b.uidNext++;
        b.msgs.put(uid, new Msg(uid, flags, content.clone(), Instant.now()));
        return uid;
    }

    public static byte[] message(String messageId, String subject, String body) {
        return ("Message-ID: " + messageId + "\r\nFrom: Jean <jean@iwdemo.test>\r\nTo: jean@iwdemo.test\r\nSubject: "
                + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public synchronized void setFlags(String folder, long uid, Flags flags) {
        box(FolderPath.parse(folder, '/')).msgs.get(uid).flags = flags;
    }

    public synchronized void expunge(String folder, long uid) {
        box(FolderPath.parse(folder, '/')).msgs.remove(uid);
    }

    /** Folder path ("A/B") -> sorted "Message-ID flags" lines, to compare with the local side. */
    public synchronized Map<String, List<String>> tree() {
        Map<String, List<String>> out = new TreeMap<>();
        boxes.forEach((p, b) -> {
            if (!b.use.isSynced() || b.placeholder) {
                return;
            }
            List<String> l = new ArrayList<>();
            b.msgs.values().forEach(m -> l.add(messageIdOf(m.body) + " " + m.flags));
            l.sort(null);
            out.put(p.toString(), l);
        });
        return out;
    }

    public synchronized List<FolderPath> paths() {
        return new ArrayList<>(boxes.keySet());
    }

    public synchronized Flags flags(String folder, String messageId) {
        for (Msg m : box(FolderPath.parse(folder, '/')).msgs.values()) {
            if (messageId.equals(messageIdOf(m.body))) {
                return m.flags;
            }
        }
        return null;
    }

    /** What the next connections run into. */
    public synchronized FakeServer fault(Fault f) {
        this.fault = f;
        return this;
    }

    /** The server refuses to send this UID (as a server with a damaged message does). */
    public synchronized FakeServer failFetch(long uid) {
        failFetch.add(uid);
        return this;
    }

    public synchronized int connects() {
        return connects;
    }

    /** A new client connection. */
    public RemoteStore remote() {
        return new Connection();
    }

    private Box box(FolderPath p) {
        Box b = boxes.get(p);
        if (b == null || b.placeholder) {
            throw new FolderNotFoundException(p, "server");
        }
        return b;
    }

    private void placeholders(FolderPath from) {
        for (FolderPath p = from; !p.isRoot(); p = p.parent()) {
            if (!boxes.containsKey(p)) {
                Box b = new Box(validitySeq++, SpecialUse.NONE, FolderKind.MAIL);
                b.placeholder = true;
                boxes.put(p, b);
            }
        }
    }

    static String messageIdOf(byte[] body) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        for (String line : s.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).trim();
            }
        }
        return null;
    }

    private static byte[] headers(byte[] body) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        return end < 0 ? body : Arrays.copyOf(body, end + 4);
    }

    private final class Connection implements RemoteStore {
        private boolean connected;

        private void live() {
            if (!connected) {
                connect();
            }
        }

        @Override
        public ServerInfo connect() {
            synchronized (FakeServer.this) {
                connects++;
                switch (fault) {
                    case LOGIN_REFUSED -> throw new AuthenticationException(
                            "the server refused the login of jean@iwdemo.test on fake:143 (NO [AUTHENTICATIONFAILED])", null);
                    case UNREACHABLE -> throw new ConnectionException("cannot connect to fake:143: Connection refused", null);
                    case UNTRUSTED_CERTIFICATE -> throw new UntrustedCertificateException(
                            "the certificate of fake:993 is not trusted (self-signed)", List.of(), null);
                    // What a connector running out of heap in the middle of a cycle throws.
                    case OUT_OF_MEMORY -> throw new OutOfMemoryError("Java heap space (scripted)");
                    case NONE -> {
                    }
                }
                connected = true;
                return new ServerInfo("fake", '/', Set.of("IMAP4rev1", "UIDPLUS", "MOVE"));
            }
        }

        @Override
        public List<Folder> folders() {
            synchronized (FakeServer.this) {
                live();
                List<Folder> out = new ArrayList<>();
                boxes.forEach((p, b) -> {
                    if (!b.placeholder) {
                        out.add(new Folder(p, b.kind, b.use, Rights.ALL));
                    }
                });
                return out;
            }
        }

        @Override
        public void createFolder(FolderPath path, FolderKind kind) {
            synchronized (FakeServer.this) {
                live();
                Box existing = boxes.get(path);
                if (existing != null && !existing.placeholder) {
                    throw new ProtocolException("cannot create " + path, "NO [ALREADYEXISTS] Mailbox exists", null);
                }
                placeholders(path.parent());
                boxes.put(path, new Box(validitySeq++, SpecialUse.NONE, kind));
            }
        }

        @Override
        public void renameFolder(FolderPath from, FolderPath to) {
            synchronized (FakeServer.this) {
                live();
                box(from);
                Map<FolderPath, Box> moving = new TreeMap<>();
                boxes.entrySet().removeIf(e -> {
                    if (e.getKey().startsWith(from)) {
                        moving.put(e.getKey().rebase(from, to), e.getValue());
                        return true;
                    }
                    return false;
                });
                placeholders(to.parent());
                boxes.putAll(moving);
            }
        }

        @Override
        public void deleteFolder(FolderPath path) {
            synchronized (FakeServer.this) {
                live();
                box(path);
                boxes.remove(path);
            }
        }

        @Override
        public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                List<RemoteItem> items = new ArrayList<>();
                for (Msg m : b.msgs.values()) {
                    items.add(new RemoteItem(m.uid, m.flags, m.body.length, m.date,
                            withMessageIds ? messageIdOf(m.body) : null));
                }
                return RemoteChanges.complete(new RemoteCursor(b.uidValidity, 0, b.uidNext), items);
            }
        }

        @Override
        public RemoteCursor status(FolderPath folder) {
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                return new RemoteCursor(b.uidValidity, 0, b.uidNext);
            }
        }

        @Override
        public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
            List<Object[]> out = new ArrayList<>();
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                for (RemoteItem r : items) {
                    Msg m = b.msgs.get(r.uid());
                    out.add(new Object[] {r.uid(), m == null || failFetch.contains(r.uid()) ? null : m});
                }
            }
            for (Object[] o : out) {
                Msg m = (Msg) o[1];
                if (m == null) {
                    sink.failed((Long) o[0], new ProtocolException("the server cannot send message " + o[0],
                            "NO [SERVERBUG] message " + o[0] + " is damaged", null));
                    continue;
                }
                byte[] content = mode == FetchMode.HEADERS ? headers(m.body) : m.body;
                try {
                    sink.accept(new RemoteItem(m.uid, m.flags, m.body.length, m.date, null), mode == FetchMode.HEADERS,
                            new ByteArrayInputStream(content));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
            byte[] bytes;
            try (InputStream in = content.open()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                long uid = b.uidNext++;
                b.msgs.put(uid, new Msg(uid, flags, bytes, internalDate != null ? internalDate : Instant.now()));
                return uid;
            }
        }

        @Override
        public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                flagsByUid.forEach((uid, f) -> {
                    Msg m = b.msgs.get(uid);
                    if (m != null) {
                        m.flags = f;
                    }
                });
            }
        }

        @Override
        public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
            synchronized (FakeServer.this) {
                live();
                Box a = box(from);
                Box z = box(to);
                Map<Long, Long> map = new LinkedHashMap<>();
                for (long uid : uids) {
                    Msg m = a.msgs.remove(uid);
                    if (m != null) {
                        long nu = z.uidNext++;
                        z.msgs.put(nu, new Msg(nu, m.flags, m.body, m.date));
                        map.put(uid, nu);
                    }
                }
                return map;
            }
        }

        @Override
        public void delete(FolderPath folder, Collection<Long> uids) {
            synchronized (FakeServer.this) {
                live();
                Box b = box(folder);
                uids.forEach(b.msgs::remove);
            }
        }

        @Override
        public List<Long> findByMessageId(FolderPath folder, String messageId) {
            synchronized (FakeServer.this) {
                live();
                List<Long> out = new ArrayList<>();
                for (Msg m : box(folder).msgs.values()) {
                    if (messageId.equals(messageIdOf(m.body))) {
                        out.add(m.uid);
                    }
                }
                return out;
            }
        }

        @Override
        public void close() {
            connected = false;
        }

        @Override
        public String toString() {
            return "FakeServer connection";
        }
    }
}
