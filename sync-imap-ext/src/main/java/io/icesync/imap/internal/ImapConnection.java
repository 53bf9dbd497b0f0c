package io.icesync.imap.internal;

import io.icesync.core.ConnectionException;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.Security;
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MailEvent;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of an {@link AngusImapStore}: Angus' store (its own connection) and the selected
 * folder (a pooled one), opened, checked and replaced as needed, the selected folder, the cursors of
 * the last folder listing, and the mapping of failures to typed errors. Not thread-safe: the store
 * serialises calls, except {@link #abort()}.
 */
final class ImapConnection {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);
    /** Items are read in parts of this many bytes (Angus' own partial fetches too). */
    static final int CHUNK = 1024 * 1024;
    /** The longest UID set written in one command. */
    static final int MAX_SET_CHARS = 900;

    final ImapOptions opt;
    /** Cuts the connections from another thread: {@link #abort()}, and commands past their deadline. */
    private final ConnectionGuard guard;
    private final AtomicInteger greetings = new AtomicInteger();
    /** The token login of a token access, kept across connections (the last good token); null for a password. */
    private final io.icesync.core.mail.TokenLogin tokens;
    CapturingTrust trust;
    /** The proxy of the current connections, asked again at each new one ({@code system()} may change). */
    MailProxy proxy;
    IceImapStore store;
    ServerInfo info;
    char sep = '/';
    IceImapStore.Folder selected;
    FolderPath selectedPath;
    private long lastUse;
    /** Counters from the last LIST-STATUS, for answering "nothing changed" without selecting. */
    final Map<FolderPath, Counters> listed = new HashMap<>();
    long listedAt;
    /**
     * Each folder's counters as its last SELECT by {@code changes} found them: the message count that went
     * with a cursor, which tells an expunge on a server whose HIGHESTMODSEQ does not move for one.
     */
    final Map<FolderPath, Counters> selectedCounters = new HashMap<>();

    /** A folder's cursor and message count, read in one answer (LIST-STATUS, STATUS or SELECT). */
    record Counters(RemoteCursor cursor, long messages) {
    }

    ImapConnection(ImapOptions opt) {
        this.opt = opt;
        this.guard = new ConnectionGuard(opt.commandDeadline(), opt.transferDeadline());
        this.tokens = opt.tokens() == null ? null : new io.icesync.core.mail.TokenLogin(opt.tokens(), opt.login());
    }

    /** True once the IceWarp connector greeting was sent (only to servers advertising X-ICEWARP-SERVER). */
    boolean iceWarpHelloSent() {
        return greetings.get() > 0;
    }

    /** How many connections sent the IceWarp connector greeting (the store's and each folder connection). */
    int iceWarpGreetings() {
        return greetings.get();
    }

    String server() {
        return opt.server();
    }

    IceSyncException fail(String what, Throwable e) {
        IceSyncException x = mapped(what, e);
        if (x instanceof ConnectionException) {
            dropConnection();
        }
        return x;
    }

    /** The typed error for a failure; a deadline that passed or an abort explains a closed connection first. */
    /** Whether the connections were cut on purpose (a cancel, a close, a deadline). */
    boolean aborted() {
        return guard.aborted();
    }

    IceSyncException mapped(String what, Throwable e) {
        IceSyncException deadline = guard.passed(server(), e);
        if (deadline != null) {
            return deadline;
        }
        IceSyncException oversized = guard.oversized(server(), what, e);
        if (oversized != null) {
            return oversized;
        }
        if (guard.aborted()) {
            return new ConnectionException("the connection to " + server() + " was cut while trying to " + what, e);
        }
        ConnectionException viaProxy = proxy == null ? null : proxy.failure(server(), e);
        if (viaProxy != null) {
            return viaProxy;
        }
        return Errors.map(what, server(), opt.login(), e, trust);
    }

    /** Connects if needed; also allows connections again after {@link #abort()}. */
    /**
     * Angus reports a NO to STARTTLS as a refused login. No certificate was seen yet then, so the
     * password never left: say what happened instead.
     */
    private ConnectionException starttlsRefused(Exception e) {
        if (opt.endpoint().security() != Security.STARTTLS || trust == null || !trust.lastChain().isEmpty()) {
            return null;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof jakarta.mail.AuthenticationFailedException) {
                String said = Errors.clean(c.getMessage());
                return new ConnectionException("the server " + server() + " refused STARTTLS"
                        + (said == null || said.isBlank() ? "" : " (" + said + ")") + "; nothing was sent in clear."
                        + " Connect with implicit TLS (security ssl, usually port 993) or ask its administrator", e);
            }
        }
        return null;
    }

    ServerInfo connect() {
        guard.reset();
        return open();
    }

    ServerInfo open() {
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
            proxy = MailProxy.of(opt.proxy(), opt.endpoint().host(), opt.endpoint().port());
            Session session = Session.getInstance(properties());
            if (opt.trace() != null) {
                session.setDebugOut(TraceLines.printStream(opt.trace(), opt.password()));
                session.setDebug(true);
            }
            store = new IceImapStore(session, opt.iceWarpHello() ? opt.clientVersion() : null,
                    (accepted, line) -> greetings.incrementAndGet(), guard, tokens);
            // With tokens, the protocol takes each token from the token login: Angus only needs a password to hold.
            store.connect(opt.endpoint().host(), opt.endpoint().port(), opt.login(),
                    tokens != null ? "(access token)" : new String(opt.password()));
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
            IceSyncException x = starttlsRefused(e);
            if (x == null) {
                x = fail("connect and log in as " + opt.login(), e);
            }
            dropConnection();
            throw x;
        }
    }

    Properties properties() throws java.security.GeneralSecurityException {
        Properties p = new Properties();
        Security sec = opt.endpoint().security();
        p.put("mail.imap.connectiontimeout", String.valueOf(opt.connectTimeout().toMillis()));
        p.put("mail.imap.timeout", String.valueOf(opt.readTimeout().toMillis()));
        p.put(IceImapStore.MAX_LINE, String.valueOf(opt.maxResponseLine()));
        p.put(IceImapStore.MAX_LITERAL, String.valueOf(opt.maxLiteral()));
        // Downloads never set \Seen; certificates and host names are checked.
        p.put("mail.imap.peek", "true");
        p.put("mail.imap.ssl.checkserveridentity", "true");
        // Factories that record each connection's TCP socket, for abort() and the deadlines to close.
        p.put("mail.imap.socketFactory", guard.plain(proxy.socketFactory()));
        if (sec != Security.PLAIN) {
            // Only where TLS is used: making a TLS context loads some 400 classes, a tenth of a plain run's.
            p.put("mail.imap.ssl.socketFactory", guard.tls(trust.socketFactory()));
        }
        // Angus would otherwise try again with the JVM's own factories, without the certificates the
        // user accepted and without the guard, and report that second failure instead of the first.
        p.put("mail.imap.socketFactory.fallback", "false");
        p.put("mail.imap.ssl.socketFactory.fallback", "false");
        p.put("mail.imap.starttls.enable", String.valueOf(sec == Security.STARTTLS));
        p.put("mail.imap.starttls.required", String.valueOf(sec == Security.STARTTLS));
        p.put("mail.imap.ssl.enable", String.valueOf(sec == Security.SSL));
        proxy.applyTo(p, "imap");
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
        io.icesync.core.mail.MailAuth.applyTo(p, "imap", tokens == null ? null : opt.tokenMechanism());
        io.icesync.core.mail.MailProperties.applyTo(p, "imap", opt.mailProperties());
        return p;
    }

    /**
     * Before each call: connects if needed; a connection the server closed since the last call (a
     * BYE waiting unread, or no answer to a NOOP after a long idle time) is replaced transparently.
     */
    void begin() {
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

    jakarta.mail.Folder rootFolder() {
        try {
            return store.getDefaultFolder();
        } catch (MessagingException | IllegalStateException e) {
            // Angus closes a store whose connection failed ("Not connected").
            dropConnection();
            throw new ConnectionException("the connection to " + server() + " was closed", e);
        }
    }

    static boolean alive(IMAPFolder f, boolean probe) {
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

    void used() {
        lastUse = System.currentTimeMillis();
    }

    void dropConnection() {
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
    Object onStore(String what, IMAPFolder.ProtocolCommand cmd) {
        try {
            return ((IMAPFolder) rootFolder()).doCommand(cmd);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw fail(what, e);
        }
    }

    /** Runs commands on the selected folder's own connection, never falling back to the store's. */
    static Object onFolder(IceImapStore.Folder f, IMAPFolder.ProtocolCommand cmd) throws MessagingException {
        if (!f.connected()) {
            throw new jakarta.mail.FolderClosedException(f, "the folder's connection was closed");
        }
        return f.doCommand(cmd);
    }

    static IceImapStore.Protocol ice(IMAPProtocol p) {
        return (IceImapStore.Protocol) p;
    }

    static Argument mailboxArg(IMAPProtocol p, String name) {
        Argument a = new Argument();
        ice(p).writeMailbox(a, name);
        return a;
    }

    boolean iceWarp() {
        return info.has("X-ICEWARP-SERVER");
    }

    void closeSelected() {
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
    List<MailEvent> select(FolderPath path, ResyncData rd) throws MessagingException {
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

    IceImapStore.Folder ensureSelected(FolderPath path) throws MessagingException {
        if (selected == null || !path.equals(selectedPath) || !selected.connected()) {
            select(path, info.has("CONDSTORE") || info.has("QRESYNC") ? ResyncData.CONDSTORE : null);
        }
        return selected;
    }

    static Response run(IceImapStore.Folder f, String command, Argument args, Predicate<Response> mine)
            throws MessagingException {
        return (Response) onFolder(f, p -> Wire.run(p, command, args, mine));
    }

    void forget(FolderPath folder) {
        listed.remove(folder);
        selectedCounters.remove(folder);
    }

    void forgetListing() {
        listed.clear();
    }

    Counters listedCounters(FolderPath folder) {
        if (System.currentTimeMillis() - listedAt > opt.statusCacheTtl().toMillis()) {
            return null;
        }
        return listed.get(folder);
    }

    static List<Long> search(IceImapStore.Folder f, Argument criteria) throws MessagingException {
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

    static boolean tryCreate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CommandFailedException && String.valueOf(c.getMessage()).toUpperCase(Locale.ROOT)
                    .contains("TRYCREATE")) {
                return true;
            }
        }
        return false;
    }

    /** Closes the sockets without waiting for a call in progress, which then fails; see {@link RemoteStore#abort()}. */
    void abort() {
        guard.abort();
    }
}
