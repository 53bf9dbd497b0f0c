package io.icesync.core;

/** The SASL mechanism that carries an access token to a mail server (IMAP AUTHENTICATE, SMTP AUTH). */
public enum TokenMechanism {
    /** Google's and Microsoft's {@code XOAUTH2}, offered by most servers that take tokens (the default). */
    XOAUTH2,
    /** {@code OAUTHBEARER} of RFC 7628, the standard one (Dovecot, Cyrus...). */
    OAUTHBEARER
}
