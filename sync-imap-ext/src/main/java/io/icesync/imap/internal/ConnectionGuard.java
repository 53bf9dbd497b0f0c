package io.icesync.imap.internal;

import io.icesync.imap.CommandDeadlineException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * What another thread may do to a store's connections while a call is blocked on them: close their
 * sockets, on a cancel or when a command passes its deadline. The sockets are the plain TCP ones
 * (under any TLS layer), recorded as the socket factories make them: closing one ends a blocked
 * read or write at once, and takes none of Angus' locks, which the blocked call holds.
 */
final class ConnectionGuard {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "icesync-imap-deadlines");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    /** A command's deadline, running until closed. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Duration commandDeadline;
    private final Duration transferDeadline;
    private volatile boolean aborted;
    /** The command whose deadline passed, until the failure it caused is reported. */
    private volatile Expired expired;

    private record Expired(String command, Duration deadline) {
    }

    ConnectionGuard(Duration commandDeadline, Duration transferDeadline) {
        this.commandDeadline = commandDeadline;
        this.transferDeadline = transferDeadline;
    }

    /** Wraps the factory of plain sockets (used for STARTTLS too). */
    SocketFactory plain(SocketFactory base) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return opened(base.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return opened(base.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return opened(base.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return opened(base.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return opened(base.createSocket(host, port, local, localPort));
            }
        };
    }

    /** Wraps the TLS factory: Angus layers TLS over a plain socket it made, which is the one recorded. */
    SSLSocketFactory tls(SSLSocketFactory base) {
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return base.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return base.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                opened(s);
                return base.createSocket(s, host, port, autoClose);
            }

            @Override
            public Socket createSocket() throws IOException {
                return opened(base.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return opened(base.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return opened(base.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return opened(base.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return opened(base.createSocket(host, port, local, localPort));
            }
        };
    }

    private Socket opened(Socket s) {
        sockets.removeIf(Socket::isClosed);
        sockets.add(s);
        if (aborted) {
            // An abort that came while this connection was being made.
            closeQuietly(s);
        }
        return s;
    }

    /** Closes every connection and refuses new ones until {@link #reset()}. Safe from any thread. */
    void abort() {
        aborted = true;
        closeAll();
    }

    boolean aborted() {
        return aborted;
    }

    /** New connections are allowed again (the next cycle's connect). */
    void reset() {
        aborted = false;
        expired = null;
    }

    private void closeAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** The deadline of a command: transfers of message contents get the longer one. */
    Duration deadlineOf(String command) {
        String c = command.toUpperCase(Locale.ROOT);
        return c.equals("FETCH") || c.equals("UID FETCH") || c.equals("APPEND") ? transferDeadline : commandDeadline;
    }

    /** Starts the deadline of {@code command}; when it passes first, the connections are closed. */
    Watch watch(String command) {
        Duration limit = deadlineOf(command);
        ScheduledFuture<?> f = TIMER.schedule(() -> {
            expired = new Expired(command, limit);
            closeAll();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** What a server sent over the response bounds, until the failure it caused is reported. */
    private volatile String oversized;

    /** A response went over its bounds: the connection that read it is closing. */
    void oversized(String what) {
        oversized = what;
    }

    /** The error to report for a response over its bounds (reported once), else null. */
    io.icesync.core.ProtocolException oversized(String server, String doing, Throwable cause) {
        String o = oversized;
        if (o == null) {
            return null;
        }
        oversized = null;
        return new io.icesync.core.ProtocolException("the server " + server + " sent " + o + " while IceSync tried to "
                + doing + "; the connection was closed", null, cause);
    }

    /**
     * The error to report for a failure: a {@link CommandDeadlineException} when a deadline passed
     * (reported once), else null.
     */
    CommandDeadlineException passed(String server, Throwable cause) {
        Expired e = expired;
        if (e == null) {
            return null;
        }
        expired = null;
        return new CommandDeadlineException(server, e.command(), e.deadline(), cause);
    }
}
