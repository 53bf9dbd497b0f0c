package io.icesync.core;

import io.icesync.core.spi.CertificateTrust;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach one service, shared by every client IceSync has (IMAP, SMTP, POP3, WebDAV, CalDAV,
 * free/busy, the XML API, discovery): where ({@link #endpoint()}, or null where a URL says it), who
 * ({@link #user()} and a password {@link Supplier}, asked when a client is built, and by the SMTP
 * sender at each message, so a password can live in a secret store), which certificates beyond the system's CAs are trusted ({@link #trust()}, default
 * none), how long to wait ({@link #timeouts()}, default {@link Timeouts#DEFAULTS}: connect 30 s,
 * read 30 s, idle 60 s) and through which proxy ({@link #proxy()}, default {@link ProxyChoice#none()}).
 * For the mail clients (IMAP, SMTP) the login may use an access token instead of a password
 * ({@link Builder#token(String, TokenSource)}, SASL XOAUTH2 or OAUTHBEARER), and the application may
 * pass Angus Mail properties of its own ({@link Builder#mailProperties(Map)}).
 *
 * <pre>{@code
 * ServiceAccess access = ServiceAccess.builder()
 *         .credentials("anne@example.com", secrets::password)
 *         .trust(trust)
 *         .timeouts(Timeouts.DEFAULTS.withRead(Duration.ofMinutes(2)))
 *         .proxy(ProxyChoice.system())
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe; {@link #toString()} never shows the password.
 */
public final class ServiceAccess {
    private static final ServiceAccess NONE = builder().build();

    private final Endpoint endpoint;
    private final String user;
    private final Supplier<char[]> password;
    private final CertificateTrust trust;
    private final Timeouts timeouts;
    private final ProxyChoice proxy;
    private final TokenSource tokens;
    private final TokenMechanism mechanism;
    private final Map<String, String> mailProperties;

    private ServiceAccess(Builder b) {
        this.tokens = b.tokens;
        this.mechanism = b.mechanism;
        this.mailProperties = b.mailProperties;
        this.endpoint = b.endpoint;
        this.user = b.user;
        this.password = b.password;
        this.trust = b.trust;
        this.timeouts = b.timeouts;
        this.proxy = b.proxy;
    }

    /**
     * Starts building a service access.
     *
     * @return a builder with every value at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The access with nothing set.
     *
     * @return no endpoint, no credentials, the system's CAs only, default timeouts, no proxy
     */
    public static ServiceAccess defaults() {
        return NONE;
    }

    /**
     * Starts from this access to change some of its values.
     *
     * @return a builder holding this one's values; this access does not change
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.user = user;
        b.password = password;
        b.trust = trust;
        b.timeouts = timeouts;
        b.proxy = proxy;
        b.tokens = tokens;
        b.mechanism = mechanism;
        b.mailProperties = mailProperties;
        return b;
    }

    /**
     * Where the service is.
     *
     * @return the server and its security, or null where the service is named by a URL
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Who logs in.
     *
     * @return the login, or null for none
     */
    public String user() {
        return user;
    }

    /**
     * Whether a login is set.
     *
     * @return true when {@link #user()} is not null
     */
    public boolean hasCredentials() {
        return user != null;
    }

    /**
     * Whether the login uses an access token ({@link #tokens()}) instead of a password.
     *
     * @return true for a token login
     */
    public boolean usesToken() {
        return tokens != null;
    }

    /**
     * Where the access tokens come from.
     *
     * @return the token source, or null for a password login or none
     */
    public TokenSource tokens() {
        return tokens;
    }

    /**
     * The SASL mechanism that carries the token.
     *
     * @return the mechanism; {@link TokenMechanism#XOAUTH2} unless set
     */
    public TokenMechanism tokenMechanism() {
        return mechanism;
    }

    /**
     * The application's own {@code mail.imap.*}, {@code mail.smtp.*}, {@code mail.pop3.*} properties
     * (and their TLS twins), checked by {@link io.icesync.core.mail.MailProperties#check}; empty by default.
     *
     * @return property name to value
     */
    public Map<String, String> mailProperties() {
        return mailProperties;
    }

    /**
     * A fresh copy of the password, asked of the supplier now; the caller wipes it. Null without
     * credentials and for a token login.
     *
     * @return a new array holding the password (empty when the supplier gave null), or null
     */
    public char[] password() {
        if (password == null) {
            return null;
        }
        char[] p = password.get();
        return p == null ? new char[0] : p.clone();
    }

    /**
     * The certificates accepted beyond the system's CAs.
     *
     * @return the trust list given, or an empty one when none was given; never null
     */
    public CertificateTrust trust() {
        return trust != null ? trust : CertificateTrust.inMemory();
    }

    /**
     * Whether a trust list was given.
     *
     * @return true when {@link Builder#trust(CertificateTrust)} set one
     */
    public boolean hasTrust() {
        return trust != null;
    }

    /**
     * How long to wait when connecting, reading and idling.
     *
     * @return the timeouts; {@link Timeouts#DEFAULTS} unless set
     */
    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * Which proxy to connect through.
     *
     * @return the proxy choice; {@link ProxyChoice#none()} unless set
     */
    public ProxyChoice proxy() {
        return proxy;
    }

    @Override
    public String toString() {
        return "ServiceAccess[" + (endpoint == null ? "" : endpoint + ", ") + (user == null ? "no login" : "user " + user)
                + (tokens == null ? "" : " with " + mechanism + " tokens")
                + ", " + timeouts + ", " + proxy + "]";
    }

    /** Values of a {@link ServiceAccess}; everything is optional. */
    public static final class Builder {
        private Endpoint endpoint;
        private String user;
        private Supplier<char[]> password;
        private CertificateTrust trust;
        private Timeouts timeouts = Timeouts.DEFAULTS;
        private ProxyChoice proxy = ProxyChoice.none();
        private TokenSource tokens;
        private TokenMechanism mechanism = TokenMechanism.XOAUTH2;
        private Map<String, String> mailProperties = Map.of();

        private Builder() {
        }

        /**
         * Sets where the service is.
         *
         * @param endpoint the server and its security, or null where a URL names the service
         * @return this builder
         */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * A login whose password is asked of {@code password} at each login (it may return a new array
         * each time); replaces a token login set before.
         *
         * @param user     the login; not null
         * @param password gives the password; not null
         * @return this builder
         */
        public Builder credentials(String user, Supplier<char[]> password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            this.tokens = null;
            return this;
        }

        /**
         * A login with access tokens instead of a password (mail clients only: IMAP and SMTP), sent with
         * {@link #tokenMechanism(TokenMechanism)}; replaces a password set before.
         *
         * @param user   the login; not null
         * @param tokens gives a valid access token at each login; not null
         * @return this builder
         */
        public Builder token(String user, TokenSource tokens) {
            this.user = Objects.requireNonNull(user, "user");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.password = null;
            return this;
        }

        /**
         * The SASL mechanism for a token login (default {@link TokenMechanism#XOAUTH2}).
         *
         * @param mechanism the mechanism; not null
         * @return this builder
         */
        public Builder tokenMechanism(TokenMechanism mechanism) {
            this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
            return this;
        }

        /**
         * Angus Mail session properties of the application's own, passed through to every IMAP, SMTP and
         * POP3 connection of the protocol they name (e.g. {@code mail.imap.fetchsize},
         * {@code mail.smtp.localhost}).
         *
         * @throws InvalidSettingException naming the property when it is not a {@code mail.imap(s).*},
         *         {@code mail.smtp(s).*} or {@code mail.pop3(s).*} property, or one IceSync sets itself
         *         (host and port, timeouts, TLS and trust, proxy, authentication, debug output)
         * @param properties property name to value; replaces the properties set before
         * @return this builder
         */
        public Builder mailProperties(Map<String, String> properties) {
            this.mailProperties = io.icesync.core.mail.MailProperties.check(properties);
            return this;
        }

        /**
         * A login with a fixed password; the array is copied, so the caller may wipe its own.
         *
         * @param user     the login; not null
         * @param password the password; not null
         * @return this builder
         */
        public Builder credentials(String user, char[] password) {
            char[] copy = Arrays.copyOf(Objects.requireNonNull(password, "password"), password.length);
            return credentials(user, () -> copy);
        }

        /**
         * Certificates the user accepted beyond the system's CAs, read at each new connection (default: none).
         *
         * @param trust the trust list, or null for none
         * @return this builder
         */
        public Builder trust(CertificateTrust trust) {
            this.trust = trust;
            return this;
        }

        /**
         * Sets the connect, read and idle timeouts; default {@link Timeouts#DEFAULTS}.
         *
         * @param timeouts the timeouts; not null
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Connect and read bounded by {@code both} (the shortcut of the older {@code timeout(Duration)}
         * methods); the idle timeout stays.
         *
         * @param both the connect and read timeout
         * @return this builder
         */
        public Builder timeout(Duration both) {
            return timeouts(Timeouts.of(both).withIdle(timeouts.idle()));
        }

        /**
         * Sets the proxy to connect through; default {@link ProxyChoice#none()}.
         *
         * @param proxy the proxy choice; not null
         * @return this builder
         */
        public Builder proxy(ProxyChoice proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Builds the access; the builder may be used again.
         *
         * @return an immutable access with the values set so far
         */
        public ServiceAccess build() {

            return new ServiceAccess(this);
        }
    }
}
