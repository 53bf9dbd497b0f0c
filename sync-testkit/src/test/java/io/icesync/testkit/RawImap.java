package io.icesync.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A bare IMAP client for protocol tests: sends exact bytes, returns the lines the server answered. */
final class RawImap implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int next = 1;
    final String greeting;

    RawImap(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = line();
    }

    static RawImap tls(String host, int port, SSLContext ctx) throws IOException {
        RawImap r = new RawImap();
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(host, port);
        s.setSoTimeout(5000);
        r.attach(s);
        return r;
    }

    private RawImap() {
        greeting = null;
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    /** Upgrades the connection after a STARTTLS OK. */
    void startTls(SSLContext ctx) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(socket, socket.getInetAddress().getHostAddress(),
                socket.getPort(), true);
        s.setUseClientMode(true);
        s.startHandshake();
        attach(s);
    }

    /** Sends {@code tag command} and returns every line up to and including the tagged one. */
    List<String> cmd(String command) throws IOException {
        String tag = "a" + next++;
        send(tag + " " + command + "\r\n");
        return until(tag);
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    String tag() {
        return "a" + next++;
    }

    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = line();
            if (l == null) {
                throw new IOException("connection closed; got " + lines);
            }
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** One line, with any literal's bytes inlined. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                if (s.endsWith("\r")) {
                    s = s.substring(0, s.length() - 1);
                }
                int open = s.lastIndexOf('{');
                if (s.endsWith("}") && open >= 0) {
                    int n = Integer.parseInt(s.substring(open + 1, s.length() - 1));
                    byte[] lit = in.readNBytes(n);
                    return s + "\r\n" + new String(lit, StandardCharsets.UTF_8) + line();
                }
                return s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    void login(String user, String password) throws IOException {
        List<String> r = cmd("LOGIN " + user + " " + password);
        if (!r.get(r.size() - 1).contains(" OK ")) {
            throw new IOException("login failed: " + r);
        }
    }

    void setTimeout(int ms) throws IOException {
        socket.setSoTimeout(ms);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
