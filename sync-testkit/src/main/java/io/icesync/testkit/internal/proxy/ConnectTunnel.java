package io.icesync.testkit.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/** One client of the test proxy: reads its request, answers it, and copies bytes both ways once tunnelled. */
public final class ConnectTunnel implements Runnable {
    private static final int MAX_LINE = 8192;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final Socket client;
    private final Set<Socket> open;
    /** The status for (target, Proxy-Authorization), or null to tunnel. */
    private final BiFunction<String, String, String> decide;

    public ConnectTunnel(Socket client, Set<Socket> open, BiFunction<String, String, String> decide) {
        this.client = client;
        this.open = open;
        this.decide = decide;
    }

    @Override
    public void run() {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String[] request = line(in).split(" ");
            String authorization = null;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("proxy-authorization")) {
                    authorization = h.substring(colon + 1).trim();
                }
            }
            if (request.length != 3 || !request[0].equals("CONNECT")) {
                reply(out, "405 Method Not Allowed");
                return;
            }
            String status = decide.apply(request[1], authorization);
            if (status != null) {
                reply(out, status + (status.startsWith("407") ? "\r\nProxy-Authenticate: Basic realm=\"test\"" : ""));
                return;
            }
            Socket server = new Socket();
            open.add(server);
            try {
                int colon = request[1].lastIndexOf(':');
                String host = request[1].substring(0, colon).replace("[", "").replace("]", "");
                server.connect(new InetSocketAddress(host, Integer.parseInt(request[1].substring(colon + 1))),
                        CONNECT_TIMEOUT_MS);
            } catch (IOException | RuntimeException e) {
                reply(out, "502 Bad Gateway");
                return;
            }
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread back = new Thread(() -> copy(server, client), "test-proxy-back");
            back.setDaemon(true);
            back.start();
            copy(client, server);
        } catch (IOException e) {
            // the client went away
        } finally {
            closeQuietly(client);
        }
    }

    private static void reply(OutputStream out, String statusAndHeaders) throws IOException {
        out.write(("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Copies until either side ends, then closes both. */
    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || b.size() > MAX_LINE) {
                throw new IOException("the request ended or is too long");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    public static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
