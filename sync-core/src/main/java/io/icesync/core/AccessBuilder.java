package io.icesync.core;

import io.icesync.core.spi.CertificateTrust;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The part of every client builder that says how to reach the service: a whole
 * {@link ServiceAccess}, or its pieces one by one (credentials, trust, timeouts, proxy). Defaults
 * are those of {@link ServiceAccess}: no login, the system's CAs only, connect 30 s, read 30 s,
 * idle 60 s, no proxy.
 *
 * @param <B> the builder itself, so that calls chain
 */
public abstract class AccessBuilder<B extends AccessBuilder<B>> {
    private ServiceAccess.Builder access = ServiceAccess.builder();

    /** Starts with the defaults of {@link ServiceAccess}. */
    protected AccessBuilder() {
    }

    /**
     * Everything at once; replaces what the other methods set before.
     *
     * @param a the access; not null
     * @return this builder
     */
    public B access(ServiceAccess a) {
        this.access = Objects.requireNonNull(a, "access").toBuilder();
        return self();
    }

    /**
     * The account; the password is copied, so the caller may wipe its array.
     *
     * @param user     the login; not null
     * @param password the password; not null
     * @return this builder
     */
    public B credentials(String user, char[] password) {
        access.credentials(user, password);
        return self();
    }

    /**
     * The account, its password asked of {@code password} when a client logs in.
     *
     * @param user     the login; not null
     * @param password gives the password; not null
     * @return this builder
     */
    public B credentials(String user, Supplier<char[]> password) {
        access.credentials(user, password);
        return self();
    }

    /**
     * The account, logging in with access tokens (mail clients only; see {@link ServiceAccess.Builder#token}).
     *
     * @param user   the login; not null
     * @param tokens gives a valid access token at each login; not null
     * @return this builder
     */
    public B token(String user, TokenSource tokens) {
        access.token(user, tokens);
        return self();
    }

    /**
     * The SASL mechanism of a token login (default {@link TokenMechanism#XOAUTH2}).
     *
     * @param mechanism the mechanism; not null
     * @return this builder
     */
    public B tokenMechanism(TokenMechanism mechanism) {
        access.tokenMechanism(mechanism);
        return self();
    }

    /**
     * Angus Mail properties of the application's own; see {@link ServiceAccess.Builder#mailProperties}.
     *
     * @param properties property name to value
     * @return this builder
     * @throws InvalidSettingException when a property is not one the application may set
     */
    public B mailProperties(Map<String, String> properties) {
        access.mailProperties(properties);
        return self();
    }

    /**
     * The certificates the user accepted beyond the system's CAs; read again at each new connection.
     *
     * @param trust the trust list, or null for none
     * @return this builder
     */
    public B trust(CertificateTrust trust) {
        access.trust(trust);
        return self();
    }

    /**
     * Bounds connecting and each wait for data (30 s each by default).
     *
     * @param timeout the connect and read timeout
     * @return this builder
     */
    public B timeout(Duration timeout) {
        access.timeout(timeout);
        return self();
    }

    /**
     * Connect, read and idle timeouts (default {@link Timeouts#DEFAULTS}).
     *
     * @param timeouts the timeouts; not null
     * @return this builder
     */
    public B timeouts(Timeouts timeouts) {
        access.timeouts(timeouts);
        return self();
    }

    /**
     * The proxy to connect through; default {@link ProxyChoice#none()}.
     *
     * @param proxy the proxy choice; not null
     * @return this builder
     */
    public B proxy(ProxyChoice proxy) {
        access.proxy(proxy);
        return self();
    }

    /**
     * What was set so far.
     *
     * @return a new access holding the values set so far
     */

    public ServiceAccess serviceAccess() {
        return access.build();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
