package io.icesync.testkit;

import io.icesync.core.ProxyChoice;
import io.icesync.testkit.internal.proxy.ConnectTunnel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on a loopback port that tunnels {@code CONNECT host:port} requests, as the proxies of
 * company networks do for IMAP, SMTP and HTTPS. It records each target asked ({@link #connects()}),
 * and can refuse every tunnel with 403 ({@link #refuse()}) or ask for a login with 407
 * ({@link #requireLogin}). Other methods get 405. Close it to stop it and cut its tunnels.
 *
 * <pre>{@code
 * try (TestProxy proxy = TestProxy.start()) {
 *     ServiceAccess access = ServiceAccess.builder().proxy(proxy.choice()).build();
 *     ...
 *     assertThat(proxy.connects()).contains("127.0.0.1:" + server.imaps().port());
 * }
 * }</pre>
 */
public final class TestProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile String expectedLogin;

    private TestProxy(ServerSocket listener) {
        this.listener = listener;
        Thread t = new Thread(this::accept, "test-proxy-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /**
     * {@return a running proxy on the loopback address and a free port, tunnelling every CONNECT}
     *
     * @throws UncheckedIOException when no port can be opened
     */
    public static TestProxy start() {
        try {
            return new TestProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the test proxy's port", e);
        }
    }

    /** {@return the address the proxy listens on, such as {@code 127.0.0.1}} */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** {@return the port the proxy listens on} */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@return this proxy as a client's choice: {@code ProxyChoice.http(host(), port())}} */
    public ProxyChoice choice() {
        return ProxyChoice.http(host(), port());
    }

    /** {@return the {@code host:port} of every CONNECT asked so far, tunnelled or not, in order} */
    public List<String> connects() {
        return List.copyOf(connects);
    }

    /**
     * Answers every CONNECT from now on {@code 403 Forbidden}; open tunnels stay.
     *
     * @return this proxy
     */
    public TestProxy refuse() {
        refusing = true;
        return this;
    }

    /**
     * Tunnels again (undoes {@link #refuse()} and {@link #requireLogin}).
     *
     * @return this proxy
     */
    public TestProxy allow() {
        refusing = false;
        expectedLogin = null;
        return this;
    }

    /**
     * Answers 407 to a CONNECT without {@code Proxy-Authorization: Basic} for this login, from now on.
     *
     * @param user     the user name the client must give
     * @param password the password the client must give
     * @return this proxy
     */
    public TestProxy requireLogin(String user, String password) {
        expectedLogin = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                ConnectTunnel tunnel = new ConnectTunnel(client, open, this::answer);
                Thread t = new Thread(tunnel, "test-proxy-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The status for a CONNECT to {@code target}, or null to tunnel it. */
    private String answer(String target, String authorization) {
        connects.add(target);
        if (refusing) {
            return "403 Forbidden";
        }
        String login = expectedLogin;
        if (login != null && !login.equals(authorization)) {
            return "407 Proxy Authentication Required";
        }
        return null;
    }

    /** Stops listening and cuts every open tunnel. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            ConnectTunnel.closeQuietly(s);
        }
        open.clear();
    }

    @Override
    public String toString() {
        return "TestProxy[" + host() + ":" + port() + "]";
    }
}
