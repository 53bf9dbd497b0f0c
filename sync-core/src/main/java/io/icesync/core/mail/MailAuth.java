package io.icesync.core.mail;

import io.icesync.core.ServiceAccess;
import io.icesync.core.TokenMechanism;
import io.icesync.core.internal.sasl.OAuthBearerProvider;
import java.util.Properties;

/**
 * The session properties of a token login: Angus' own XOAUTH2, or OAUTHBEARER (RFC 7628) through
 * Angus' SASL path and IceSync's {@code javax.security.sasl} client; in both cases no other mechanism
 * (PLAIN, LOGIN) is tried, so a token is never sent as a password.
 */
public final class MailAuth {
    private MailAuth() {
    }

    /**
     * Sets the properties of {@code access}'s token login for {@code protocol}; nothing for a password login.
     *
     * @param props the session properties to add to
     * @param protocol the session's protocol name, e.g. {@code imaps} or {@code smtp}
     * @param access the login; its {@link ServiceAccess#tokenMechanism()} counts only when
     *         {@link ServiceAccess#usesToken()} is true
     */
    public static void applyTo(Properties props, String protocol, ServiceAccess access) {
        applyTo(props, protocol, access.usesToken() ? access.tokenMechanism() : null);
    }

    /**
     * Sets the properties of a token login with {@code mechanism} for {@code protocol}; nothing when it is null.
     *
     * @param props the session properties to add to
     * @param protocol the session's protocol name, e.g. {@code imaps} or {@code smtp}
     * @param mechanism the token mechanism, or null for a password login
     */
    public static void applyTo(Properties props, String protocol, TokenMechanism mechanism) {
        if (mechanism == null) {
            return;
        }
        String p = "mail." + protocol + ".";
        String mech = mechanism.name();
        props.put(p + "auth.mechanisms", mech);
        if (mechanism == TokenMechanism.XOAUTH2) {
            props.put(p + "auth.xoauth2.disable", "false");
            props.put(p + "sasl.enable", "false");
        } else {
            OAuthBearerProvider.install();
            props.put(p + "sasl.enable", "true");
            props.put(p + "sasl.mechanisms", mech);
        }
    }
}
