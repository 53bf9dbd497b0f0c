package io.icesync.imap.internal;

import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import io.icesync.core.mail.TokenLogin;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.eclipse.angus.mail.util.MailLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Angus' IMAP store with one addition: every connection it opens (the store's and each pooled
 * folder connection) greets an IceWarp server with {@code X-ICEWARP-SERVER iwconnector "<version>"}
 * right after login, when the server advertises {@code X-ICEWARP-SERVER}. Angus has no hook after
 * login, so the greeting goes out just before the first command of an authenticated connection.
 */
final class IceImapStore extends IMAPStore {
    private static final Logger LOG = LoggerFactory.getLogger(IceImapStore.class);
    /** Session properties bounding what one response may hold (see {@link BoundedResponses}). */
    static final String MAX_LINE = "mail.imap.icesync.maxline";
    static final String MAX_LITERAL = "mail.imap.icesync.maxliteral";
    static final long DEFAULT_MAX_LINE = 16L << 20;
    static final long DEFAULT_MAX_LITERAL = 64L << 20;

    /** Told about each greeting sent: whether the server accepted it. */
    interface Greeter {
        void greeted(boolean accepted, String serverLine);
    }

    private final String helloVersion;
    private final Greeter greeter;
    private final ConnectionGuard guard;
    private final TokenLogin tokens;

    /** @param helloVersion the client version for the IceWarp greeting, or null never to send it */
    IceImapStore(Session session, String helloVersion, Greeter greeter, ConnectionGuard guard) {
        this(session, helloVersion, greeter, guard, null);
    }

    /** @param tokens the token login every connection of this store uses, or null for a password login */
    IceImapStore(Session session, String helloVersion, Greeter greeter, ConnectionGuard guard, TokenLogin tokens) {
        super(session, null, "imap", false);
        this.helloVersion = helloVersion;
        this.greeter = greeter;
        this.guard = guard;
        this.tokens = tokens;
    }

