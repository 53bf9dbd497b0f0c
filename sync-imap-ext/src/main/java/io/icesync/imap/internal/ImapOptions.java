package io.icesync.imap.internal;

import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.ProxyChoice;
import io.icesync.core.TokenMechanism;
import io.icesync.core.TokenSource;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * Everything a connection needs, fixed when the store is built. The password is kept as chars, never as a String field.
 *
 * @param trusted         the certificates accepted beyond the system's CAs, read at every new connection
 * @param trace           receives the protocol lines (credentials masked), or null for no trace
 * @param probeIdleAfter  a connection idle for longer is checked with a NOOP before it is used again
 * @param statusCacheTtl  how long the STATUS answers of a LIST-STATUS stay good for skipping an unchanged folder
 * @param kindOverrides   folder kinds the user set, which win over what the server says
 * @param defaultNames    top-level folder name (lower case) to kind, for servers without METADATA; null: IceWarp's
 *                        names, on a server that advertises X-ICEWARP-SERVER only
 * @param commandDeadline  how long one command and its answer may take in all, however steadily bytes come
 * @param transferDeadline the same for the commands that carry message contents (FETCH, APPEND)
 * @param maxResponseLine  the most response text one answer may hold, literals aside
 * @param maxLiteral       the most bytes one literal may hold
 * @param proxy            how the connections reach the server
 * @param tokens           where access tokens come from for a token login (then password is empty), or null
 * @param tokenMechanism   the SASL mechanism of a token login
 * @param mailProperties   the application's own {@code mail.imap.*} properties, checked
 */
public record ImapOptions(Endpoint endpoint, String login, char[] password, Supplier<List<X509Certificate>> trusted,
                          String clientVersion, Duration connectTimeout, Duration readTimeout,
                          boolean folderKinds, boolean iceWarpHello, Consumer<String> trace,
                          Duration probeIdleAfter, Duration statusCacheTtl,
                          Map<FolderPath, FolderKind> kindOverrides, Map<String, FolderKind> defaultNames,
                          Duration commandDeadline, Duration transferDeadline, long maxResponseLine, long maxLiteral,
                          ProxyChoice proxy, TokenSource tokens, TokenMechanism tokenMechanism,
                          Map<String, String> mailProperties) {
    /** The same options with another read timeout (a push connection waits longer than a command does). */
    public ImapOptions withReadTimeout(Duration read) {
        return new ImapOptions(endpoint, login, password, trusted, clientVersion, connectTimeout, read, folderKinds,
                iceWarpHello, trace, probeIdleAfter, statusCacheTtl, kindOverrides, defaultNames, commandDeadline,
                transferDeadline, maxResponseLine, maxLiteral, proxy, tokens, tokenMechanism, mailProperties);
    }

    public String server() {
        return endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public String toString() {
        return "ImapOptions[" + login + "@" + server() + ", " + endpoint.security() + "]";
    }
}
