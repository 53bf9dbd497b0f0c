package io.icesync.imap.internal;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.ProtocolException;
import io.icesync.core.Rights;
import io.icesync.core.Security;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MailEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RemoteStore} over IMAP on Angus Mail. Angus connects, secures, logs in and selects
 * (with QRESYNC where offered); listings, downloads, flag stores, moves and expunges go as
 * compact UID commands so that a 10,000-message folder costs a handful of round trips and a
 * bounded amount of memory.
 */
public final class AngusImapStore implements RemoteStore {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);
    /** Items above this size are downloaded in parts of {@link #CHUNK} bytes. */
    static final long LARGE = 4L * 1024 * 1024;
    static final int CHUNK = 1024 * 1024;
    private static final int MAX_SET_CHARS = 900;

    private final ImapOptions opt;
    private CapturingTrust trust;
    private IMAPStore store;
    private ServerInfo info;
    private char sep = '/';
    private IMAPFolder selected;
    private FolderPath selectedPath;
    private boolean helloSent;

    public AngusImapStore(ImapOptions opt) {
        this.opt = opt;
    }

    /** True once the IceWarp connector greeting was sent (only to servers advertising X-ICEWARP-SERVER). */
    public boolean iceWarpHelloSent() {
        return helloSent;
    }

    private String server() {
        return opt.server();
    }

    private IceSyncException fail(String what, Throwable e) {
        IceSyncException x = Errors.map(what, server(), e, trust);
        if (x instanceof ConnectionException) {
            dropConnection();
        }
        return x;
    }

    // ---- connection

    @Override
    public synchronized ServerInfo connect() {
        // No NOOP probe: a dropped connection shows as a ConnectionException and the next call reconnects.
        if (store != null && info != null) {
            return info;
        }
        dropConnection();
        try {
            Properties p = new Properties();
            Security sec = opt.endpoint().security();
            if (sec != Security.PLAIN) {
                // Only a TLS connection pays for the trust store (it loads the JVM's CA certificates).
                trust = new CapturingTrust(opt.trusted());
                p.put("mail.imap.ssl.socketFactory", trust.socketFactory());
            }
            p.put("mail.imap.connectiontimeout", String.valueOf(opt.connectTimeout().toMillis()));
            p.put("mail.imap.timeout", String.valueOf(opt.readTimeout().toMillis()));
            p.put("mail.imap.peek", "true");
            p.put("mail.imap.ssl.checkserveridentity", "true");
            p.put("mail.imap.starttls.enable", String.valueOf(sec == Security.STARTTLS));
            p.put("mail.imap.starttls.required", String.valueOf(sec == Security.STARTTLS));
            p.put("mail.imap.ssl.enable", String.valueOf(sec == Security.SSL));
            p.put("mail.imap.appendbuffersize", "-1");
            // The store keeps its own connection; the selected folder reuses one pooled connection.
            p.put("mail.imap.separatestoreconnection", "true");
            p.put("mail.imap.connectionpoolsize", "2");
            // A protocol trace on stdout for support; Angus leaves LOGIN/AUTH lines out (mail.debug.auth stays false).
            p.put("mail.debug", System.getProperty("icesync.imap.debug", "false"));
            p.put("mail.debug.auth", "false");
            Session session = Session.getInstance(p);
            store = (IMAPStore) session.getStore("imap");
            store.connect(opt.endpoint().host(), opt.endpoint().port(), opt.login(), new String(opt.password()));
            IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
            sep = root.getSeparator();
            @SuppressWarnings("unchecked")
            Map<String, String> caps = (Map<String, String>) root.doCommand(IMAPProtocol::getCapabilities);
            Set<String> names = new TreeSet<>();
            caps.values().forEach(c -> names.add(c.toUpperCase(Locale.ROOT)));
            if (opt.iceWarpHello() && names.contains("X-ICEWARP-SERVER")) {
                sendIceWarpHello(root);
            }
            info = new ServerInfo(opt.server(), sep, names);
            LOG.info("connected to {} as {} ({})", server(), opt.login(), opt.endpoint().security());
            return info;
        } catch (Exception e) {
            IceSyncException x = fail("connect and log in as " + opt.login(), e);
            dropConnection();
            throw x;
        }
    }

    private void sendIceWarpHello(IMAPFolder root) throws MessagingException {
        String version = opt.clientVersion().replace("\\", "").replace("\"", "");
        root.doCommand(p -> {
            Response[] r = p.command("X-ICEWARP-SERVER iwconnector \"" + version + "\"", null);
            Response last = r[r.length - 1];
            if (!last.isOK()) {
                LOG.info("{} declined the IceWarp connector mode: {}", server(), last);
            }
            return null;
        });
        helloSent = true;
    }

    private void dropConnection() {
        try {
            if (selected != null && selected.isOpen()) {
                selected.close(false);
            }
        } catch (Exception e) {
            // closing a broken connection
        }
        selected = null;
        selectedPath = null;
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception e) {
            // closing a broken connection
        }
        store = null;
        info = null;
    }

    private IMAPStore live() {
        if (store == null) {
            connect();
        }
        return store;
    }

    String mailbox(FolderPath p) {
        return p.join(sep);
    }

    private static void writeMailbox(Argument a, String name) {
        a.writeString(BASE64MailboxEncoder.encode(name));
    }

    /** Runs raw commands on the store's connection (no mailbox selected). */
    private Object onStore(String what, IMAPFolder.ProtocolCommand cmd) {
        try {
            return ((IMAPFolder) live().getDefaultFolder()).doCommand(cmd);
        } catch (Exception e) {
            throw fail(what, e);
        }
    }

    // ---- folders

    @Override
    public synchronized List<Folder> folders() {
        try {
            IMAPStore s = live();
            jakarta.mail.Folder[] all = s.getDefaultFolder().list("*");
            Set<String> personalPrefixes = new HashSet<>();
            for (jakarta.mail.Folder ns : s.getPersonalNamespaces()) {
                personalPrefixes.add(ns.getFullName());
            }
            boolean acl = info.has("ACL");
            boolean metadata = opt.folderKinds() && (info.has("METADATA") || info.has("METADATA-SERVER"));
            List<Folder> out = new ArrayList<>();
            for (jakarta.mail.Folder jf : all) {
                IMAPFolder f = (IMAPFolder) jf;
                Set<String> attrs = new HashSet<>();
                for (String a : f.getAttributes()) {
                    attrs.add(a.toLowerCase(Locale.ROOT));
                }
                if (attrs.contains("\\noselect") || attrs.contains("\\nonexistent")) {
                    continue;
                }
                String name = f.getFullName();
                FolderPath path = FolderPath.parse(name, sep);
                SpecialUse use = name.equalsIgnoreCase("INBOX") ? SpecialUse.INBOX : specialUse(attrs);
                FolderKind kind = metadata ? kindOf(name) : FolderKind.MAIL;
                Rights rights = Rights.ALL;
                if (acl && !isPersonal(name, personalPrefixes)) {
                    rights = Rights.parse(f.myRights().toString());
                }
                out.add(new Folder(path, kind, use, rights));
            }
            out.sort(java.util.Comparator.comparing(Folder::path));
            return out;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("list folders", e);
        }
    }

    private static boolean isPlaceholder(IMAPFolder f) throws MessagingException {
        for (String a : f.getAttributes()) {
            if (a.equalsIgnoreCase("\\Noselect") || a.equalsIgnoreCase("\\NonExistent")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPersonal(String name, Set<String> prefixes) {
        if (prefixes.contains("")) {
            // The personal namespace is the root: other namespaces (shared/, ~user@domain) have their own prefixes.
            return !name.startsWith("shared") && !name.startsWith("~") && !name.startsWith("#");
        }
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return name.equalsIgnoreCase("INBOX");
    }

    private static SpecialUse specialUse(Set<String> attrs) {
        if (attrs.contains("\\drafts")) {
            return SpecialUse.DRAFTS;
        }
        if (attrs.contains("\\sent")) {
            return SpecialUse.SENT;
        }
        if (attrs.contains("\\trash")) {
            return SpecialUse.TRASH;
        }
        if (attrs.contains("\\junk")) {
            return SpecialUse.JUNK;
        }
        if (attrs.contains("\\archive")) {
            return SpecialUse.ARCHIVE;
        }
        if (attrs.contains("\\all")) {
            return SpecialUse.ALL;
        }
        if (attrs.contains("\\flagged")) {
            return SpecialUse.FLAGGED;
        }
        return SpecialUse.NONE;
    }

    private FolderKind kindOf(String mailbox) {
        Object v = onStore("read the folder type of " + mailbox, p -> {
            Argument a = new Argument();
            writeMailbox(a, mailbox);
            a.writeAtom("(/shared/vendor/kolab/folder-type /private/vendor/kolab/folder-type)");
            Response[] r = p.command("GETMETADATA", a);
            for (Response x : r) {
                String line = x.toString();
                if (x.isUnTagged() && line.toUpperCase(Locale.ROOT).startsWith("* METADATA")) {
                    return line;
                }
            }
            return null;
        });
        return FolderTypes.kind(v == null ? null : v.toString());
    }

    @Override
    public synchronized void createFolder(FolderPath path, FolderKind kind) {
        closeSelected();
        String name = mailbox(path);
        try {
            IMAPFolder f = (IMAPFolder) live().getFolder(name);
            if (f.exists() && isPlaceholder(f)) {
                // A parent the server lists as \Noselect: CREATE makes it a folder that holds items too.
                onStore("create folder '" + path + "'", p -> {
                    Argument a = new Argument();
                    writeMailbox(a, name);
                    Response[] r = p.command("CREATE", a);
                    p.handleResult(r[r.length - 1]);
                    return null;
                });
            } else if (!f.exists() && !f.create(jakarta.mail.Folder.HOLDS_MESSAGES | jakarta.mail.Folder.HOLDS_FOLDERS)) {
                throw new ProtocolException("the server " + server() + " did not create folder '" + path + "'", null, null);
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("create folder '" + path + "'", e);
        }
        if (kind != FolderKind.MAIL && info.has("METADATA")) {
            onStore("set the type of folder '" + path + "'", p -> {
                Argument a = new Argument();
                writeMailbox(a, name);
                a.writeAtom("(/shared/vendor/kolab/folder-type \"" + FolderTypes.name(kind) + "\")");
                Response[] r = p.command("SETMETADATA", a);
                p.handleResult(r[r.length - 1]);
                return null;
            });
        }
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        closeSelected();
        try {
            IMAPFolder f = (IMAPFolder) live().getFolder(mailbox(from));
            if (!f.renameTo(live().getFolder(mailbox(to)))) {
                throw new ProtocolException("the server " + server() + " did not rename '" + from + "' to '" + to + "'",
                        null, null);
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("rename folder '" + from + "' to '" + to + "'", e);
        }
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        closeSelected();
        try {
            IMAPFolder f = (IMAPFolder) live().getFolder(mailbox(path));
            if (f.exists() && !f.delete(false)) {
                throw new ProtocolException("the server " + server() + " did not delete folder '" + path + "'", null, null);
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("delete folder '" + path + "'", e);
        }
    }

    // ---- selection

    private void closeSelected() {
        if (selected != null) {
            try {
                if (selected.isOpen()) {
                    selected.close(false);
                }
            } catch (Exception e) {
                // the next command reports a broken connection
            }
        }
        selected = null;
        selectedPath = null;
    }

    /** Selects a folder (read-write), with QRESYNC data when given; returns the events the SELECT reported. */
    private List<MailEvent> select(FolderPath path, ResyncData rd) throws MessagingException {
        closeSelected();
        IMAPFolder f = (IMAPFolder) live().getFolder(mailbox(path));
        if (!f.exists()) {
            throw new io.icesync.core.FolderNotFoundException(path, "server " + server());
        }
        List<MailEvent> events = f.open(jakarta.mail.Folder.READ_WRITE, rd);
        selected = f;
        selectedPath = path;
        return events == null ? List.of() : events;
    }

    private IMAPFolder ensureSelected(FolderPath path) throws MessagingException {
        if (selected == null || !path.equals(selectedPath) || !selected.isOpen()) {
            select(path, info.has("CONDSTORE") ? ResyncData.CONDSTORE : null);
        }
        return selected;
    }

    /** Runs raw commands on the selected folder; untagged responses other than FETCH go to Angus' handlers. */
    private Response[] run(IMAPFolder f, String command, Argument args) throws MessagingException {
        return (Response[]) f.doCommand(p -> {
            Response[] r = p.command(command, args);
            List<Response> others = new ArrayList<>();
            for (Response x : r) {
                if (x.isUnTagged() && !(x instanceof FetchResponse)) {
                    others.add(x);
                }
            }
            p.notifyResponseHandlers(others.toArray(new Response[0]));
            p.handleResult(r[r.length - 1]);
            return r;
        });
    }

    // ---- listings

    @Override
    public synchronized RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        try {
            boolean qresync = info.has("QRESYNC");
            boolean condstore = info.has("CONDSTORE") || qresync;
            boolean incremental = since != null && condstore && since.highestModSeq() > 0;
            List<MailEvent> events;
            if (incremental && qresync) {
                events = select(folder, new ResyncData(since.uidValidity(), since.highestModSeq()));
            } else {
                events = select(folder, condstore ? ResyncData.CONDSTORE : null);
            }
            IMAPFolder f = selected;
            RemoteCursor now = new RemoteCursor(f.getUIDValidity(), condstore ? Math.max(0, f.getHighestModSeq()) : 0,
                    f.getUIDNext());
            if (!incremental || now.uidValidity() != since.uidValidity()) {
                return RemoteChanges.complete(now, list(f, "1:*", null, withMessageIds));
            }
            List<RemoteItem> changed = now.highestModSeq() == since.highestModSeq() ? List.of()
                    : list(f, "1:*", since.highestModSeq(), withMessageIds);
            if (qresync) {
                List<Long> gone = new ArrayList<>();
                for (MailEvent e : events) {
                    if (e instanceof MessageVanishedEvent v) {
                        for (long u : v.getUIDs()) {
                            gone.add(u);
                        }
                    }
                }
                return new RemoteChanges(now, false, changed, gone.stream().mapToLong(Long::longValue).toArray(), null);
            }
            return new RemoteChanges(now, false, changed, null, allUids(f));
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("list the items of '" + folder + "'", e);
        }
    }

    private List<RemoteItem> list(IMAPFolder f, String set, Long changedSince, boolean ids)
            throws MessagingException, IOException {
        if (f.getMessageCount() == 0) {
            return List.of();
        }
        Argument a = new Argument();
        a.writeAtom(set);
        a.writeAtom("(UID FLAGS RFC822.SIZE INTERNALDATE" + (ids ? " BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])" : ")"));
        if (changedSince != null) {
            a.writeAtom("(CHANGEDSINCE " + changedSince + ")");
        }
        Response[] r = run(f, "UID FETCH", a);
        List<RemoteItem> out = new ArrayList<>();
        for (Response x : r) {
            if (x instanceof FetchResponse fr) {
                UID uid = fr.getItem(UID.class);
                jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
                RFC822SIZE size = fr.getItem(RFC822SIZE.class);
                INTERNALDATE date = fr.getItem(INTERNALDATE.class);
                if (uid == null || flags == null) {
                    continue;
                }
                String mid = null;
                if (ids) {
                    BODY b = fr.getItem(BODY.class);
                    if (b != null) {
                        mid = MessageHeaders.messageId(b.getByteArrayInputStream());
                    }
                }
                out.add(new RemoteItem(uid.uid, FlagCodec.of(flags), size == null ? 0 : size.size,
                        date == null || date.getDate() == null ? null : date.getDate().toInstant(), mid));
            }
        }
        return out;
    }

    private long[] allUids(IMAPFolder f) throws MessagingException {
        if (f.getMessageCount() == 0) {
            return new long[0];
        }
        Argument a = new Argument();
        a.writeAtom("ALL");
        return searchUids(run(f, "UID SEARCH", a));
    }

    private static long[] searchUids(Response[] r) {
        List<Long> out = new ArrayList<>();
        for (Response x : r) {
            String line = x.toString();
            if (x.isUnTagged() && line.toUpperCase(Locale.ROOT).startsWith("* SEARCH")) {
                for (String t : line.substring(8).trim().split("\\s+")) {
                    if (!t.isEmpty()) {
                        out.add(Long.parseLong(t));
                    }
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public synchronized RemoteCursor status(FolderPath folder) {
        String name = mailbox(folder);
        return (RemoteCursor) onStore("read the status of '" + folder + "'", p -> {
            boolean modseq = p.hasCapability("CONDSTORE") || p.hasCapability("QRESYNC");
            String[] items = modseq ? new String[] {"UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ"}
                    : new String[] {"UIDVALIDITY", "UIDNEXT"};
            org.eclipse.angus.mail.imap.protocol.Status s = p.status(name, items);
            return new RemoteCursor(s.uidvalidity, Math.max(0, s.highestmodseq), s.uidnext);
        });
    }

    // ---- downloads

    @Override
    public synchronized void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        try {
            IMAPFolder f = ensureSelected(folder);
            Map<Long, RemoteItem> small = new LinkedHashMap<>();
            List<RemoteItem> large = new ArrayList<>();
            for (RemoteItem r : items) {
                if (mode == FetchMode.FULL && r.size() > LARGE) {
                    large.add(r);
                } else {
                    small.put(r.uid(), r);
                }
            }
            if (!small.isEmpty()) {
                fetchSmall(f, small, mode, sink);
            }
            for (RemoteItem r : large) {
                fetchLarge(f, r, sink);
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("download items of '" + folder + "'", e);
        }
    }

    private void fetchSmall(IMAPFolder f, Map<Long, RemoteItem> wanted, FetchMode mode, ItemSink sink)
            throws MessagingException, IOException {
        String section = mode == FetchMode.HEADERS ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]";
        Set<Long> seen = new HashSet<>();
        for (String set : Uids.sets(wanted.keySet(), MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("(UID FLAGS " + section + ")");
            Response[] r = run(f, "UID FETCH", a);
            for (Response x : r) {
                if (!(x instanceof FetchResponse fr)) {
                    continue;
                }
                UID uid = fr.getItem(UID.class);
                BODY body = fr.getItem(BODY.class);
                if (uid == null || body == null || !wanted.containsKey(uid.uid) || !seen.add(uid.uid)) {
                    continue;
                }
                RemoteItem asked = wanted.get(uid.uid);
                jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
                RemoteItem got = new RemoteItem(uid.uid, flags == null ? asked.flags() : FlagCodec.of(flags),
                        asked.size(), asked.internalDate(), asked.messageId());
                try (InputStream in = body.getByteArrayInputStream()) {
                    sink.accept(got, mode == FetchMode.HEADERS, in);
                }
            }
        }
        for (long uid : wanted.keySet()) {
            if (!seen.contains(uid)) {
                sink.failed(uid, new ProtocolException("the server " + server() + " returned no content for item " + uid,
                        null, null));
            }
        }
    }

    private void fetchLarge(IMAPFolder f, RemoteItem item, ItemSink sink) throws IOException {
        ChunkedBody body = new ChunkedBody((offset, length) -> {
            try {
                Argument a = new Argument();
                a.writeAtom(String.valueOf(item.uid()));
                a.writeAtom("(UID BODY.PEEK[]<" + offset + "." + length + ">)");
                for (Response x : run(f, "UID FETCH", a)) {
                    if (x instanceof FetchResponse fr) {
                        UID uid = fr.getItem(UID.class);
                        BODY b = fr.getItem(BODY.class);
                        if (uid != null && uid.uid == item.uid() && b != null) {
                            var bytes = b.getByteArray();
                            return bytes == null ? new byte[0] : java.util.Arrays.copyOfRange(bytes.getBytes(),
                                    bytes.getStart(), bytes.getStart() + bytes.getCount());
                        }
                    }
                }
                return new byte[0];
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }, CHUNK);
        try {
            if (!body.start()) {
                sink.failed(item.uid(), new ProtocolException("the server " + server() + " returned no content for item "
                        + item.uid(), null, null));
                return;
            }
            sink.accept(item, false, body);
        } catch (IOException e) {
            if (e.getCause() instanceof MessagingException me) {
                throw fail("download item " + item.uid(), me);
            }
            throw e;
        }
    }

    // ---- uploads and changes

    @Override
    public synchronized long append(FolderPath folder, Flags flags, Instant internalDate, long size,
                                    ContentSource content) {
        if (size > Integer.MAX_VALUE) {
            throw new ProtocolException("item of " + size + " bytes is too large for APPEND", null, null);
        }
        String name = mailbox(folder);
        Literal literal = new Literal() {
            @Override
            public int size() {
                return (int) size;
            }

            @Override
            public void writeTo(OutputStream os) throws IOException {
                long n;
                try (InputStream in = content.open()) {
                    n = in.transferTo(os);
                }
                if (n != size) {
                    throw new IOException("item changed while being uploaded: " + n + " bytes instead of " + size);
                }
            }
        };
        jakarta.mail.Flags f = FlagCodec.to(flags);
        Date date = internalDate == null ? null : Date.from(internalDate);
        AppendUID uid = (AppendUID) onStore("add an item to '" + folder + "'", p -> p.appenduid(name, f, date, literal));
        return uid == null ? 0 : uid.uid;
    }

    @Override
    public synchronized void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        if (flagsByUid.isEmpty()) {
            return;
        }
        try {
            IMAPFolder f = ensureSelected(folder);
            Map<String, List<Long>> byFlags = new LinkedHashMap<>();
            flagsByUid.forEach((uid, fl) -> byFlags.computeIfAbsent(FlagCodec.list(fl), k -> new ArrayList<>()).add(uid));
            for (Map.Entry<String, List<Long>> e : byFlags.entrySet()) {
                for (String set : Uids.sets(e.getValue(), MAX_SET_CHARS)) {
                    Argument a = new Argument();
                    a.writeAtom(set);
                    a.writeAtom("FLAGS.SILENT");
                    a.writeAtom(e.getKey());
                    run(f, "UID STORE", a);
                }
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("change flags in '" + folder + "'", e);
        }
    }

    @Override
    public synchronized Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        try {
            IMAPFolder f = ensureSelected(from);
            Map<Long, Long> map = new HashMap<>();
            String target = mailbox(to);
            for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                writeMailbox(a, target);
                if (info.has("MOVE")) {
                    Response[] r = run(f, "UID MOVE", a);
                    for (Response x : r) {
                        map.putAll(Uids.copyUid(x.toString()));
                    }
                } else {
                    Response[] r = run(f, "UID COPY", a);
                    map.putAll(Uids.copyUid(r[r.length - 1].toString()));
                    expungeExactly(f, Uids.parse(set));
                }
            }
            return map;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("move items from '" + from + "' to '" + to + "'", e);
        }
    }

    @Override
    public synchronized void delete(FolderPath folder, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        try {
            expungeExactly(ensureSelected(folder), uids);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("delete items of '" + folder + "'", e);
        }
    }

    /**
     * Removes exactly these UIDs (PITFALL 7): UID EXPUNGE with UIDPLUS; without it, other messages
     * flagged \Deleted by another client are unflagged for the EXPUNGE and flagged again after.
     */
    private void expungeExactly(IMAPFolder f, Collection<Long> uids) throws MessagingException {
        for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("+FLAGS.SILENT (\\Deleted)");
            run(f, "UID STORE", a);
        }
        if (info.has("UIDPLUS")) {
            for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                run(f, "UID EXPUNGE", a);
            }
            return;
        }
        Argument q = new Argument();
        q.writeAtom("DELETED");
        Set<Long> others = new TreeSet<>();
        for (long u : searchUids(run(f, "UID SEARCH", q))) {
            others.add(u);
        }
        others.removeAll(uids);
        for (String set : Uids.sets(others, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("-FLAGS.SILENT (\\Deleted)");
            run(f, "UID STORE", a);
        }
        run(f, "EXPUNGE", null);
        for (String set : Uids.sets(others, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("+FLAGS.SILENT (\\Deleted)");
            run(f, "UID STORE", a);
        }
    }

    @Override
    public synchronized List<Long> findByMessageId(FolderPath folder, String messageId) {
        try {
            IMAPFolder f = ensureSelected(folder);
            if (f.getMessageCount() == 0) {
                return List.of();
            }
            Argument a = new Argument();
            a.writeAtom("HEADER");
            a.writeAtom("Message-ID");
            a.writeString(messageId);
            List<Long> out = new ArrayList<>();
            for (long u : searchUids(run(f, "UID SEARCH", a))) {
                out.add(u);
            }
            return out;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("search '" + folder + "'", e);
        }
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }
}
