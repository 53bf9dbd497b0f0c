package io.icesync.core.mail;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.tls.CapturingTrust;
import java.security.GeneralSecurityException;
import java.util.Properties;

/**
 * The Jakarta Mail session properties of one connection to a mail server, as every IceSync client sets
 * them: the endpoint's security (implicit TLS, or STARTTLS required once asked for), the access's
 * connect and read timeouts (writes bounded by the read one), its proxy, the server's name checked and
 * its certificate checked by {@code trust} (the system's CAs plus the accepted ones, the chain kept for
 * the error), with no second try through the JVM's own factories, which would leave the accepted
 * certificates out; a token login's mechanism ({@link MailAuth}) and the application's own properties
 * ({@link MailProperties}).
 *
 * @param protocol   {@code smtp}/{@code smtps}, {@code pop3}/{@code pop3s}... as the session names it
 * @param properties the session's properties
 * @param trust      checks the server's certificate and keeps the last chain it saw
 * @param proxy      the proxy the connection goes through
 */
public record MailSession(String protocol, Properties properties, CapturingTrust trust, MailProxy proxy) {
    /**
     * The properties of a connection to {@code endpoint} with {@code protocol} ({@code "smtp"}, {@code "pop3"}:
     * the TLS variant is chosen here for an implicit-TLS endpoint), logging in when the access has a login.
     *
     * @param protocol the plain protocol name, {@code "smtp"} or {@code "pop3"}
     * @param endpoint the server, its port and its security
     * @param access the login, timeouts, proxy, accepted certificates and mail properties
     * @return the session settings, with the protocol name actually used
     * @throws IllegalStateException when the JDK cannot set up the certificate checks
     */
    public static MailSession of(String protocol, Endpoint endpoint, ServiceAccess access) {
        CapturingTrust trust;
        try {
            trust = new CapturingTrust(access.trust().accepted());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up certificate checks: " + e.getMessage(), e);
        }
        String name = endpoint.security() == Security.SSL ? protocol + "s" : protocol;
        String p = "mail." + name + ".";
        Properties props = new Properties();
        props.put(p + "host", endpoint.host());
        props.put(p + "port", Integer.toString(endpoint.port()));
        props.put(p + "connectiontimeout", Long.toString(access.timeouts().connect().toMillis()));
        props.put(p + "timeout", Long.toString(access.timeouts().read().toMillis()));
        props.put(p + "writetimeout", Long.toString(access.timeouts().read().toMillis()));
        MailProxy proxy = MailProxy.of(access.proxy(), endpoint.host(), endpoint.port());
        proxy.applyTo(props, name);
        props.put(p + "auth", Boolean.toString(access.user() != null));
        try {
            props.put(p + "ssl.socketFactory", trust.socketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
        props.put(p + "ssl.checkserveridentity", "true");
        props.put(p + "socketFactory.fallback", "false");
        props.put(p + "ssl.socketFactory.fallback", "false");
        if (endpoint.security() == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        MailAuth.applyTo(props, name, access);
        MailProperties.applyTo(props, name, access.mailProperties());
        return new MailSession(name, props, trust, proxy);
    }
}
