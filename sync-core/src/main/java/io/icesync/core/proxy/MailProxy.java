package io.icesync.core.proxy;

import io.icesync.core.ConnectionException;
import io.icesync.core.ProxyChoice;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The proxy one mail connection goes through, chosen by a {@link ProxyChoice} for its server: none,
 * an HTTP proxy (a CONNECT tunnel), or a SOCKS proxy (only as {@link ProxyChoice#system()} answers).
 * Every module that opens an Angus Mail session takes its proxy settings from here
 * ({@link #applyTo}), and its proxy errors ({@link #failure}).
 */
public final class MailProxy {
    /** How the connection is made. */
    public enum Type {
        /** No proxy: the connection goes straight to the server. */
        DIRECT,
        /** An HTTP proxy, through which Angus Mail opens a CONNECT tunnel. */
        HTTP,
        /** A SOCKS proxy, named in the session properties and used by {@link #socketFactory()}. */
        SOCKS
    }

    private static final MailProxy DIRECT = new MailProxy(Type.DIRECT, null, 0);
    /** The start of Angus Mail's message when the proxy answered a CONNECT with anything but 200. */
    private static final String TUNNEL_REFUSED = "connection through proxy";

    private final Type type;
    private final String host;
    private final int port;

    private MailProxy(Type type, String host, int port) {
        this.type = type;
        this.host = host;
        this.port = port;
    }

    /**
     * The proxy of a connection to {@code host:port}; {@link ProxyChoice#system()} asks the JVM's
     * {@link ProxySelector} now, as {@code socket://host:port} (SOCKS settings) and then
     * {@code https://host:port} (HTTPS proxy settings and their {@code nonProxyHosts}).
     *
     * @param choice the application's proxy choice; not null
     * @param host the mail server's host
     * @param port the mail server's port
     * @return the proxy to use, a direct one when none applies
     * @throws NullPointerException if {@code choice} is null
     */
    public static MailProxy of(ProxyChoice choice, String host, int port) {
        Objects.requireNonNull(choice, "proxy");
        return switch (choice.kind()) {
            case NONE -> DIRECT;
            case HTTP -> new MailProxy(Type.HTTP, choice.host(), choice.port());
            case SYSTEM -> selected(ProxySelector.getDefault(), host, port);
        };
    }

    /** What {@code selector} answers for {@code host:port}: its first proxy that is not direct. */
    static MailProxy selected(ProxySelector selector, String host, int port) {
        if (selector == null) {
            return DIRECT;
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        for (String scheme : List.of("socket", "https")) {
            List<Proxy> answer = selector.select(URI.create(scheme + "://" + h + ":" + port));
            for (Proxy p : answer == null ? List.<Proxy>of() : answer) {
                if (p.type() != Proxy.Type.DIRECT && p.address() instanceof InetSocketAddress a) {
                    return new MailProxy(p.type() == Proxy.Type.SOCKS ? Type.SOCKS : Type.HTTP, a.getHostString(),
                            a.getPort());
                }
            }
        }
        return DIRECT;
    }

    /**
     * How the connection is made: directly, through an HTTP CONNECT tunnel, or through SOCKS.
     *
     * @return the type, never null
     */
    public Type type() {
        return type;
    }

    /**
     * The proxy's host, or null for {@link Type#DIRECT}.
     *
     * @return the host name or address, or null
     */
    public String host() {
        return host;
    }

    /**
     * The proxy's port, or 0 for {@link Type#DIRECT}.
     *
     * @return the port, or 0
     */
    public int port() {
        return port;
    }

    /**
     * Sets Angus Mail's proxy properties of {@code protocol} (the session's protocol name:
     * {@code imap}, {@code imaps}, {@code smtp}, {@code smtps}, {@code pop3}, {@code pop3s}).
     * A caller that also gives Angus a plain socket factory must take it from {@link #socketFactory}:
     * Angus then makes no SOCKS socket of its own.
     *
     * @param p the session properties to add to; nothing is added for {@link Type#DIRECT}
     * @param protocol the session's protocol name
     * @return {@code p}, for chaining
     */
    public Properties applyTo(Properties p, String protocol) {
        String prefix = "mail." + protocol + ".";
        if (type == Type.HTTP) {
            p.put(prefix + "proxy.host", host);
            p.put(prefix + "proxy.port", String.valueOf(port));
        } else if (type == Type.SOCKS) {
            p.put(prefix + "socks.host", host);
            p.put(prefix + "socks.port", String.valueOf(port));
        }
        return p;
    }

    /**
     * Plain sockets that go through a SOCKS proxy when this is one (an HTTP tunnel is Angus' own work).
     *
     * @return a factory of unconnected or connected plain sockets; the JVM's default one unless this is a SOCKS proxy
     */
    public SocketFactory socketFactory() {
        if (type != Type.SOCKS) {
            return SocketFactory.getDefault();
        }
        Proxy socks = new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(host, port));
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket(socks);
            }

            @Override
            public Socket createSocket(String h, int p) throws IOException {
                return connected(new Socket(socks), new InetSocketAddress(h, p));
            }

            @Override
            public Socket createSocket(String h, int p, InetAddress local, int localPort) throws IOException {
                Socket s = new Socket(socks);
                s.bind(new InetSocketAddress(local, localPort));
                return connected(s, new InetSocketAddress(h, p));
            }

            @Override
            public Socket createSocket(InetAddress h, int p) throws IOException {
                return connected(new Socket(socks), new InetSocketAddress(h, p));
            }

            @Override
            public Socket createSocket(InetAddress h, int p, InetAddress local, int localPort) throws IOException {
                Socket s = new Socket(socks);
                s.bind(new InetSocketAddress(local, localPort));
                return connected(s, new InetSocketAddress(h, p));
            }
        };
    }

    private static Socket connected(Socket s, InetSocketAddress to) throws IOException {
        try {
            s.connect(to);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The error to report when the proxy is what failed on the way to {@code server}: it cannot be
     * reached, its name does not resolve, or it refused the tunnel (its status line quoted: a 403, a
     * 407 asking for a proxy login). Null when the failure is not the proxy's, or there is no proxy.
     *
     * @param server the mail server as messages name it, e.g. "IMAP mail.example.com:993"
     * @param e the failure of the connection; its cause chain is read
     * @return a {@link ConnectionException} naming the proxy and wrapping {@code e}, or null
     */
    public ConnectionException failure(String server, Throwable e) {
        if (type == Type.DIRECT) {
            return null;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (c instanceof ConnectException && m.startsWith(TUNNEL_REFUSED)) {
                int at = m.indexOf("failed: ");
                String status = at < 0 ? m : m.substring(at + "failed: ".length()).trim();
                return new ConnectionException(this + " refused to connect to " + server + " (it answered \"" + status
                        + "\")" + (status.contains(" 407") ? "; it asks for a proxy login, which IceSync does not send" : ""),
                        e);
            }
            if (c instanceof UnknownHostException && type == Type.HTTP) {
                // Through an HTTP proxy only the proxy's own name is looked up here.
                return new ConnectionException("the host of the " + this + " is unknown (DNS)", e);
            }
            if (c instanceof ConnectException && type == Type.HTTP) {
                return new ConnectionException("the " + this + " cannot be reached on the way to " + server + " (" + m + ")",
                        e);
            }
            if (c instanceof SocketException && type == Type.SOCKS && m.contains("SOCKS")) {
                return new ConnectionException("the " + this + " failed on the way to " + server + " (" + m + ")", e);
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailProxy p && p.type == type && Objects.equals(p.host, host) && p.port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, host, port);
    }

    /** {@code HTTP proxy host:port}, {@code SOCKS proxy host:port}, or {@code no proxy}. */
    @Override
    public String toString() {
        return type == Type.DIRECT ? "no proxy" : type + " proxy " + host + ":" + port;
    }
}
