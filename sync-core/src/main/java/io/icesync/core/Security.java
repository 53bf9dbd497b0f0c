package io.icesync.core;

/** How a connection is protected (F2.1): plain (not recommended), STARTTLS (recommended) or implicit SSL/TLS. */
public enum Security {
    PLAIN, STARTTLS, SSL
}
