package io.icesync.testkit.internal.imap;

import io.icesync.testkit.Faults;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.internal.net.OAuthLogin;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: its state (not authenticated, authenticated, selected), the commands that
 * change it, and the order of replies. Runs on the connection's event loop: one command at a time,
 * in the order sent; the account model is shared and locked by the model itself.
 */
final class ImapSession extends SimpleChannelInboundHandler<ImapRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    enum State { NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT }

    final ServerContext server;
    final boolean implicitTls;
    ChannelHandlerContext ctx;
    /** Collects the answer of a command a fault trickles; null otherwise. */
    private java.io.ByteArrayOutputStream captured;
    State state = State.NOT_AUTHENTICATED;
    TestAccount user;
    volatile Selection selected;
    boolean condstore;
    boolean qresync;
    /** False while a non-UID FETCH, STORE or SEARCH runs: RFC 3501 7.4.1 forbids EXPUNGE then. */
    boolean expungeAllowed = true;
    private volatile String idleTag;
    private String authTag;
    /** The mechanism of the AUTHENTICATE in progress. */
    private String authMech;
    /** A token was refused and its error challenge sent: the client's next line ends the exchange with NO. */
    private boolean authRefused;
    private int commands;
    private final Deque<ImapRequest> pending = new ArrayDeque<>();
    private boolean busy;
    private AutoCloseable watch;
    final MailboxCommands mailboxes = new MailboxCommands(this);
    final MessageCommands messages = new MessageCommands(this);
    final FetchCommand fetches = new FetchCommand(this);
    final SearchCommand searches = new SearchCommand(this);
    final Notifications notifications = new Notifications(this);

    ImapSession(ServerContext server, boolean implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
    }

    /** A command that ends with {@code tag NO}; the text may start with a response code. */
    static final class No extends RuntimeException {
        No(String message) {
            super(message, null, false, false);
        }
    }

    // ---- connection

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        watch = server.model().watch(m -> {
            // Runs under the model lock: only hand the news to our event loop.
            if (idleTag != null && selected != null && selected.mailbox == m) {
                ctx.executor().execute(this::pushIdleUpdates);
            }
            if (notifications.on()) {
                ctx.executor().execute(() -> {
                    notifications.changed(m);
                    ctx.flush();
                });
            }
        });
        send("* OK [CAPABILITY " + capabilities() + "] IceSync test server (IceWarp-like) ready");
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (Exception e) {
            // a removal from a list does not fail
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("IMAP connection closed after an error: {}", cause.toString());
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ImapRequest request) {
        pending.add(request);
        drain();
    }

    /** Runs queued commands in order; a delayed one holds the rest back. */
    private void drain() {
        while (!busy && !pending.isEmpty() && ctx.channel().isActive()) {
            ImapRequest r = pending.poll();
            Faults.Fault fault = idleTag != null || authTag != null ? null : fault(r);
            if (fault != null && fault.action() == Faults.Action.DELAY) {
                busy = true;
                ctx.executor().schedule(() -> {
                    busy = false;
                    handle(r);
                    ctx.flush();
                    drain();
                }, fault.delay().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            if (fault != null && fault.action() == Faults.Action.STALL) {
                trace("fault: no answer to " + r.tag() + " " + command(r) + " nor to anything after it");
                busy = true;
                return;
            }
            if (fault != null && fault.action() == Faults.Action.FLOOD) {
                busy = true;
                trace("fault: " + fault.floodBytes() + " bytes of " + fault.floodShape() + " for " + r.tag());
                String head = switch (fault.floodShape()) {
                    case LITERAL -> "* 1 FETCH (UID 1 BODY[] {" + fault.floodBytes() + "}\r\n";
                    case LINE -> "* OK ";
                    case AFTER_LITERAL -> "* 1 FETCH (UID 1 BODY[] {5}\r\nhello";
                };
                ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII)));
                flood(fault.floodBytes());
                return;
            }
            if (fault != null && fault.action() == Faults.Action.TRICKLE) {
                busy = true;
                captured = new java.io.ByteArrayOutputStream();
                handle(r);
                byte[] answer = captured.toByteArray();
                captured = null;
                trace("fault: answering " + r.tag() + " one byte every " + fault.delay().toMillis() + " ms");
                trickle(answer, 0, fault.delay().toMillis());
                return;
            }
            if (fault != null) {
                switch (fault.action()) {
                    case DROP -> {
                        trace("fault: dropping the connection at " + r.tag() + " " + command(r));
                        ctx.close();
                        return;
                    }
                    case NO, BAD -> {
                        send(r.tag() + " " + fault.action() + " " + fault.text());
                        ctx.flush();
                        continue;
                    }
                    case MALFORMED -> send("* FETCH (((UID \"\r\n\u0000)");
                    default -> { }
                }
            }
            handle(r);
            ctx.flush();
        }
    }

    private static final byte[] FLOOD_CHUNK = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

    /** Sends {@code left} filler bytes, a chunk each time the last one is written out, then closes. */
    private void flood(long left) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (left <= 0) {
            ctx.close();
            return;
        }
        int n = (int) Math.min(left, FLOOD_CHUNK.length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FLOOD_CHUNK, 0, n)).addListener(f -> {
            if (f.isSuccess()) {
                ctx.executor().execute(() -> flood(left - n));
            }
        });
    }

    /** Sends {@code answer} from {@code from} one byte at a time, then goes on with the queued commands. */
    private void trickle(byte[] answer, int from, long everyMs) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (from >= answer.length) {
            busy = false;
            drain();
            return;
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(answer, from, 1));
        ctx.executor().schedule(() -> trickle(answer, from + 1, everyMs), everyMs, TimeUnit.MILLISECONDS);
    }

    private Faults.Fault fault(ImapRequest r) {
        commands++;
        return server.faults().take(command(r), commands);
    }

    /** The command's name as a fault names it: {@code SELECT}, {@code UID FETCH}. */
    private static String command(ImapRequest r) {
        String[] w = r.firstLine().split(" ", 4);
        if (w.length < 2) {
            return "";
        }
        if (w[1].equalsIgnoreCase("UID") && w.length > 2) {
            return ("UID " + w[2]).toUpperCase(Locale.ROOT);
        }
        return w[1].toUpperCase(Locale.ROOT);
    }

    private void handle(ImapRequest r) {
        trace("C: " + (authTag != null ? "<credentials>" : mask(r)));
        if (r.refusal() != null) {
            String tag = r.tag();
            send(tag.equals("*") || tag.isEmpty() ? "* BAD " + r.refusal() : tag + " "
                    + (r.refusal().startsWith("[TOOBIG]") ? "NO " : "BAD ") + r.refusal());
            return;
        }
        if (authTag != null) {
            finishAuthenticate(r.firstLine());
            return;
        }
        if (idleTag != null) {
            String tag = idleTag;
            idleTag = null;
            if (r.firstLine().equalsIgnoreCase("DONE")) {
                updates(true);
                send(tag + " OK IDLE terminated");
            } else {
                send(tag + " BAD expected DONE to end IDLE");
            }
            return;
        }
        ImapArgs a = new ImapArgs(r);
        String tag;
        try {
            tag = a.atom();
        } catch (ImapArgs.BadCommand e) {
            send("* BAD no tag");
            return;
        }
        if (!validTag(tag)) {
            send("* BAD '" + tag + "' is not a valid tag");
            return;
        }
        String name = "";
        try {
            a.space();
            name = a.atom().toUpperCase(Locale.ROOT);
            boolean uid = name.equals("UID");
            if (uid) {
                a.space();
                name = a.atom().toUpperCase(Locale.ROOT);
            }
            run(tag, uid, name, a);
        } catch (ImapArgs.BadCommand e) {
            send(tag + " BAD " + e.getMessage());
        } catch (No e) {
            send(tag + " NO " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | java.util.NoSuchElementException e) {
            send(tag + " NO " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("IMAP command {} failed inside the test server", name, e);
            send(tag + " NO [SERVERBUG] " + e);
        }
    }

    private static boolean validTag(String tag) {
        for (char c : tag.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\+".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private void run(String tag, boolean uid, String name, ImapArgs a) {
        if (uid && !List.of("FETCH", "STORE", "COPY", "MOVE", "SEARCH", "EXPUNGE").contains(name)) {
            throw ImapArgs.bad("UID " + name + " is not a command");
        }
        switch (name) {
            case "CAPABILITY" -> {
                a.end();
                send("* CAPABILITY " + capabilities());
                ok(tag, "CAPABILITY completed");
            }
            case "NOOP", "CHECK" -> {
                a.end();
                if (name.equals("CHECK")) {
                    needSelected();
                }
                ok(tag, name + " completed");
            }
            case "LOGOUT" -> {
                a.end();
                send("* BYE Logging out");
                send(tag + " OK LOGOUT completed");
                state = State.LOGOUT;
                ctx.flush();
                ctx.close();
            }
            case "ID" -> {
                a.space();
                if (a.peekIs('(')) {
                    a.group();
                } else {
                    a.atom();
                }
                a.end();
                send("* ID (\"name\" \"IceSync test server\" \"vendor\" \"IceSync\")");
                ok(tag, "ID completed");
            }
            case "STARTTLS" -> startTls(tag, a);
            case "LOGIN" -> login(tag, a);
            case "AUTHENTICATE" -> authenticate(tag, a);
            case "ENABLE" -> enable(tag, a);
            case "X-ICEWARP-SERVER" -> iceWarp(tag, a);
            case "IDLE" -> {
                needAuth();
                a.end();
                idleTag = tag;
                send("+ idling");
                updates(true);
                notifications.flush();
            }
            case "NOTIFY" -> {
                if (!server.offers("NOTIFY")) {
                    throw ImapArgs.bad("unknown command NOTIFY");
                }
                notifications.command(tag, a);
            }
            case "NAMESPACE" -> {
                needAuth();
                a.end();
                send("* NAMESPACE ((\"\" \"/\")) ((\"" + Names.SHARED_PREFIX + "\" \"/\")) NIL");
                ok(tag, "NAMESPACE completed");
            }
            case "SELECT", "EXAMINE" -> mailboxes.select(tag, a, name.equals("EXAMINE"));
            case "CREATE" -> mailboxes.create(tag, a);
            case "DELETE" -> mailboxes.delete(tag, a);
            case "RENAME" -> mailboxes.rename(tag, a);
            case "SUBSCRIBE", "UNSUBSCRIBE" -> mailboxes.subscribe(tag, a, name.equals("SUBSCRIBE"));
            case "LIST", "LSUB", "XLIST" -> mailboxes.list(tag, a, name.equals("LSUB"));
            case "STATUS" -> mailboxes.status(tag, a);
            case "GETMETADATA" -> mailboxes.getMetadata(tag, a);
            case "SETMETADATA" -> mailboxes.setMetadata(tag, a);
            case "MYRIGHTS" -> mailboxes.myRights(tag, a);
            case "GETACL" -> mailboxes.getAcl(tag, a);
            case "SETACL", "DELETEACL" -> mailboxes.setAcl(tag, a, name.equals("DELETEACL"));
            case "LISTRIGHTS" -> mailboxes.listRights(tag, a);
            case "APPEND" -> messages.append(tag, a);
            case "CLOSE", "UNSELECT" -> {
                needSelected();
                a.end();
                if (name.equals("CLOSE") && !selected.readOnly) {
                    selected.mailbox.expungeDeleted();
                }
                selected = null;
                state = State.AUTHENTICATED;
                ok(tag, name + " completed");
            }
            case "EXPUNGE" -> messages.expunge(tag, a, uid);
            case "FETCH" -> fetches.fetch(tag, a, uid);
            case "STORE" -> messages.store(tag, a, uid);
            case "SEARCH" -> searches.search(tag, a, uid);
            case "COPY", "MOVE" -> messages.copy(tag, a, uid, name.equals("MOVE"));
            default -> throw ImapArgs.bad("unknown command " + name);
        }
    }

    // ---- states and capabilities

    String capabilities() {
        StringBuilder b = new StringBuilder("IMAP4rev1 LITERAL+ SASL-IR ID ENABLE");
        if (state == State.NOT_AUTHENTICATED) {
            if (server.tls() != null && !tlsActive()) {
                b.append(" STARTTLS");
            }
            b.append(" AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER");
        } else {
            for (String c : List.of("IDLE", "NAMESPACE", "UIDPLUS", "MOVE", "UNSELECT", "CHILDREN", "CONDSTORE",
                    "QRESYNC", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS", "ACL", "RIGHTS=texk", "METADATA", "NOTIFY")) {
                if (server.offers(c)) {
                    b.append(' ').append(c);
                }
            }
        }
        if (server.offers("X-ICEWARP-SERVER")) {
            b.append(" X-ICEWARP-SERVER");
        }
        return b.toString();
    }

    boolean tlsActive() {
        return ctx.pipeline().get(SslHandler.class) != null;
    }

    void needAuth() {
        if (state == State.NOT_AUTHENTICATED) {
            throw ImapArgs.bad("log in first");
        }
    }

    void needSelected() {
        if (state != State.SELECTED || selected == null) {
            throw ImapArgs.bad("select a folder first");
        }
    }

    private void startTls(String tag, ImapArgs a) {
        a.end();
        if (server.tls() == null || tlsActive()) {
            throw ImapArgs.bad("STARTTLS is not available here");
        }
        if (state != State.NOT_AUTHENTICATED) {
            throw ImapArgs.bad("STARTTLS only before login");
        }
        if (!pending.isEmpty()) {
            // Plain text after STARTTLS could be injected by a man in the middle (CVE-2011-0411 class).
            pending.clear();
            throw ImapArgs.bad("commands pipelined after STARTTLS are not allowed");
        }
        // startTls=true: the OK below still leaves in plain text, everything after it is encrypted.
        ctx.pipeline().addFirst("tls", new SslHandler(server.tls().newEngine(ctx.alloc()), true));
        ok(tag, "Begin TLS negotiation now");
        ctx.flush();
    }

    private void login(String tag, ImapArgs a) {
        if (state != State.NOT_AUTHENTICATED) {
            throw ImapArgs.bad("already logged in");
        }
        a.space();
        String login = a.astring();
        a.space();
        String password = a.astring();
        a.end();
        loggedIn(tag, login, password);
    }

    private void authenticate(String tag, ImapArgs a) {
        if (state != State.NOT_AUTHENTICATED) {
            throw ImapArgs.bad("already logged in");
        }
        a.space();
        String mech = a.atom();
        if (!mech.equalsIgnoreCase("PLAIN") && !OAuthLogin.handles(mech)) {
            throw new No("[CANNOT] only AUTHENTICATE PLAIN, XOAUTH2 and OAUTHBEARER are offered");
        }
        authMech = mech;
        authRefused = false;
        if (a.maybeSpace()) {
            String initial = a.atom();
            a.end();
            authTag = tag;
            finishAuthenticate(initial);
            return;
        }
        a.end();
        authTag = tag;
        send("+ ");
    }

    private void finishAuthenticate(String line) {
        String tag = authTag;
        authTag = null;
        if (line.equals("*")) {
            send(tag + " BAD authentication cancelled");
            return;
        }
        if (OAuthLogin.handles(authMech)) {
            finishTokenLogin(tag, line);
            return;
        }
        String[] fields;
        try {
            fields = new String(Base64.getDecoder().decode(line.trim()), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException e) {
            send(tag + " BAD the PLAIN response is not base64");
            return;
        }
        if (fields.length != 3) {
            send(tag + " BAD the PLAIN response must be authzid NUL login NUL password");
            return;
        }
        try {
            loggedIn(tag, fields[1], fields[2]);
        } catch (No e) {
            send(tag + " NO " + e.getMessage());
        }
    }

    private void finishTokenLogin(String tag, String line) {
        if (authRefused) {
            authRefused = false;
            send(tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
            return;
        }
        TestAccount a = OAuthLogin.check(server.model(), authMech, line).orElse(null);
        if (a == null) {
            // RFC 7628: the error comes as a challenge; the client answers it and then gets the NO.
            authRefused = true;
            authTag = tag;
            send("+ " + OAuthLogin.errorChallenge());
            return;
        }
        user = a;
        state = State.AUTHENTICATED;
        ok(tag, "[CAPABILITY " + capabilities() + "] Logged in");
    }

    private void loggedIn(String tag, String login, String password) {
        TestAccount a = server.model().authenticate(login, password).orElse(null);
        if (a == null) {
            throw new No("[AUTHENTICATIONFAILED] Authentication failed.");
        }
        user = a;
        state = State.AUTHENTICATED;
        ok(tag, "[CAPABILITY " + capabilities() + "] Logged in");
    }

    private void enable(String tag, ImapArgs a) {
        needAuth();
        StringBuilder enabled = new StringBuilder();
        while (a.maybeSpace()) {
            String c = a.atom().toUpperCase(Locale.ROOT);
            if (c.equals("CONDSTORE") && server.offers("CONDSTORE") && !condstore) {
                condstore = true;
                enabled.append(" CONDSTORE");
            } else if (c.equals("QRESYNC") && server.offers("QRESYNC") && !qresync) {
                qresync = true;
                condstore = true;
                enabled.append(" QRESYNC");
            }
        }
        a.end();
        send("* ENABLED" + enabled);
        ok(tag, "ENABLE completed");
    }

    private void iceWarp(String tag, ImapArgs a) {
        if (!server.offers("X-ICEWARP-SERVER")) {
            throw ImapArgs.bad("unknown command X-ICEWARP-SERVER");
        }
        needAuth();
        a.space();
        String mode = a.astring();
        String version = a.maybeSpace() ? a.astring() : "";
        a.end();
        if (!mode.equalsIgnoreCase("iwconnector")) {
            throw ImapArgs.bad("unknown X-ICEWARP-SERVER mode '" + mode + "'");
        }
        server.connectorGreetings().add(version);
        ok(tag, "iwconnector mode on");
    }

    // ---- untagged updates

    /** Tells the client what changed in the selected folder since it last heard; EXPUNGE only where allowed. */
    void updates(boolean expunges) {
        if (selected == null) {
            return;
        }
        List<String> lines = selected.updates(expunges, qresync, condstore);
        if (lines == null) {
            send("* BYE the folder was deleted, renamed or rebuilt (UIDVALIDITY changed) by another session");
            ctx.flush();
            ctx.close();
            selected = null;
            return;
        }
        lines.forEach(this::send);
    }

    boolean idling() {
        return idleTag != null;
    }

    private void pushIdleUpdates() {
        if (idleTag != null && ctx.channel().isActive()) {
            updates(true);
            ctx.flush();
        }
    }

    // ---- output

    /** Ends a command: first the news of the selected folder (no EXPUNGE after FETCH, STORE, SEARCH), then OK. */
    void ok(String tag, String text) {
        if (state == State.SELECTED) {
            updates(expungeAllowed);
        }
        expungeAllowed = true;
        send(tag + " OK " + text);
    }

    void send(String line) {
        trace("S: " + line);
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** To the connection, or to {@link #captured} while a trickled answer is being made. */
    private void write(byte[] bytes) {
        if (captured != null) {
            captured.write(bytes, 0, bytes.length);
        } else {
            ctx.write(Unpooled.wrappedBuffer(bytes));
        }
    }

    void send(Reply reply) {
        if (server.trace() != null) {
            String s = new String(reply.bytes(), 0, Math.min(reply.size(), 300), StandardCharsets.UTF_8);
            trace("S: " + s.replace("\r\n", " ") + (reply.size() > 300 ? "..." : ""));
        }
        write(reply.crlf().bytes());
    }

    void trace(String line) {
        if (server.trace() != null) {
            server.trace().accept(line);
        }
    }

    private static String mask(ImapRequest r) {
        String d = r.describe();
        String[] w = d.split(" ", 3);
        if (w.length >= 2 && w[1].equalsIgnoreCase("LOGIN")) {
            return w[0] + " LOGIN <credentials>";
        }
        if (w.length >= 2 && w[1].equalsIgnoreCase("AUTHENTICATE")) {
            return w[0] + " AUTHENTICATE <credentials>";
        }
        return d;
    }

    TestMailbox resolve(String wireName) {
        return Names.resolve(server.model(), user, Names.decode(wireName));
    }
}
