package io.icesync.core;

import java.util.Objects;

/**
 * Which proxy a client goes through: {@link #none()} (the default: straight to the server),
 * {@link #system()} (the JVM's {@code ProxySelector}, which reads {@code http.proxyHost},
 * {@code https.proxyHost}, {@code http.nonProxyHosts}, or the OS settings with
 * {@code java.net.useSystemProxies}), or an explicit HTTP proxy {@link #http(String, int)}.
 * Every client honours it: HTTP through {@code io.icesync.net.HttpClientFactory}; IMAP, SMTP and POP3
 * through {@link io.icesync.core.proxy.MailProxy}, which tunnels with CONNECT through an HTTP proxy and,
 * for {@code system()}, asks the {@code ProxySelector} for {@code socket://host:port} (a SOCKS proxy
 * from {@code socksProxyHost}) and then {@code https://host:port}.
 */
public final class ProxyChoice {
    /** The kinds of choice. */
    public enum Kind {
        /** Straight to the server. */
        NONE,
        /** Whatever the JVM's {@code ProxySelector} says. */
        SYSTEM,
        /** An explicit HTTP proxy ({@link #host()}, {@link #port()}). */
        HTTP
    }

    private static final ProxyChoice NONE = new ProxyChoice(Kind.NONE, null, 0);
    private static final ProxyChoice SYSTEM = new ProxyChoice(Kind.SYSTEM, null, 0);

    private final Kind kind;
    private final String host;
    private final int port;

    private ProxyChoice(Kind kind, String host, int port) {
        this.kind = kind;
        this.host = host;
        this.port = port;
    }

    /**
     * No proxy (the default).
     *
     * @return the choice to connect straight to the server
     */
    public static ProxyChoice none() {
        return NONE;
    }

    /**
     * The JVM's default {@code ProxySelector}.
     *
     * @return the choice to ask the JVM, per connection
     */
    public static ProxyChoice system() {
        return SYSTEM;
    }

    /**
     * An HTTP proxy at {@code host:port} (CONNECT for TLS).
     *
     * @param host the proxy's host name or address, without brackets; not blank
     * @param port the proxy's port, 1 to 65535
     * @return the choice
     * @throws IllegalArgumentException when the host is blank or the port out of range
     */
    public static ProxyChoice http(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a proxy needs a host and a port in 1..65535, got " + host + ":" + port);
        }
        return new ProxyChoice(Kind.HTTP, host, port);
    }

    /**
     * A choice as a user writes it: {@code none}, {@code system}, or {@code HOST:PORT} of an HTTP proxy
     * ({@code [v6-address]:PORT} for an IPv6 address).
     *
     * @param text the text; case is ignored for {@code none} and {@code system}
     * @return the choice
     * @throws InvalidSettingException naming {@code proxy} and the text, for anything else
     */
    public static ProxyChoice parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (t.equalsIgnoreCase("system")) {
            return SYSTEM;
        }
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "" : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return http(host, Integer.parseInt(t.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("proxy", "expected none, system or HOST:PORT of an HTTP proxy, got \""
                    + t + "\"", e);
        }
    }

    /**
     * The choice as {@link #parse} reads it.
     *
     * @return {@code none}, {@code system} or {@code HOST:PORT} (an IPv6 host in brackets)
     */
    public String text() {
        if (kind != Kind.HTTP) {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Which kind of choice this is.
     *
     * @return none, system or HTTP
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The explicit proxy's host.
     *
     * @return the host for {@link Kind#HTTP}, else null
     */
    public String host() {
        return host;
    }

    /**
     * The explicit proxy's port.
     *
     * @return the port for {@link Kind#HTTP}, else 0
     */

    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyChoice p && p.kind == kind && Objects.equals(p.host, host) && p.port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, host, port);
    }

    @Override
    public String toString() {
        return kind == Kind.HTTP ? "proxy " + host + ":" + port : "proxy " + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
