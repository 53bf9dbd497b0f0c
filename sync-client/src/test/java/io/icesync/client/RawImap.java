package io.icesync.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A second IMAP client for interop tests, as bare as a script: plain commands on a socket, each
 * answer read up to its tagged line, a NO or BAD thrown. Not IceSync's code, so what it does to the
 * server is what another mail program would do.
 */
final class RawImap implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private int tag;

    RawImap(String host, int port, String user, String password) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        in.readLine(); // greeting
        run("LOGIN \"" + user + "\" \"" + password + "\"");
    }

    /** Sends one command; returns the untagged lines of its answer. */
    String run(String command) throws IOException {
        String t = "r" + (++tag);
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return answer(t, command);
    }

    /** APPENDs a message (a synchronising literal) and returns the answer. */
    String append(String mailbox, byte[] message) throws IOException {
        String t = "r" + (++tag);
        out.write((t + " APPEND \"" + mailbox + "\" {" + message.length + "}\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String go = in.readLine();
        if (go == null || !go.startsWith("+")) {
            throw new IOException("APPEND refused: " + go);
        }
        out.write(message);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return answer(t, "APPEND");
    }

    private String answer(String t, String command) throws IOException {
        StringBuilder lines = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed during " + command);
            }
            if (line.startsWith(t + " ")) {
                if (!line.startsWith(t + " OK")) {
                    throw new IOException(command.split(" ")[0] + " failed: " + line);
                }
                return lines.toString();
            }
            lines.append(line).append('\n');
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run("LOGOUT");
        } catch (IOException e) {
            // the server may close first
        } finally {
            socket.close();
        }
    }
}
