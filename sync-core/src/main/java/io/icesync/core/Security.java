package io.icesync.core;

/** How a connection is protected (F2.1): plain (not recommended), STARTTLS (recommended) or implicit SSL/TLS. */
public enum Security {
    /** No encryption: the password and the mail cross the network readable. Not recommended. */
    PLAIN,
    /** A plain connection upgraded to TLS before login (STARTTLS). */
    STARTTLS,
    /** TLS from the first byte (implicit SSL/TLS, e.g. IMAP port 993). */
    SSL
}

