package io.icesync.imap.internal;

import io.icesync.core.Endpoint;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** Everything a connection needs, fixed when the store is built. The password is kept as chars, never as a String field. */
public record ImapOptions(Endpoint endpoint, String login, char[] password, List<X509Certificate> trusted,
                          String clientVersion, Duration connectTimeout, Duration readTimeout,
                          boolean folderKinds, boolean iceWarpHello) {
    public String server() {
        return endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public String toString() {
        return "ImapOptions[" + login + "@" + server() + ", " + endpoint.security() + "]";
    }
}
