package io.icesync.imap;

import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ProxyChoice;
import io.icesync.core.ServiceAccess;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.core.tls.CapturingTrust;
import io.icesync.imap.internal.AngusImapStore;
import io.icesync.imap.internal.ImapOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a sync over IMAP, with IceWarp's extensions used where the server advertises
 * them and the standard path (CONDSTORE/QRESYNC, METADATA, ACL) everywhere. Certificates are
 * verified, host name included; a certificate the user accepted can be added with
 * {@link Builder#trust(X509Certificate)}.
 *
 * <pre>{@code
 * RemoteStore remote = ImapRemoteStore.builder()
 *         .endpoint(new Endpoint("mail.example.com", 143, Security.STARTTLS))
 *         .login("jean@example.com").password(secret)
 *         .build();
 * }</pre>
 */
public final class ImapRemoteStore implements RemoteStore, io.icesync.core.spi.AccessControl {
    private static final Logger TRACE = LoggerFactory.getLogger("io.icesync.imap.trace");
    private final AngusImapStore impl;

    private ImapRemoteStore(ImapOptions opt) {
        this.impl = new AngusImapStore(opt);
    }

    /** {@return a builder; an endpoint, a login and a password are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return true once the IceWarp connector greeting ({@code X-ICEWARP-SERVER iwconnector}) was sent on this connection}
     */
    public boolean iceWarpConnectorMode() {
        return impl.iceWarpHelloSent();
    }

    /**
     * Starts pushing server changes to {@code listener} on connections of their own, beside this
     * store's: NOTIFY where offered, else IDLE on the first {@link ImapPush#MAX_IDLE_FOLDERS} of
     * {@code idleFolders} (read again at each reconnection; INBOX when empty). Returns at once; the
     * connections are made on the push's threads, and {@link ImapPush#close()} ends them.
     *
     * @param idleFolders the folders to watch with IDLE where NOTIFY is not offered (priority folders first)
     * @param listener    told of changes, on the push's threads
     * @return the running push, to close when done
     */
    public ImapPush push(java.util.function.Supplier<List<FolderPath>> idleFolders, ImapPush.Listener listener) {
        return push(idleFolders, listener, Duration.ofMinutes(9));
    }

    /**
     * Like {@link #push(java.util.function.Supplier, ImapPush.Listener)}, renewing IDLE every {@code renewIdle}.
     *
     * @param idleFolders the folders to watch with IDLE where NOTIFY is not offered
     * @param listener    told of changes, on the push's threads
     * @param renewIdle   how often IDLE is ended and started again (at most 29 minutes, RFC 2177)
     * @return the running push, to close when done
     */
    public ImapPush push(java.util.function.Supplier<List<FolderPath>> idleFolders, ImapPush.Listener listener,
                         Duration renewIdle) {
        Objects.requireNonNull(idleFolders, "idleFolders");
        Objects.requireNonNull(listener, "listener");
        if (renewIdle.isNegative() || renewIdle.isZero() || renewIdle.compareTo(Duration.ofMinutes(29)) > 0) {
            throw new InvalidSettingException("renewIdle", "IDLE must be renewed within 29 minutes (RFC 2177), got "
                    + renewIdle);
        }
        return io.icesync.imap.internal.PushLoop.start(impl.options(), idleFolders, listener, renewIdle);
    }

    @Override
    public ServerInfo connect() {
        return impl.connect();
    }

    /**
     * Runs an operation that is safe to repeat; if the connection breaks during it, connects again
     * once and repeats it. A connection that dropped between calls is replaced before any call. A
     * command past its deadline is not repeated: the server would be as slow again.
     */
    private <T> T again(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (CommandDeadlineException slow) {
            throw slow;
        } catch (ConnectionException first) {
            return op.get();
        }
    }

    /**
     * Closes the connections from any thread, without waiting for the call in progress, which fails
     * with a {@link ConnectionException}; no connection is made again before the next {@link #connect()}.
     */
    @Override
    public void abort() {
        impl.abort();
    }

    /** True when the server keeps access lists (ACL, RFC 4314). */
    @Override
    public boolean hasAccessLists() {
        return again(impl::hasAccessLists);
    }

    /** The folder's access list (GETACL): identifier to letters. */
    @Override
    public Map<String, String> accessList(FolderPath folder) {
        return again(() -> impl.accessList(folder));
    }

    /** The access lists of many folders, GETACL pipelined; a folder the server refuses is left out. */
    @Override
    public Map<FolderPath, Map<String, String>> accessLists(java.util.Collection<FolderPath> folders) {
        return again(() -> impl.accessLists(folders));
    }

    /** Replaces one identifier's rights on the folder (SETACL); repeated once on a broken connection, as it is idempotent. */
    @Override
    public void setAccess(FolderPath folder, String identifier, String letters) {
        again(() -> {
            impl.setAccess(folder, identifier, letters);
            return null;
        });
    }

    /** Removes one identifier from the folder's access list (DELETEACL). */
    @Override
    public void removeAccess(FolderPath folder, String identifier) {
        again(() -> {
            impl.removeAccess(folder, identifier);
            return null;
        });
    }

    /** The user's own rights on the folder (MYRIGHTS). */
    @Override
    public String myRights(FolderPath folder) {
        return again(() -> impl.myRights(folder));
    }

    /** The Other Users namespace prefix (NAMESPACE), e.g. {@code ~} on IceWarp, {@code shared/} on Dovecot; empty if none. */
    @Override
    public String otherUsersPrefix() {
        return again(impl::otherUsersPrefix);
    }

    /** The hierarchy separator; connects first if needed. */
    @Override
    public char separator() {
        return again(impl::separator);
    }

    @Override
    public List<Folder> folders() {
        return again(impl::folders);
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        impl.createFolder(path, kind);
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        impl.renameFolder(from, to);
    }

    @Override
    public void deleteFolder(FolderPath path) {
        impl.deleteFolder(path);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        return again(() -> impl.changes(folder, since, withMessageIds));
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        return again(() -> impl.changes(folder, since, withMessageIds, newOnly));
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        return again(() -> impl.status(folder));
    }

    /** Not repeated on a broken connection: the sink may have received part of the items already. */
    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        impl.fetch(folder, items, mode, sink);
    }

    /** Never repeated: the server may have stored the item before the connection broke (the engine settles that). */
    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        return impl.append(folder, flags, internalDate, size, content);
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        again(() -> {
            impl.setFlags(folder, flagsByUid);
            return null;
        });
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        return impl.move(from, uids, to);
    }

    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        again(() -> {
            impl.delete(folder, uids);
            return null;
        });
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        return again(() -> impl.findByMessageId(folder, messageId));
    }

    @Override
    public void close() {
        impl.close();
    }

    @Override
    public String toString() {
        return "ImapRemoteStore[" + impl + "]";
    }

    /** Builds an {@link ImapRemoteStore}; endpoint, login and a password or a token source are required. */
    public static final class Builder {
        private Endpoint endpoint;
        private String login;
        private char[] password;
        private final List<X509Certificate> trusted = new ArrayList<>();
        private CertificateTrust trustList;
        private String clientVersion = "IceSync 0.1";
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration readTimeout = Duration.ofSeconds(120);
        private boolean folderKinds = true;
        private final java.util.Map<io.icesync.core.FolderPath, io.icesync.core.FolderKind> kindOverrides =
                new java.util.LinkedHashMap<>();
        private java.util.Map<String, io.icesync.core.FolderKind> defaultNames;
        private boolean iceWarpHello = true;
        private Consumer<String> trace;
        private Duration probeIdleAfter = Duration.ofSeconds(10);
        private Duration statusCacheTtl = Duration.ofSeconds(60);
        private Duration commandDeadline = Duration.ofMinutes(5);
        private Duration transferDeadline = Duration.ofMinutes(10);
        private long maxResponseLine = 16L << 20;
        private long maxLiteral = 64L << 20;
        private ProxyChoice proxy = ProxyChoice.none();
        private io.icesync.core.TokenSource tokens;
        private io.icesync.core.TokenMechanism tokenMechanism = io.icesync.core.TokenMechanism.XOAUTH2;
        private java.util.Map<String, String> mailProperties = java.util.Map.of();

        private Builder() {
        }

        /**
         * The server: host, port and security (required).
         *
         * @param e the IMAP endpoint
         * @return this builder
         */
        public Builder endpoint(Endpoint e) {
            this.endpoint = Objects.requireNonNull(e, "endpoint");
            return this;
        }

        /**
         * The login name (required).
         *
         * @param login the account's login
         * @return this builder
         */
        public Builder login(String login) {
            this.login = Objects.requireNonNull(login, "login");
            return this;
        }

        /**
         * The password; the array is copied, so the caller may wipe its own.
         *
         * @param password the password (required)
         * @return this builder
         */
        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password, "password").clone();
            this.tokens = null;
            return this;
        }

        /**
         * Logs in with access tokens instead of a password (AUTHENTICATE XOAUTH2 or OAUTHBEARER, see
         * {@link #tokenMechanism}): the source is asked when the store connects, and once more for a fresh
         * token when the server refuses one; a second refusal is an {@link io.icesync.core.AuthenticationException}.
         * Replaces a password set before.
         *
         * @param tokens where access tokens come from
         * @return this builder
         */
        public Builder tokens(io.icesync.core.TokenSource tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.password = null;
            return this;
        }

        /**
         * The SASL mechanism of a token login (default XOAUTH2).
         *
         * @param mechanism XOAUTH2 or OAUTHBEARER
         * @return this builder
         */
        public Builder tokenMechanism(io.icesync.core.TokenMechanism mechanism) {
            this.tokenMechanism = Objects.requireNonNull(mechanism, "mechanism");
            return this;
        }

        /**
         * Angus Mail {@code mail.imap.*} properties of the application's own (e.g. {@code mail.imap.fetchsize}),
         * set on every connection after IceSync's; properties of other protocols are ignored here.
         *
         * @param properties property names and values
         * @return this builder
         * @throws InvalidSettingException naming a property IceSync sets itself (see
         *         {@link io.icesync.core.mail.MailProperties})
         */
        public Builder mailProperties(java.util.Map<String, String> properties) {
            this.mailProperties = io.icesync.core.mail.MailProperties.check(properties);
            return this;
        }

        /**
         * How to reach the server as one value: its endpoint (when it has one), the login and password
         * (the password asked of the access now and copied) or token source and mechanism, its trust (when
         * it has a list), its connect and read timeouts, which replace this builder's defaults (connect 20 s,
         * read 120 s), its proxy and its mail properties.
         *
         * @param a the access
         * @return this builder
         */
        public Builder access(ServiceAccess a) {
            Objects.requireNonNull(a, "access");
            if (a.endpoint() != null) {
                endpoint(a.endpoint());
            }
            if (a.usesToken()) {
                login(a.user()).tokens(a.tokens()).tokenMechanism(a.tokenMechanism());
            } else if (a.hasCredentials()) {
                char[] p = a.password();
                login(a.user()).password(p);
                java.util.Arrays.fill(p, '\0');
            }
            if (a.hasTrust()) {
                trust(a.trust());
            }
            this.mailProperties = a.mailProperties();
            return timeouts(a.timeouts().connect(), a.timeouts().read()).proxy(a.proxy());
        }

        /**
         * The proxy every connection goes through (default {@link ProxyChoice#none()}): an HTTP proxy
         * tunnels with CONNECT; {@link ProxyChoice#system()} asks the JVM's {@code ProxySelector} at each
         * new connection. A proxy that refuses or cannot be reached is a {@link ConnectionException}
         * naming the proxy.
         *
         * @param p the proxy choice
         * @return this builder
         */
        public Builder proxy(ProxyChoice p) {
            this.proxy = Objects.requireNonNull(p, "proxy");
            return this;
        }

        /**
         * Trusts this certificate in addition to the system's CAs (a self-signed server the user accepted, F2.3).
         *
         * @param cert the certificate
         * @return this builder
         */
        public Builder trust(X509Certificate cert) {
            trusted.add(Objects.requireNonNull(cert, "cert"));
            return this;
        }

        /**
         * Trusts the certificates a user accepted (F2.3), read again at every new connection: one
         * removed from the list is refused from the next connection on.
         *
         * @param list the accepted certificates
         * @return this builder
         */
        public Builder trust(CertificateTrust list) {
            this.trustList = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * Trusts the certificates in PEM text.
         *
         * @param pem one or more PEM certificates
         * @return this builder
         * @throws InvalidSettingException ({@code trustedCertificate}) when the text is not PEM certificates
         */
        public Builder trustPem(String pem) {
            try {
                trusted.addAll(CapturingTrust.parsePem(pem));
            } catch (CertificateException e) {
                throw new InvalidSettingException("trustedCertificate", "not a PEM certificate: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * The version sent with the IceWarp connector greeting.
         *
         * @param v the client's version text
         * @return this builder
         */
        public Builder clientVersion(String v) {
            this.clientVersion = Objects.requireNonNull(v, "clientVersion");
            return this;
        }

        /**
         * Trusts the certificates of a PEM file.
         *
         * @param pemFile a file of PEM certificates
         * @return this builder
         * @throws InvalidSettingException ({@code trustedCertificate}) when the file cannot be read or is not PEM
         */
        public Builder trustPem(Path pemFile) {
            try {
                return trustPem(Files.readString(pemFile, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new InvalidSettingException("trustedCertificate", "cannot read " + pemFile + ": " + e.getMessage(), e);
            }
        }

        /**
         * Both timeouts at once: to connect (TCP and TLS handshake), and to wait for each answer.
         *
         * @param connect to connect, positive (default 20 s)
         * @param read    to wait for each read, positive (default 120 s)
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration read) {
            return connectTimeout(connect).readTimeout(read);
        }

        /**
         * @param d how long a connection (TCP and TLS handshake) may take, positive (default 20 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
            return this;
        }

        /**
         * @param d how long each read may wait for bytes, positive (default 120 s)
         * @return this builder
         */
        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d, "readTimeout");
            return this;
        }

        /**
         * How long one command may take with its whole answer, however steadily the bytes come (the
         * read timeout is per read): past it the connection is closed and the call fails with a
         * {@link CommandDeadlineException}. Default 5 minutes.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder commandDeadline(Duration d) {
            this.commandDeadline = Objects.requireNonNull(d, "commandDeadline");
            return this;
        }

        /**
         * The same for the commands that carry message contents (FETCH, APPEND): default 10 minutes.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder transferDeadline(Duration d) {
            this.transferDeadline = Objects.requireNonNull(d, "transferDeadline");
            return this;
        }

        /**
         * The most a server may send in one response: {@code maxLine} bytes of response text (16 MiB by
         * default: a SEARCH of two million UIDs) and {@code maxLiteral} bytes in one literal (64 MiB by
         * default; messages over 2 MB are fetched in 1 MB parts). More closes the connection and fails
         * the call with a {@link io.icesync.core.ProtocolException} saying what the server sent, before
         * the bytes are held in memory.
         *
         * @param maxLine    bytes of response text, at least 1 KiB
         * @param maxLiteral bytes in one literal, 1 KiB to 2 GiB
         * @return this builder
         * @throws InvalidSettingException when a limit is out of range
         */
        public Builder responseLimits(long maxLine, long maxLiteral) {
            if (maxLine < 1024 || maxLiteral < 1024 || maxLiteral > Integer.MAX_VALUE - 1024) {
                throw new InvalidSettingException("responseLimits", "response limits must be between 1 KiB and 2 GiB,"
                        + " got line " + maxLine + ", literal " + maxLiteral);
            }
            this.maxResponseLine = maxLine;
            this.maxLiteral = maxLiteral;
            return this;
        }

        /**
         * Read folder kinds from the Kolab folder-type METADATA (one pipelined command per folder; default on).
         *
         * @param on false to take every folder as mail unless overridden
         * @return this builder
         */
        public Builder folderKinds(boolean on) {
            this.folderKinds = on;
            return this;
        }

        /**
         * Treats a folder as this kind whatever the server says (the user's override of a folder's type).
         *
         * @param folder the folder
         * @param kind   the kind it is synced as
         * @return this builder
         */
        public Builder folderKind(io.icesync.core.FolderPath folder, io.icesync.core.FolderKind kind) {
            kindOverrides.put(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * The names that make a top-level folder a groupware folder on a server that cannot type folders
         * (no METADATA), such as {@code "Agenda" -> EVENTS}; compared without case, on any server. Without
         * it, IceWarp's folder names in English and French ({@link io.icesync.core.FolderKind#ofDefaultName})
         * apply on a server that advertises {@code X-ICEWARP-SERVER} only: elsewhere every untyped folder
         * is mail. {@code folderNames(FolderKind.defaultNames())} applies IceWarp's names on any server.
         *
         * @param names folder name to kind
         * @return this builder
         */
        public Builder folderNames(java.util.Map<String, io.icesync.core.FolderKind> names) {
            java.util.Map<String, io.icesync.core.FolderKind> m = new java.util.HashMap<>();
            names.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(v, k)));
            this.defaultNames = java.util.Map.copyOf(m);
            return this;
        }

        /**
         * Send {@code X-ICEWARP-SERVER iwconnector} when the server advertises it (default on).
         *
         * @param on false never to send it
         * @return this builder
         */
        public Builder iceWarpConnectorMode(boolean on) {
            this.iceWarpHello = on;
            return this;
        }

        /**
         * Sends the IMAP protocol trace, line by line, to SLF4J (logger {@code io.icesync.imap.trace},
         * level DEBUG). The login exchange is left out and the password masked; message contents do
         * appear, so keep it for support sessions.
         *
         * @param on true to trace
         * @return this builder
         */
        public Builder protocolTrace(boolean on) {
            this.trace = on ? TRACE::debug : null;
            return this;
        }

        /**
         * Sends the IMAP protocol trace (credentials masked) to {@code lines}; null turns it off.
         *
         * @param lines receives each line, or null
         * @return this builder
         */
        public Builder protocolTrace(Consumer<String> lines) {
            this.trace = lines;
            return this;
        }

        /**
         * A connection unused for longer than this is checked with a NOOP before the next call, so that
         * one the server closed meanwhile is replaced without failing the call (default 10 s).
         *
         * @param d the idle time before a check
         * @return this builder
         */
        public Builder checkIdleConnectionAfter(Duration d) {
            this.probeIdleAfter = Objects.requireNonNull(d, "checkIdleConnectionAfter");
            return this;
        }

        /**
         * How long a folder listing's LIST-STATUS answers (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and the
         * message count) may stand in for a SELECT when asking a CONDSTORE or QRESYNC server what changed:
         * a folder whose counters are as at the cursor asked about then costs no round trip (default 60 s;
         * zero turns it off). Without QRESYNC the message count of the SELECT that ended at that cursor
         * must be known too, so the store's first answer for a folder selects it. A server without
         * LIST-STATUS is asked one STATUS per folder instead.
         *
         * @param d how long a listing stays fresh; zero for never
         * @return this builder
         */
        public Builder listingFreshFor(Duration d) {
            this.statusCacheTtl = Objects.requireNonNull(d, "listingFreshFor");
            return this;
        }

        private java.util.function.Supplier<List<X509Certificate>> trustedNow() {
            List<X509Certificate> fixed = List.copyOf(trusted);
            CertificateTrust live = trustList;
            if (live == null) {
                return () -> fixed;
            }
            return () -> {
                List<X509Certificate> all = new ArrayList<>(fixed);
                all.addAll(live.accepted());
                return all;
            };
        }

        /**
         * {@return a store with this builder's settings; it connects at its first call}
         *
         * @throws NullPointerException when the endpoint, login or password is missing
         * @throws InvalidSettingException when a timeout or deadline is not positive
         */
        public ImapRemoteStore build() {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(login, "login");
            if (password == null && tokens == null) {
                throw new NullPointerException("password");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new InvalidSettingException("timeouts", "timeouts must be positive");
            }
            if (commandDeadline.isNegative() || commandDeadline.isZero() || transferDeadline.isNegative()
                    || transferDeadline.isZero()) {
                throw new InvalidSettingException("deadlines", "deadlines must be positive");
            }
            return new ImapRemoteStore(new ImapOptions(endpoint, login, password == null ? new char[0] : password.clone(), trustedNow(), clientVersion,
                    connectTimeout, readTimeout, folderKinds, iceWarpHello, trace, probeIdleAfter, statusCacheTtl,
                    java.util.Map.copyOf(kindOverrides), defaultNames, commandDeadline, transferDeadline,
                    maxResponseLine, maxLiteral, proxy, tokens, tokenMechanism, mailProperties));
        }
    }
}
