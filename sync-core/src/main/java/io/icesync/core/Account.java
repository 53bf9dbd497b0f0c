package io.icesync.core;

import java.util.Objects;

/**
 * Who syncs and where: the e-mail address, the login name and the IMAP endpoint. The password is
 * never part of the model: it lives in a {@link io.icesync.core.spi.SecretStore} under {@link #secretKey()}.
 *
 * @param email the user's e-mail address
 * @param login the name the user logs in with (often the address)
 * @param imap  the IMAP server and its security
 */
public record Account(String email, String login, Endpoint imap) {
    /**
     * Checks the account.
     *
     * @param email the user's e-mail address; not null, with a local part and a domain
     * @param login the login name; not null
     * @param imap  the IMAP server; not null
     * @throws IllegalArgumentException when {@code email} is not an e-mail address
     * @throws NullPointerException     when a component is null
     */
    public Account {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(imap, "imap");
        if (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1) {
            throw new IllegalArgumentException("not an e-mail address: '" + email + "'");
        }
    }

    /**
     * The key of this account's password in a secret store.
     *
     * @return {@code imap:LOGIN@HOST:PORT}
     */

    public String secretKey() {
        return "imap:" + login + "@" + imap.host() + ":" + imap.port();
    }
}
