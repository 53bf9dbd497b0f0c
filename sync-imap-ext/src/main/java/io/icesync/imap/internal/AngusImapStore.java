package io.icesync.imap.internal;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.ProtocolException;
import io.icesync.core.Rights;
import io.icesync.core.Security;
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
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MailEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RemoteStore} over IMAP on Angus Mail. Angus connects, secures, logs in and selects
 * (with QRESYNC where offered); listings, downloads, flag stores, moves and expunges go as compact
 * UID commands whose answers are handled as they arrive, so that a 10,000-message folder costs a
 * handful of round trips and a bounded amount of memory. Per-folder questions of a folder listing
 * (Kolab folder type, MYRIGHTS) are pipelined.
 */
public final class AngusImapStore implements RemoteStore {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);
    /** Items above this size are downloaded in parts of {@link #CHUNK} bytes, one part in memory at a time. */
    static final long LARGE = 2L * 1024 * 1024;
    static final int CHUNK = 1024 * 1024;
    /** Smaller items are fetched together, one UID FETCH per group of about this many bytes. */
    static final long GROUP_BYTES = 6L * 1024 * 1024;
    static final int GROUP_ITEMS = 1000;
    static final int HEADER_GROUP_ITEMS = 250;
    private static final int MAX_SET_CHARS = 900;
    /** Longer (encoded) mailbox names would be sent as literals, which cannot be pipelined. */
    private static final int MAX_PIPELINED_NAME = 1000;
    /** What a folder whose MYRIGHTS went unanswered is taken to allow: reading, so that nothing is written blindly. */
    private static final Rights UNANSWERED_RIGHTS = Rights.parse("lr");
    static final String SHARED_TYPE = "/shared/vendor/kolab/folder-type";
    static final String PRIVATE_TYPE = "/private/vendor/kolab/folder-type";
    /** The spelling IceWarp's own WebClient reads and writes; asked for only when the server says X-ICEWARP-SERVER. */
    static final String ICEWARP_TYPE = "/public/vendor/kolab/folder-type/value.shared";

    private final ImapOptions opt;
    /** Cuts the connections from another thread: {@link #abort()}, and commands past their deadline. */
    private final ConnectionGuard guard;
    private final AtomicInteger greetings = new AtomicInteger();
    private CapturingTrust trust;
    private IceImapStore store;
    private ServerInfo info;
    private char sep = '/';
    private IceImapStore.Folder selected;
    private FolderPath selectedPath;
    private long lastUse;
    /** Cursors from the last LIST-STATUS, for answering "nothing changed" without selecting. */
    private final Map<FolderPath, RemoteCursor> listed = new HashMap<>();
    private long listedAt;

    public AngusImapStore(ImapOptions opt) {
        this.opt = opt;
        this.guard = new ConnectionGuard(opt.commandDeadline(), opt.transferDeadline());
    }

    /** True once the IceWarp connector greeting was sent (only to servers advertising X-ICEWARP-SERVER). */
    public boolean iceWarpHelloSent() {
        return greetings.get() > 0;
    }

    /** How many connections sent the IceWarp connector greeting (the store's and each folder connection). */
    public int iceWarpGreetings() {
        return greetings.get();
    }

    private String server() {
        return opt.server();
    }

    private IceSyncException fail(String what, Throwable e) {
        IceSyncException x = mapped(what, e);
        if (x instanceof ConnectionException) {
            dropConnection();
        }
        return x;
    }

    /** The typed error for a failure; a deadline that passed or an abort explains a closed connection first. */
    private IceSyncException mapped(String what, Throwable e) {
        IceSyncException deadline = guard.passed(server(), e);
        if (deadline != null) {
            return deadline;
        }
        if (guard.aborted()) {
            return new ConnectionException("the connection to " + server() + " was cut while trying to " + what, e);
        }
        return Errors.map(what, server(), opt.login(), e, trust);
    }

    // ---- connection

    /** Connects if needed; also allows connections again after {@link #abort()}. */
    @Override
    public synchronized ServerInfo connect() {
        guard.reset();
        return open();
    }

    private ServerInfo open() {
        if (store != null && info != null) {
            return info;
        }
        dropConnection();
        if (guard.aborted()) {
            throw new ConnectionException("the connection to " + server() + " was cut; no new one is made until the"
                    + " next connect", null);
        }
        try {
            trust = new CapturingTrust(opt.trusted().get()); // read again: a certificate removed since fails now
            Session session = Session.getInstance(properties());
            if (opt.trace() != null) {
                session.setDebugOut(TraceLines.printStream(opt.trace(), opt.password()));
                session.setDebug(true);
            }
            store = new IceImapStore(session, opt.iceWarpHello() ? opt.clientVersion() : null,
                    (accepted, line) -> greetings.incrementAndGet(), guard);
            store.connect(opt.endpoint().host(), opt.endpoint().port(), opt.login(), new String(opt.password()));
            IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
            @SuppressWarnings("unchecked")
            Set<String> names = (Set<String>) root.doCommand(p -> {
                int before = greetings.get();
                ((IceImapStore.Protocol) p).greetOnce();
                if (greetings.get() > before) {
                    // What the connector mode changes is not documented: take the capabilities it leaves.
                    p.capability();
                }
                Set<String> caps = new TreeSet<>();
                p.getCapabilities().values().forEach(c -> caps.add(c.toUpperCase(Locale.ROOT)));
                return caps;
            });
            sep = root.getSeparator();
            info = new ServerInfo(opt.server(), sep, names);
            LOG.info("connected to {} as {} ({})", server(), opt.login(), opt.endpoint().security());
            used();
            return info;
        } catch (Exception e) {
            IceSyncException x = fail("connect and log in as " + opt.login(), e);
            dropConnection();
            throw x;
        }
    }

    private Properties properties() throws java.security.GeneralSecurityException {
        Properties p = new Properties();
        Security sec = opt.endpoint().security();
        p.put("mail.imap.connectiontimeout", String.valueOf(opt.connectTimeout().toMillis()));
        p.put("mail.imap.timeout", String.valueOf(opt.readTimeout().toMillis()));
        // Downloads never set \Seen; certificates and host names are checked.
        p.put("mail.imap.peek", "true");
        p.put("mail.imap.ssl.checkserveridentity", "true");
        // Factories that record each connection's TCP socket, for abort() and the deadlines to close.
        p.put("mail.imap.socketFactory", guard.plain(javax.net.SocketFactory.getDefault()));
        p.put("mail.imap.ssl.socketFactory", guard.tls(trust.socketFactory()));
        p.put("mail.imap.starttls.enable", String.valueOf(sec == Security.STARTTLS));
        p.put("mail.imap.starttls.required", String.valueOf(sec == Security.STARTTLS));
        p.put("mail.imap.ssl.enable", String.valueOf(sec == Security.SSL));
        // Angus' own partial fetches (not used for items, which go through ChunkedBody) stay bounded too.
        p.put("mail.imap.partialfetch", "true");
        p.put("mail.imap.fetchsize", String.valueOf(CHUNK));
        p.put("mail.imap.appendbuffersize", "-1");
        // A shared folder may be read-only: select it anyway (writes then get the server's NO).
        p.put("mail.imap.allowreadonlyselect", "true");
        // The store keeps its own connection; the selected folder reuses one pooled connection.
        p.put("mail.imap.separatestoreconnection", "true");
        p.put("mail.imap.connectionpoolsize", "2");
        // No trace unless asked for (then through TraceLines, masked); never the login exchange.
        p.put("mail.debug", "false");
        p.put("mail.debug.auth", "false");
        return p;
    }

    /**
     * Before each call: connects if needed; a connection the server closed since the last call (a
     * BYE waiting unread, or no answer to a NOOP after a long idle time) is replaced transparently.
     */
    private void begin() {
        if (store == null || info == null) {
            open();
            return;
        }
        boolean probe = System.currentTimeMillis() - lastUse > opt.probeIdleAfter().toMillis();
        boolean storeAlive;
        try {
            storeAlive = alive((IMAPFolder) store.getDefaultFolder(), probe);
        } catch (MessagingException | IllegalStateException e) {
            storeAlive = false;
        }
        if (!storeAlive) {
            LOG.info("the connection to {} was closed since the last call; connecting again", server());
            dropConnection();
            open();
            return;
        }
        if (selected != null && (!selected.connected() || !alive(selected, probe))) {
            closeSelected();
        }
    }

    private jakarta.mail.Folder rootFolder() {
        try {
            return store.getDefaultFolder();
        } catch (MessagingException | IllegalStateException e) {
            // Angus closes a store whose connection failed ("Not connected").
            dropConnection();
            throw new ConnectionException("the connection to " + server() + " was closed", e);
        }
    }

    private static boolean alive(IMAPFolder f, boolean probe) {
        try {
            f.doCommand(p -> {
                if (probe || p.hasResponse()) {
                    p.noop();
                }
                return null;
            });
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void used() {
        lastUse = System.currentTimeMillis();
    }

    private void dropConnection() {
        closeSelected();
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception e) {
            // closing a broken connection
        }
        store = null;
        info = null;
        forgetListing();
    }

    String mailbox(FolderPath p) {
        return p.join(sep);
    }

    /** Runs commands on the store's connection (no mailbox selected there). */
    private Object onStore(String what, IMAPFolder.ProtocolCommand cmd) {
        try {
            return ((IMAPFolder) rootFolder()).doCommand(cmd);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail(what, e);
        }
    }

    /** Runs commands on the selected folder's own connection, never falling back to the store's. */
    private static Object onFolder(IceImapStore.Folder f, IMAPFolder.ProtocolCommand cmd) throws MessagingException {
        if (!f.connected()) {
            throw new jakarta.mail.FolderClosedException(f, "the folder's connection was closed");
        }
        return f.doCommand(cmd);
    }

    private static IceImapStore.Protocol ice(IMAPProtocol p) {
        return (IceImapStore.Protocol) p;
    }

    private static Argument mailboxArg(IMAPProtocol p, String name) {
        Argument a = new Argument();
        ice(p).writeMailbox(a, name);
        return a;
    }

    // ---- folders

    @Override
    public synchronized List<Folder> folders() {
        begin();
        try {
            List<ListInfo> infos = new ArrayList<>();
            Map<String, Status> statuses = new HashMap<>();
            boolean modseq = info.has("CONDSTORE") || info.has("QRESYNC");
            onStore("list folders", p -> {
                Argument a = new Argument();
                a.writeString("");
                a.writeString("*");
                List<String> ret = new ArrayList<>();
                if (p.hasCapability("LIST-EXTENDED")) {
                    if (p.hasCapability("SPECIAL-USE")) {
                        ret.add("SPECIAL-USE");
                    }
                    if (p.hasCapability("LIST-STATUS")) {
                        ret.add("STATUS (UIDVALIDITY UIDNEXT" + (modseq ? " HIGHESTMODSEQ)" : ")"));
                    }
                }
                if (!ret.isEmpty()) {
                    a.writeAtom("RETURN (" + String.join(" ", ret) + ")");
                }
                Wire.run(p, "LIST", a, r -> {
                    if (!(r instanceof IMAPResponse ir)) {
                        return false;
                    }
                    try {
                        if (ir.keyEquals("LIST")) {
                            infos.add(new ListInfo(ir));
                            return true;
                        }
                        if (ir.keyEquals("STATUS")) {
                            Status s = new Status(ir);
                            statuses.put(s.mbox, s);
                            return true;
                        }
                    } catch (ParsingException e) {
                        LOG.warn("{} sent a LIST answer IceSync cannot read: {}", server(), r);
                        return true;
                    }
                    return false;
                });
                return null;
            });
            Map<String, FolderPath> names = new LinkedHashMap<>();
            Map<String, Set<String>> attrsByName = new HashMap<>();
            for (ListInfo li : infos) {
                Set<String> attrs = new HashSet<>();
                for (String x : li.attrs) {
                    attrs.add(x.toLowerCase(Locale.ROOT));
                }
                if (attrs.contains("\\noselect") || attrs.contains("\\nonexistent")) {
                    continue;
                }
                String name = li.name;
                char s = li.separator == '\0' ? sep : li.separator;
                while (name.length() > 1 && name.charAt(name.length() - 1) == s) {
                    name = name.substring(0, name.length() - 1);
                }
                try {
                    names.putIfAbsent(name, FolderPath.parse(name, s));
                    attrsByName.put(name, attrs);
                } catch (IllegalArgumentException e) {
                    LOG.warn("left out the folder '{}' of {}: its name has an empty level", name, server());
                }
            }
            boolean metadata = opt.folderKinds() && info.has("METADATA");
            boolean acl = info.has("ACL");
            Map<String, FolderKind> kinds = new HashMap<>();
            Map<String, Rights> rights = new HashMap<>();
            if ((metadata || acl) && !names.isEmpty()) {
                onStore("read folder types and rights", p -> {
                    perFolder(p, names.keySet(), metadata, acl, kinds, rights);
                    return null;
                });
            }
            List<Folder> out = new ArrayList<>();
            forgetListing();
            for (Map.Entry<String, FolderPath> e : names.entrySet()) {
                String name = e.getKey();
                SpecialUse use = name.equalsIgnoreCase("INBOX") ? SpecialUse.INBOX : specialUse(attrsByName.get(name));
                FolderKind kind = opt.kindOverrides().get(e.getValue());
                if (kind == null) {
                    kind = kinds.get(name);
                }
                if (kind == null) {
                    // A server that cannot type folders (no METADATA): the folder's name says it.
                    FolderKind guessed = metadata || !opt.folderKinds() ? null : byName(e.getValue());
                    kind = guessed != null ? guessed : FolderKind.MAIL;
                }
                Rights r = acl ? rights.getOrDefault(name, UNANSWERED_RIGHTS) : Rights.ALL;
                out.add(new Folder(e.getValue(), kind, use, r));
                Status st = statuses.get(name);
                if (st != null && st.uidvalidity > 0 && st.uidnext > 0) {
                    listed.put(e.getValue(), new RemoteCursor(st.uidvalidity, modseq ? Math.max(0, st.highestmodseq) : 0,
                            st.uidnext));
                }
            }
            listedAt = System.currentTimeMillis();
            out.sort(Comparator.comparing(Folder::path));
            return out;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("list folders", e);
        } finally {
            used();
        }
    }

    /**
     * GETMETADATA (Kolab folder type) and MYRIGHTS for every folder, pipelined: RFC 5464 and 4314
     * take one mailbox per command, and one round trip each would make a 500-folder listing slow.
     */
    private void perFolder(IMAPProtocol p, Collection<String> names, boolean metadata, boolean acl,
                           Map<String, FolderKind> kinds, Map<String, Rights> rights)
            throws org.eclipse.angus.mail.iap.ProtocolException {
        IceImapStore.Protocol ip = ice(p);
        List<Wire.Cmd<String>> pipelined = new ArrayList<>();
        List<Wire.Cmd<String>> alone = new ArrayList<>();
        for (String name : names) {
            List<Wire.Cmd<String>> to = ip.encodedLength(name) > MAX_PIPELINED_NAME ? alone : pipelined;
            if (metadata) {
                Argument a = mailboxArg(p, name);
                a.writeAtom("(" + SHARED_TYPE + " " + PRIVATE_TYPE + (iceWarp() ? " " + ICEWARP_TYPE : "") + ")");
                to.add(new Wire.Cmd<>(name, "GETMETADATA", a));
            }
            if (acl) {
                to.add(new Wire.Cmd<>(name, "MYRIGHTS", mailboxArg(p, name)));
            }
        }
        Map<String, String[]> types = new HashMap<>();
        Predicate<Response> mine = r -> {
            if (!(r instanceof IMAPResponse ir)) {
                return false;
            }
            try {
                if (ir.keyEquals("METADATA")) {
                    readMetadata(ip, ir, types);
                    return true;
                }
                if (ir.keyEquals("MYRIGHTS")) {
                    String mbox = ir.readAtomString();
                    String letters = ir.readAtomString();
                    if (mbox != null && letters != null) {
                        rights.put(ip.decodeMailbox(mbox), Rights.parse(letters));
                    }
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debug("{} sent an answer IceSync cannot read: {}", server(), r);
                return true;
            }
            return false;
        };
        Wire.pipeline(p, pipelined, mine, (name, done) -> {
            if (!done.isOK()) {
                LOG.debug("{} answered {} for folder '{}'", server(), done, name);
            }
        });
        for (Wire.Cmd<String> c : alone) {
            try {
                Wire.run(p, c.command(), c.args(), mine);
            } catch (CommandFailedException | org.eclipse.angus.mail.iap.BadCommandException e) {
                LOG.debug("{} refused {} for folder '{}': {}", server(), c.command(), c.key(), e.getMessage());
            }
        }
        types.forEach((name, v) -> {
            FolderKind k = FolderTypes.ofValue(v[0]);
            if (k == null) {
                k = FolderTypes.ofValue(v[1]);
            }
            if (k == null) {
                k = FolderTypes.ofValue(v[2]);
            }
            kinds.put(name, k == null ? FolderKind.MAIL : k);
        });
    }

    /** "* METADATA mbox (entry value entry value ...)": the shared and private folder types. */
    private static void readMetadata(IceImapStore.Protocol ip, IMAPResponse ir, Map<String, String[]> types) {
        String wire = ir.readAtomString();
        if (wire == null) {
            return;
        }
        String mbox = ip.decodeMailbox(wire);
        ir.skipSpaces();
        if (ir.readByte() != '(') {
            return; // an unsolicited "entries changed" notice: no values
        }
        String[] v = types.computeIfAbsent(mbox, k -> new String[3]);
        for (int guard = 0; guard < 64; guard++) {
            ir.skipSpaces();
            byte b = ir.peekByte();
            if (b == ')' || b == 0) {
                return;
            }
            String entry = ir.readAtomString();
            String value = ir.readString();
            if (entry == null) {
                return;
            }
            if (entry.equalsIgnoreCase(SHARED_TYPE)) {
                v[0] = value;
            } else if (entry.equalsIgnoreCase(PRIVATE_TYPE)) {
                v[1] = value;
            } else if (entry.equalsIgnoreCase(ICEWARP_TYPE)) {
                v[2] = value;
            }
        }
    }

    private static SpecialUse specialUse(Set<String> attrs) {
        if (attrs == null) {
            return SpecialUse.NONE;
        }
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

    /** The LIST attributes of exactly this folder, or null when the server does not know it. */
    private Set<String> listOne(FolderPath path) {
        String name = mailbox(path);
        Set<String> found = new HashSet<>();
        boolean[] seen = {false};
        onStore("look up folder '" + path + "'", p -> {
            Argument a = new Argument();
            a.writeString("");
            ice(p).writeMailbox(a, name);
            Wire.run(p, "LIST", a, r -> {
                if (r instanceof IMAPResponse ir && ir.keyEquals("LIST")) {
                    try {
                        ListInfo li = new ListInfo(ir);
                        if (li.name.equals(name) || (name.equalsIgnoreCase("INBOX") && li.name.equalsIgnoreCase(name))) {
                            seen[0] = true;
                            for (String x : li.attrs) {
                                found.add(x.toLowerCase(Locale.ROOT));
                            }
                        }
                    } catch (ParsingException e) {
                        // not ours to read
                    }
                    return true;
                }
                return false;
            });
            return null;
        });
        return seen[0] && !found.contains("\\nonexistent") ? found : null;
    }

    private static boolean placeholder(Set<String> attrs) {
        return attrs.contains("\\noselect");
    }

    @Override
    public synchronized void createFolder(FolderPath path, FolderKind kind) {
        begin();
        try {
            ensureFolder(path);
            if (kind != FolderKind.MAIL && info.has("METADATA")) {
                String name = mailbox(path);
                onStore("set the type of folder '" + path + "'", p -> {
                    Argument a = mailboxArg(p, name);
                    String value = "\"" + FolderTypes.name(kind) + "\"";
                    // IceWarp's WebClient reads its own spelling; other servers get the Kolab entry alone.
                    a.writeAtom("(" + SHARED_TYPE + " " + value + (iceWarp() ? " " + ICEWARP_TYPE + " " + value : "") + ")");
                    return Wire.run(p, "SETMETADATA", a, null);
                });
            }
        } finally {
            forgetListing();
            used();
        }
    }

    private FolderKind byName(FolderPath path) {
        if (opt.defaultNames() == null) {
            return FolderKind.ofDefaultName(path);
        }
        return path.names().size() == 1 ? opt.defaultNames().get(path.names().get(0).toLowerCase(java.util.Locale.ROOT)) : null;
    }

    private boolean iceWarp() {
        return info.has("X-ICEWARP-SERVER");
    }

    /** Creates the folder, and its parents when the server does not know them; a \Noselect placeholder becomes a folder. */
    private void ensureFolder(FolderPath path) {
        Set<String> attrs = listOne(path);
        if (attrs != null && !placeholder(attrs)) {
            return;
        }
        if (attrs == null && path.depth() > 1 && listOne(path.parent()) == null) {
            ensureFolder(path.parent());
        }
        String name = mailbox(path);
        try {
            onStore("create folder '" + path + "'", p -> Wire.run(p, "CREATE", mailboxArg(p, name), null));
        } catch (ProtocolException e) {
            if (e.serverLine() != null && e.serverLine().toUpperCase(Locale.ROOT).contains("ALREADYEXISTS")) {
                return; // another client was faster
            }
            throw e;
        }
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        begin();
        try {
            if (selectedPath != null && selectedPath.startsWith(from)) {
                closeSelected();
            }
            if (to.depth() > 1 && listOne(to.parent()) == null) {
                ensureFolder(to.parent());
            }
            String a = mailbox(from);
            String b = mailbox(to);
            try {
                onStore("rename folder '" + from + "' to '" + to + "'", p -> {
                    Argument args = mailboxArg(p, a);
                    ice(p).writeMailbox(args, b);
                    return Wire.run(p, "RENAME", args, null);
                });
            } catch (ProtocolException e) {
                if (listOne(from) == null) {
                    throw new FolderNotFoundException(from, "server " + server());
                }
                throw e;
            }
        } finally {
            forgetListing();
            used();
        }
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        begin();
        try {
            if (selectedPath != null && selectedPath.startsWith(path)) {
                closeSelected();
            }
            String name = mailbox(path);
            try {
                onStore("delete folder '" + path + "'", p -> Wire.run(p, "DELETE", mailboxArg(p, name), null));
            } catch (ProtocolException e) {
                Set<String> attrs = listOne(path);
                if (attrs == null || placeholder(attrs)) {
                    return; // gone already: deleting is done
                }
                throw e;
            }
        } finally {
            forgetListing();
            used();
        }
    }

    // ---- selection

    private void closeSelected() {
        if (selected != null) {
            try {
                if (selected.connected()) {
                    selected.close(false);
                }
            } catch (Exception e) {
                // the next command reports a broken connection
            }
        }
        selected = null;
        selectedPath = null;
    }

    /** Selects a folder (read-write where allowed), with QRESYNC data when given; returns the events the SELECT reported. */
    private List<MailEvent> select(FolderPath path, ResyncData rd) throws MessagingException {
        closeSelected();
        IceImapStore.Folder f;
        try {
            f = (IceImapStore.Folder) store.getFolder(mailbox(path));
        } catch (IllegalStateException e) {
            dropConnection();
            throw new ConnectionException("the connection to " + server() + " was closed", e);
        }
        List<MailEvent> events;
        try {
            events = f.open(jakarta.mail.Folder.READ_WRITE, rd);
        } catch (jakarta.mail.FolderNotFoundException e) {
            throw new FolderNotFoundException(path, "server " + server());
        }
        selected = f;
        selectedPath = path;
        return events == null ? List.of() : events;
    }

    private IceImapStore.Folder ensureSelected(FolderPath path) throws MessagingException {
        if (selected == null || !path.equals(selectedPath) || !selected.connected()) {
            select(path, info.has("CONDSTORE") || info.has("QRESYNC") ? ResyncData.CONDSTORE : null);
        }
        return selected;
    }

    private static Response run(IceImapStore.Folder f, String command, Argument args, Predicate<Response> mine)
            throws MessagingException {
        return (Response) onFolder(f, p -> Wire.run(p, command, args, mine));
    }

    private void forget(FolderPath folder) {
        listed.remove(folder);
    }

    private void forgetListing() {
        listed.clear();
    }

    // ---- listings

    @Override
    public synchronized RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        begin();
        try {
            boolean qresync = info.has("QRESYNC");
            boolean condstore = info.has("CONDSTORE") || qresync;
            boolean incremental = since != null && condstore && since.highestModSeq() > 0;
            if (incremental && qresync && since.equals(listedCursor(folder))) {
                // The folder listing just said so (LIST-STATUS); with QRESYNC an expunge moves HIGHESTMODSEQ too.
                return new RemoteChanges(since, false, List.of(), null, null);
            }
            List<MailEvent> events = select(folder, incremental && qresync
                    ? new ResyncData(since.uidValidity(), since.highestModSeq())
                    : condstore ? ResyncData.CONDSTORE : null);
            IceImapStore.Folder f = selected;
            RemoteCursor now = new RemoteCursor(f.getUIDValidity(), condstore ? Math.max(0, f.getHighestModSeq()) : 0,
                    f.getUIDNext());
            if (!incremental || now.uidValidity() != since.uidValidity()) {
                return RemoteChanges.complete(now, list(f, null, withMessageIds));
            }
            List<RemoteItem> changed = now.highestModSeq() == since.highestModSeq() ? List.of()
                    : list(f, since.highestModSeq(), withMessageIds);
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
        } finally {
            used();
        }
    }

    private RemoteCursor listedCursor(FolderPath folder) {
        if (System.currentTimeMillis() - listedAt > opt.statusCacheTtl().toMillis()) {
            return null;
        }
        return listed.get(folder);
    }

    /** One UID FETCH for the whole folder (or what changed since a modseq), read as it arrives. */
    private List<RemoteItem> list(IceImapStore.Folder f, Long changedSince, boolean ids) throws MessagingException {
        if (f.count() == 0) {
            return List.of();
        }
        Argument a = new Argument();
        a.writeAtom("1:*");
        a.writeAtom("(UID FLAGS RFC822.SIZE INTERNALDATE" + (ids ? " BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])" : ")"));
        if (changedSince != null) {
            a.writeAtom("(CHANGEDSINCE " + changedSince + ")");
        }
        Map<Long, RemoteItem> out = new LinkedHashMap<>();
        run(f, "UID FETCH", a, r -> {
            if (!(r instanceof FetchResponse fr)) {
                return false;
            }
            UID uid = fr.getItem(UID.class);
            jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
            if (uid == null || flags == null) {
                return false;
            }
            RFC822SIZE size = fr.getItem(RFC822SIZE.class);
            if (size == null) {
                // An unsolicited flag change (another client) arriving mid-listing: keep the newer flags.
                RemoteItem known = out.get(uid.uid);
                if (known != null) {
                    out.put(uid.uid, new RemoteItem(uid.uid, FlagCodec.of(flags), known.size(), known.internalDate(),
                            known.messageId()));
                }
                return true;
            }
            INTERNALDATE date = fr.getItem(INTERNALDATE.class);
            String mid = null;
            if (ids) {
                BODY b = fr.getItem(BODY.class);
                if (b != null) {
                    try {
                        mid = MessageHeaders.messageId(b.getByteArrayInputStream());
                    } catch (IOException e) {
                        mid = null; // an in-memory stream does not fail
                    }
                }
            }
            out.put(uid.uid, new RemoteItem(uid.uid, FlagCodec.of(flags), size.size,
                    date == null || date.getDate() == null ? null : date.getDate().toInstant(), mid));
            return true;
        });
        return new ArrayList<>(out.values());
    }

    private long[] allUids(IceImapStore.Folder f) throws MessagingException {
        if (f.count() == 0) {
            return new long[0];
        }
        Argument a = new Argument();
        a.writeAtom("ALL");
        return search(f, a).stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static List<Long> search(IceImapStore.Folder f, Argument criteria) throws MessagingException {
        List<Long> out = new ArrayList<>();
        run(f, "UID SEARCH", criteria, r -> {
            if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                out.addAll(Wire.searchUids(r));
                return true;
            }
            return false;
        });
        return out;
    }

    @Override
    public synchronized RemoteCursor status(FolderPath folder) {
        begin();
        String name = mailbox(folder);
        try {
            return (RemoteCursor) onStore("read the status of '" + folder + "'", p -> {
                boolean modseq = p.hasCapability("CONDSTORE") || p.hasCapability("QRESYNC");
                String[] items = modseq ? new String[] {"UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ"}
                        : new String[] {"UIDVALIDITY", "UIDNEXT"};
                Status s = p.status(name, items);
                return new RemoteCursor(s.uidvalidity, modseq ? Math.max(0, s.highestmodseq) : 0, s.uidnext);
            });
        } catch (ProtocolException e) {
            if (listOne(folder) == null) {
                throw new FolderNotFoundException(folder, "server " + server());
            }
            throw e;
        } finally {
            used();
        }
    }

    // ---- downloads

    @Override
    public synchronized void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        begin();
        try {
            if (items.isEmpty()) {
                return;
            }
            IceImapStore.Folder f = ensureSelected(folder);
            List<RemoteItem> group = new ArrayList<>();
            long bytes = 0;
            for (RemoteItem r : items) {
                // An item of unknown size goes in parts too: nothing unbounded is ever read whole.
                if (mode == FetchMode.FULL && (r.size() > LARGE || r.size() <= 0)) {
                    fetchGroup(f, group, mode, sink);
                    group.clear();
                    bytes = 0;
                    fetchLarge(f, r, sink);
                    continue;
                }
                long cost = mode == FetchMode.FULL ? r.size() : 0;
                int max = mode == FetchMode.FULL ? GROUP_ITEMS : HEADER_GROUP_ITEMS;
                if (!group.isEmpty() && (bytes + cost > GROUP_BYTES || group.size() >= max)) {
                    fetchGroup(f, group, mode, sink);
                    group.clear();
                    bytes = 0;
                }
                group.add(r);
                bytes += cost;
            }
            fetchGroup(f, group, mode, sink);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("download items of '" + folder + "'", e);
        } finally {
            used();
        }
    }

    /** One UID FETCH for a group bounded in bytes; the items go to the sink in the order asked. */
    private void fetchGroup(IceImapStore.Folder f, List<RemoteItem> group, FetchMode mode, ItemSink sink)
            throws MessagingException {
        if (group.isEmpty()) {
            return;
        }
        String section = mode == FetchMode.HEADERS ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]";
        Set<Long> wanted = new HashSet<>();
        group.forEach(r -> wanted.add(r.uid()));
        Map<Long, FetchResponse> got = new HashMap<>();
        for (String set : Uids.sets(wanted, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("(UID FLAGS " + section + ")");
            run(f, "UID FETCH", a, r -> {
                if (r instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    if (uid != null && fr.getItem(BODY.class) != null && wanted.contains(uid.uid)) {
                        got.putIfAbsent(uid.uid, fr);
                        return true;
                    }
                }
                return false;
            });
        }
        Set<Long> done = new HashSet<>();
        for (RemoteItem asked : group) {
            if (!done.add(asked.uid())) {
                continue;
            }
            FetchResponse fr = got.remove(asked.uid());
            if (fr == null) {
                sink.failed(asked.uid(), new ProtocolException("the server " + server() + " returned no content for item "
                        + asked.uid() + " (gone?)", null, null));
                continue;
            }
            jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
            RemoteItem item = new RemoteItem(asked.uid(), flags == null ? asked.flags() : FlagCodec.of(flags),
                    asked.size(), asked.internalDate(), asked.messageId());
            deliver(sink, item, mode == FetchMode.HEADERS, fr.getItem(BODY.class).getByteArrayInputStream(), null);
        }
    }

    /**
     * Hands one item to the sink. An I/O error of the sink's own is a local store error; a download
     * that broke off is the connection's (thrown) or the item's (reported to the sink as failed).
     */
    private void deliver(ItemSink sink, RemoteItem item, boolean partial, InputStream in, IOException[] downloadError) {
        Exception sinkError = null;
        try (InputStream content = in) {
            sink.accept(item, partial, content);
        } catch (IOException | RuntimeException e) {
            sinkError = e;
        }
        IOException broken = downloadError == null ? null : downloadError[0];
        if (broken != null) {
            IceSyncException x = mapped("download item " + item.uid(), broken.getCause());
            if (x instanceof ConnectionException) {
                dropConnection();
                throw x;
            }
            if (sinkError != null) {
                sink.failed(item.uid(), x);
            }
            return; // the sink saw the read fail, so it kept nothing of this item
        }
        if (sinkError instanceof IOException io) {
            throw new StoreException("could not store item " + item.uid() + " from " + server() + ": " + io.getMessage(), io);
        }
        if (sinkError != null) {
            throw (RuntimeException) sinkError;
        }
    }

    private void fetchLarge(IceImapStore.Folder f, RemoteItem item, ItemSink sink) {
        IOException[] error = {null};
        ChunkedBody body = new ChunkedBody((offset, length) -> {
            try {
                byte[] part = part(f, item.uid(), offset, length);
                if (part.length == 0 && offset > 0 && item.size() > 0 && offset < item.size()) {
                    throw new MessagingException("item " + item.uid() + " ended at byte " + offset + " of " + item.size()
                            + " (expunged while it was downloaded?)");
                }
                return part;
            } catch (MessagingException | RuntimeException e) {
                error[0] = new IOException("download of item " + item.uid() + " broke off at byte " + offset + ": "
                        + e.getMessage(), e);
                throw error[0];
            }
        }, CHUNK);
        boolean any;
        try {
            any = body.start();
        } catch (IOException e) {
            throw fail("download item " + item.uid(), e.getCause());
        }
        if (!any) {
            sink.failed(item.uid(), new ProtocolException("the server " + server() + " returned no content for item "
                    + item.uid() + " (gone?)", null, null));
            return;
        }
        deliver(sink, item, false, body, error);
    }

    /** {@code BODY.PEEK[]<offset.length>} of one item; empty when the server sent nothing for it. */
    private static byte[] part(IceImapStore.Folder f, long uid, long offset, int length) throws MessagingException {
        Argument a = new Argument();
        a.writeAtom(String.valueOf(uid));
        a.writeAtom("(UID BODY.PEEK[]<" + offset + "." + length + ">)");
        byte[][] out = {new byte[0]};
        run(f, "UID FETCH", a, r -> {
            if (r instanceof FetchResponse fr) {
                UID u = fr.getItem(UID.class);
                BODY b = fr.getItem(BODY.class);
                if (u != null && u.uid == uid && b != null) {
                    var bytes = b.getByteArray();
                    out[0] = bytes == null ? new byte[0] : java.util.Arrays.copyOfRange(bytes.getBytes(),
                            bytes.getStart(), bytes.getStart() + bytes.getCount());
                    return true;
                }
            }
            return false;
        });
        return out[0];
    }

    // ---- uploads and changes

    @Override
    public synchronized long append(FolderPath folder, Flags flags, Instant internalDate, long size,
                                    ContentSource content) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an item of " + size + " bytes cannot be appended over IMAP");
        }
        begin();
        String name = mailbox(folder);
        IOException[] local = {null};
        Literal literal = new Literal() {
            @Override
            public int size() {
                return (int) size;
            }

            @Override
            public void writeTo(OutputStream os) throws IOException {
                try {
                    copyExactly(content, os, size);
                } catch (IOException e) {
                    local[0] = e;
                    throw e;
                }
            }
        };
        jakarta.mail.Flags f = FlagCodec.to(flags, iceWarp());
        Date date = internalDate == null ? null : Date.from(internalDate);
        try {
            AppendUID uid = (AppendUID) ((IMAPFolder) rootFolder()).doCommand(p -> p.appenduid(name, f, date, literal));
            return uid == null ? 0 : uid.uid;
        } catch (Exception e) {
            if (local[0] != null) {
                // Part of the literal went out: the connection cannot be used any more.
                dropConnection();
                throw new StoreException("could not read the item to add to '" + folder + "': " + local[0].getMessage(),
                        local[0]);
            }
            if (tryCreate(e)) {
                throw new FolderNotFoundException(folder, "server " + server());
            }
            throw fail("add an item to '" + folder + "'", e);
        } finally {
            forget(folder);
            used();
        }
    }

    /** Writes exactly {@code size} bytes; content that turns out shorter or longer fails before the literal completes. */
    static void copyExactly(ContentSource content, OutputStream os, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        try (InputStream in = content.open()) {
            if (left == 0 && in.read() >= 0) {
                throw new IOException("the item is longer than its size of 0 bytes");
            }
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("the item ended after " + (size - left) + " of its " + size + " bytes");
                }
                left -= n;
                if (left == 0 && in.read() >= 0) {
                    throw new IOException("the item is longer than its size of " + size + " bytes");
                }
                os.write(buf, 0, n);
            }
        }
    }

    private static boolean tryCreate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CommandFailedException && String.valueOf(c.getMessage()).toUpperCase(Locale.ROOT)
                    .contains("TRYCREATE")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        if (flagsByUid.isEmpty()) {
            return;
        }
        begin();
        try {
            IceImapStore.Folder f = ensureSelected(folder);
            // One STORE per distinct target: items that end with the same flags go together.
            Map<String, List<Long>> byFlags = new LinkedHashMap<>();
            flagsByUid.forEach((uid, fl) -> byFlags.computeIfAbsent(FlagCodec.list(fl, iceWarp()), k -> new ArrayList<>()).add(uid));
            for (Map.Entry<String, List<Long>> e : byFlags.entrySet()) {
                for (String set : Uids.sets(e.getValue(), MAX_SET_CHARS)) {
                    Argument a = new Argument();
                    a.writeAtom(set);
                    a.writeAtom("FLAGS.SILENT");
                    a.writeAtom(e.getKey());
                    // CONDSTORE servers answer .SILENT stores with FETCH (MODSEQ): nothing to keep.
                    run(f, "UID STORE", a, r -> r instanceof FetchResponse);
                }
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("change flags in '" + folder + "'", e);
        } finally {
            forget(folder);
            used();
        }
    }

    @Override
    public synchronized Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        begin();
        try {
            IceImapStore.Folder f = ensureSelected(from);
            Map<Long, Long> map = new HashMap<>();
            String target = mailbox(to);
            boolean move = info.has("MOVE");
            for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
                List<String> lines = new ArrayList<>();
                Response done = (Response) onFolder(f, p -> {
                    Argument a = new Argument();
                    a.writeAtom(set);
                    ice(p).writeMailbox(a, target);
                    return Wire.run(p, move ? "UID MOVE" : "UID COPY", a, r -> {
                        if (r.toString().toUpperCase(Locale.ROOT).contains("[COPYUID ")) {
                            lines.add(r.toString());
                        }
                        return false;
                    });
                });
                lines.add(done.toString());
                lines.forEach(l -> map.putAll(Uids.copyUid(l)));
                if (!move) {
                    expungeExactly(f, Uids.parse(set));
                }
            }
            return map;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            if (tryCreate(e)) {
                throw new FolderNotFoundException(to, "server " + server());
            }
            throw fail("move items from '" + from + "' to '" + to + "'", e);
        } finally {
            forget(from);
            forget(to);
            used();
        }
    }

    @Override
    public synchronized void delete(FolderPath folder, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        begin();
        try {
            expungeExactly(ensureSelected(folder), uids);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("delete items of '" + folder + "'", e);
        } finally {
            forget(folder);
            used();
        }
    }

    /**
     * Removes exactly these UIDs (PITFALL 7): UID EXPUNGE with UIDPLUS; without it, other messages
     * flagged \Deleted by another client are unflagged for the EXPUNGE and flagged again after.
     */
    private void expungeExactly(IceImapStore.Folder f, Collection<Long> uids) throws MessagingException {
        for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("+FLAGS.SILENT (\\Deleted)");
            run(f, "UID STORE", a, r -> r instanceof FetchResponse);
        }
        if (info.has("UIDPLUS")) {
            for (String set : Uids.sets(uids, MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                run(f, "UID EXPUNGE", a, null);
            }
            return;
        }
        Argument q = new Argument();
        q.writeAtom("DELETED");
        Set<Long> others = new TreeSet<>(search(f, q));
        others.removeAll(new HashSet<>(uids));
        for (String set : Uids.sets(others, MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("-FLAGS.SILENT (\\Deleted)");
            run(f, "UID STORE", a, r -> r instanceof FetchResponse);
        }
        try {
            run(f, "EXPUNGE", null, null);
        } finally {
            for (String set : Uids.sets(others, MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                a.writeAtom("+FLAGS.SILENT (\\Deleted)");
                run(f, "UID STORE", a, r -> r instanceof FetchResponse);
            }
        }
    }

    @Override
    public synchronized List<Long> findByMessageId(FolderPath folder, String messageId) {
        begin();
        try {
            IceImapStore.Folder f = ensureSelected(folder);
            if (f.count() == 0) {
                return List.of();
            }
            Argument a = new Argument();
            a.writeAtom("HEADER");
            a.writeAtom("Message-ID");
            a.writeString(messageId);
            return search(f, a).stream().sorted().toList();
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail("search '" + folder + "'", e);
        } finally {
            used();
        }
    }

    /** Closes the sockets without waiting for a call in progress, which then fails; see {@link RemoteStore#abort()}. */
    @Override
    public void abort() {
        guard.abort();
    }

    /** Cuts a call in progress first, so that closing never waits for a server that hangs. */
    @Override
    public void close() {
        guard.abort();
        synchronized (this) {
            dropConnection();
        }
    }

    @Override
    public String toString() {
        return opt.toString();
    }
}