    @Override
    protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
        Protocol p = new Protocol(name, host, port, session.getProperties(), isSSL, logger, helloVersion, greeter, guard);
        p.tokens = tokens;
        return p;
    }

    @Override
    protected IMAPFolder newIMAPFolder(String fullName, char separator, Boolean isNamespace) {
        return new Folder(fullName, separator, this, isNamespace);
    }

    /** A folder that says, without a round trip, whether it still has its connection and how many messages it holds. */
    static final class Folder extends IMAPFolder {
        Folder(String fullName, char separator, IMAPStore store, Boolean isNamespace) {
            super(fullName, separator, store, isNamespace);
        }

        /** True while the folder is open on a connection (Angus drops it when the connection fails). */
        boolean connected() {
            return protocol != null;
        }

        /**
         * The number of messages as the server last said (EXISTS, EXPUNGE, VANISHED). Unlike
         * getMessageCount() this never sends a NOOP on the folder and the store connections.
         */
        int count() {
            synchronized (messageCacheLock) {
                return messageCache == null ? 0 : messageCache.size();
            }
        }

        /**
         * Angus 2.0.3 reads a VANISHED response of several UIDs into an array with every other entry
         * null ({@code createMessagesForUIDs} steps twice) and throws a NullPointerException half-way,
         * after the server removed them: a QRESYNC server answers a UID EXPUNGE or UID MOVE of several
         * items so, and the delete or move was reported failed. Each UID goes to Angus on its own.
         */
        @Override
        public void handleResponse(Response r) {
            long[] uids = r instanceof IMAPResponse ir && r.isUnTagged() && ir.keyEquals("VANISHED") ? vanished(r) : null;
            if (uids == null || uids.length < 2) {
                super.handleResponse(r);
                return;
            }
            for (long uid : uids) {
                try {
                    super.handleResponse(new IMAPResponse("* VANISHED " + uid));
                } catch (IOException | ProtocolException e) {
                    throw new IllegalStateException("a VANISHED line of one UID is always readable", e);
                }
            }
        }

        /** The UIDs of "* VANISHED set", or null for "* VANISHED (EARLIER) set", which Angus leaves alone. */
        static long[] vanished(Response r) {
            String line = r.toString().trim();
            int at = line.toUpperCase(java.util.Locale.ROOT).indexOf("VANISHED");
            String rest = line.substring(at + "VANISHED".length()).trim();
            if (rest.isEmpty() || rest.startsWith("(")) {
                return null;
            }
            return UIDSet.toArray(UIDSet.parseUIDSets(rest));
        }
    }

    /** An IMAP connection that sends the IceWarp greeting once after login and writes mailbox names as Angus does. */
    static final class Protocol extends IMAPProtocol {
        private final String helloVersion;
        private final Greeter greeter;
        private final ConnectionGuard guard;
        private boolean greeted;
        /** Set for a token login: each AUTHENTICATE takes its token from here, never from Angus' password. */
        TokenLogin tokens;

        Protocol(String name, String host, int port, Properties props, boolean isSSL, MailLogger logger,
                 String helloVersion, Greeter greeter, ConnectionGuard guard) throws IOException, ProtocolException {
            super(name, host, port, props, isSSL, logger);
            this.helloVersion = helloVersion;
            this.greeter = greeter;
            this.guard = guard;
        }

        /** The bounded reader over Angus' current one (a new one after STARTTLS), made on first use. */
        private volatile BoundedResponses bounded;

        /**
         * Every response is read through {@link BoundedResponses}, the greeting too: the superclass
         * constructor reads it, before this class's fields are set, so the bounds come from the
         * session's properties, which it set first.
         */
        @Override
        protected org.eclipse.angus.mail.iap.ResponseInputStream getInputStream() {
            org.eclipse.angus.mail.iap.ResponseInputStream angus = super.getInputStream();
            BoundedResponses b = bounded;
            if (b == null || !b.wraps(angus)) {
                b = new BoundedResponses(angus, bound(MAX_LINE, DEFAULT_MAX_LINE), bound(MAX_LITERAL, DEFAULT_MAX_LITERAL),
                        this::oversized);
                bounded = b;
            }
            return b;
        }

        /** The guard is read when told, not when the reader is made: it is null while the greeting is read. */
        private void oversized(String what) {
            ConnectionGuard g = guard;
            if (g != null) {
                g.oversized(what);
            }
        }

        private long bound(String property, long fallback) {
            String v = props == null ? null : props.getProperty(property);
            return v == null ? fallback : Long.parseLong(v);
        }

        @Override
        public synchronized Response[] command(String command, Argument args) {
            greetOnce();
            ConnectionGuard.Watch deadline = watch(command);
            try {
                return super.command(command, args);
            } finally {
                deadline.close();
            }
        }

        /** Starts the deadline of a command (named by its first word, or two for UID commands). */
        ConnectionGuard.Watch watch(String command) {
            if (guard == null) {
                return () -> { };
            }
            String[] w = command.trim().split(" ", 3);
            String name = w[0].equalsIgnoreCase("UID") && w.length > 1 ? w[0] + " " + w[1] : w[0];
            return guard.watch(name.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public synchronized void authoauth2(String u, String p) throws ProtocolException {
            if (tokens == null) {
                super.authoauth2(u, p);
                return;
            }
            tokens.login(t -> super.authoauth2(u, t), Protocol::refused);
        }

        @Override
        public void sasllogin(String[] allowed, String realm, String authzid, String u, String p)
                throws ProtocolException {
            if (tokens == null) {
                super.sasllogin(allowed, realm, authzid, u, p);
                return;
            }
            for (String m : allowed) {
                if (!hasCapability("AUTH=" + m)) {
                    throw new ProtocolException("the server offers no AUTHENTICATE " + m + " for a token login");
                }
            }
            tokens.login(t -> {
                super.sasllogin(allowed, realm, authzid, u, t);
                if (!isAuthenticated()) {
                    throw new CommandFailedException("the server refused the access token");
                }
            }, Protocol::refused);
        }

        /** Angus' last resort when the server offers no token mechanism: never sends a token as a password. */
        @Override
        public void login(String u, String p) throws ProtocolException {
            if (tokens != null) {
                throw new ProtocolException("the server offers no AUTHENTICATE mechanism for a token login ("
                        + String.join(" ", capabilityNames("AUTH=")) + ")");
            }
            super.login(u, p);
        }

        private java.util.List<String> capabilityNames(String prefix) {
            java.util.List<String> out = new java.util.ArrayList<>();
            java.util.Map<String, String> caps = getCapabilities();
            if (caps != null) {
                caps.values().stream().filter(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith(prefix))
                        .sorted().forEach(out::add);
            }
            return out.isEmpty() ? java.util.List.of("none offered") : out;
        }

        private static boolean refused(Exception e) {
            return e instanceof CommandFailedException;
        }

        /** Sends the greeting if this connection is logged in, the server asks for it and it was not sent yet. */
        synchronized void greetOnce() {
            // Fields are null while the superclass constructor runs (it reads the greeting and may ask CAPABILITY).
            if (greeted || helloVersion == null || !isAuthenticated()) {
                return;
            }
            greeted = true;
            if (!hasCapability("X-ICEWARP-SERVER")) {
                return;
            }
            String version = helloVersion.replace("\\", "").replace("\"", "").replace("\r", "").replace("\n", "");
            Response[] r = super.command("X-ICEWARP-SERVER iwconnector \"" + version + "\"", null);
            Response last = r[r.length - 1];
            // Untagged answers (a new CAPABILITY, say) go where Angus sends them.
            Response[] untagged = new Response[r.length - 1];
            System.arraycopy(r, 0, untagged, 0, untagged.length);
            notifyResponseHandlers(untagged);
            if (!last.isOK()) {
                LOG.info("the server declined the IceWarp connector mode: {}", last);
            }
            if (greeter != null) {
                greeter.greeted(last.isOK(), last.toString());
            }
        }

        /** Writes a mailbox name the way Angus does: modified UTF-7, or UTF-8 once the server accepted UTF8=ACCEPT. */
        void writeMailbox(Argument a, String name) {
            writeMailboxName(a, name);
        }

        /** The length in bytes of a mailbox name as written, to decide whether it fits a pipelined quoted string. */
        int encodedLength(String name) {
            return supportsUtf8() ? name.getBytes(StandardCharsets.UTF_8).length : BASE64MailboxEncoder.encode(name).length();
        }

        /** Decodes a mailbox name from a response (modified UTF-7 unless UTF-8 is on). */
        String decodeMailbox(String wire) {
            return supportsUtf8() ? wire : BASE64MailboxDecoder.decode(wire);
        }
    }
}
