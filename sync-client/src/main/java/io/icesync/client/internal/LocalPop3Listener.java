package io.icesync.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local POP3 listener (F10.4): on 127.0.0.1 only, a maildrop that is always empty, for the POP3
 * account of a mail program's profile, which must have a server to poll ("IceWarp Sync écoute sur ce
 * port et simule une activité nulle"). Any login is accepted: nothing is behind it, and nobody but this
 * computer can reach it. Answers RFC 1939 (USER, PASS, APOP, STAT, LIST, UIDL, RETR, TOP, DELE, RSET,
 * NOOP, QUIT) and RFC 2449's CAPA. Passwords are read and dropped, never logged.
 */
public final class LocalPop3Listener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPop3Listener.class);
    /** RFC 2449: a command line is at most 255 octets; a little room for a client's padding. */
    private static final int MAX_LINE = 512;
    /** RFC 1939's autologout timer is at least 10 minutes. */
    private static final int IDLE_MS = 10 * 60 * 1000;
    private static final int MAX_CLIENTS = 16;

    private final ServerSocket socket;
    private final ExecutorService clients;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LocalPop3Listener(ServerSocket socket) {
        this.socket = socket;
        this.clients = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "icesync-pop3-listener-client");
            t.setDaemon(true);
            return t;
        });
        Thread accept = new Thread(this::acceptLoop, "icesync-pop3-listener");
        accept.setDaemon(true);
        accept.start();
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port).
     *
     * @throws IOException when the port cannot be had (another program, or another profile, holds it)
     */
    public static LocalPop3Listener start(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        LOG.info("local POP3 listener on 127.0.0.1:{}", s.getLocalPort());
        return new LocalPop3Listener(s);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                if (!slots.tryAcquire()) {
                    reply(c.getOutputStream(), "-ERR too many connections");
                    c.close();
                    continue;
                }
                open.add(c);
                clients.execute(() -> {
                    try {
                        serve(c);
                    } finally {
                        open.remove(c);
                        slots.release();
                    }
                });
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.debug("local POP3 listener: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            c.setSoTimeout(IDLE_MS);
            InputStream in = new java.io.BufferedInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            reply(out, "+OK IceSync POP3 listener ready (this mailbox is always empty)");
            boolean authorized = false;
            for (String line; (line = readLine(in)) != null; ) {
                String[] w = line.trim().split(" +");
                String cmd = w[0].toUpperCase(Locale.ROOT);
                boolean hasArg = w.length > 1;
                if (cmd.equals("QUIT")) {
                    reply(out, "+OK bye");
                    return;
                }
                if (cmd.equals("CAPA")) {
                    reply(out, "+OK capabilities follow\r\nUSER\r\nUIDL\r\nTOP\r\nRESP-CODES\r\n.");
                } else if (!authorized) {
                    switch (cmd) {
                        case "USER" -> reply(out, hasArg ? "+OK send PASS" : "-ERR USER needs a name");
                        case "PASS", "APOP" -> {
                            authorized = hasArg;
                            reply(out, hasArg ? "+OK maildrop has 0 messages (0 octets)" : "-ERR " + cmd
                                    + " needs an argument");
                        }
                        default -> reply(out, "-ERR log in first (USER and PASS)");
                    }
                } else {
                    reply(out, transaction(cmd, hasArg));
                }
            }
        } catch (SocketException e) {
            // the client or close() dropped the connection
        } catch (IOException e) {
            LOG.debug("local POP3 listener: {}", e.toString());
        }
    }

    /** The answers of an empty maildrop: no message number exists. */
    private static String transaction(String cmd, boolean hasArg) {
        return switch (cmd) {
            case "STAT" -> "+OK 0 0";
            case "LIST", "UIDL" -> hasArg ? "-ERR no such message" : "+OK 0 messages\r\n.";
            case "RETR", "TOP", "DELE" -> "-ERR no such message";
            case "RSET", "NOOP" -> "+OK";
            default -> "-ERR unknown command " + (cmd.length() > 20 ? cmd.substring(0, 20) : cmd);
        };
    }

    /** One CRLF (or LF) line of at most MAX_LINE octets; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (b.size() >= MAX_LINE) {
                throw new IOException("a command line longer than " + MAX_LINE + " octets");
            }
            b.write(c);
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Stops listening and drops the connections. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
        for (Socket c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // closed either way
            }
        }
        clients.shutdownNow();
        LOG.info("local POP3 listener on 127.0.0.1:{} stopped", socket.getLocalPort());
    }
}
