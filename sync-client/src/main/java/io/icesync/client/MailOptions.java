package io.icesync.client;

import io.icesync.core.TokenMechanism;
import io.icesync.core.mail.MailProperties;
import java.util.Map;
import java.util.Objects;

/**
 * How a profile's mail connections (IMAP, SMTP, POP3) log in and what the application adds to them:
 * with the stored password (the default) or with access tokens ({@code "auth": "oauth"} in
 * {@code profile.json}, the tokens coming from the embedding application's
 * {@link io.icesync.core.TokenSource}, given to {@link IceSync.Builder#tokens}), the SASL mechanism
 * for tokens, and Angus Mail properties passed through ({@code "mailProperties"}, checked by
 * {@link MailProperties#check}).
 *
 * @param auth           password or oauth
 * @param tokenMechanism the SASL mechanism of a token login (default XOAUTH2)
 * @param properties     {@code mail.imap.*}, {@code mail.smtp.*}, {@code mail.pop3.*} properties; never null
 */
public record MailOptions(Auth auth, TokenMechanism tokenMechanism, Map<String, String> properties) {
    /** Password login, no extra property. */
    public static final MailOptions DEFAULTS = new MailOptions(Auth.PASSWORD, TokenMechanism.XOAUTH2, Map.of());

    /** How the mail connections log in. */
    public enum Auth {
        /** The password from the profile's secret store. */
        PASSWORD,
        /** Access tokens from the application's token source (SASL XOAUTH2 or OAUTHBEARER). */
        OAUTH
    }

    /**
     * Takes a null {@code auth} as password, a null mechanism as XOAUTH2 and null properties as none.
     *
     * @param auth           password or oauth, or null for password
     * @param tokenMechanism the SASL mechanism of a token login, or null for XOAUTH2
     * @param properties     Angus Mail properties to pass through, or null
     * @throws io.icesync.core.InvalidSettingException naming a property IceSync owns or one outside the
     *         mail protocols
     */
    public MailOptions {
        auth = auth == null ? Auth.PASSWORD : auth;
        tokenMechanism = tokenMechanism == null ? TokenMechanism.XOAUTH2 : tokenMechanism;
        properties = MailProperties.check(properties == null ? Map.of() : properties);
    }

    /**
     * Whether the mail connections log in with access tokens.
     *
     * @return true for {@link Auth#OAUTH}
     */
    public boolean oauth() {
        return auth == Auth.OAUTH;
    }

    /**
     * Token login with this mechanism.
     *
     * @param mechanism the SASL mechanism, not null
     * @return a copy logging in with tokens, the properties kept
     */
    public MailOptions withOAuth(TokenMechanism mechanism) {
        return new MailOptions(Auth.OAUTH, Objects.requireNonNull(mechanism, "mechanism"), properties);
    }

    /**
     * These properties in place of the current ones.
     *
     * @param props the new properties, or null for none
     * @return a copy with them, the login kept
     * @throws io.icesync.core.InvalidSettingException naming a property IceSync owns or one outside the
     *         mail protocols
     */
    public MailOptions withProperties(Map<String, String> props) {
        return new MailOptions(auth, tokenMechanism, props);
    }
}
