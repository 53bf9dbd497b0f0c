package io.icesync.core;

import java.util.Objects;

/**
 * Who syncs and where: the e-mail address, the login name and the IMAP endpoint. The password is
 * never part of the model: it lives in a {@link io.icesync.core.spi.SecretStore} under {@link #secretKey()}.
 */
public record Account(String email, String login, Endpoint imap) {
    public Account {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(imap, "imap");
        if (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1) {
            throw new IllegalArgumentException("not an e-mail address: '" + email + "'");
        }
    }

    /** The key of this account's password in a secret store. */
    public String secretKey() {
        return "imap:" + login + "@" + imap.host() + ":" + imap.port();
    }
}
