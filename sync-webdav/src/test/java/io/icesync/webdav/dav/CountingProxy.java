package io.icesync.webdav.dav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP relay on 127.0.0.1 in front of Radicale, recording every request, so that a test sees
 * how many round trips a sync takes and of which kind: what a user waits for. It speaks HTTP/1.0 to
 * Radicale, one connection per request read to its end, as Radicale itself does.
 */
final class CountingProxy implements AutoCloseable {
    /** One request: method, path, Depth header (or null) and, for a REPORT, its root element's local name. */
    record Request(String method, String path, String depth, String report) {
    }

    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[A-Za-z0-9_-]+:)?([A-Za-z0-9_-]+)");

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    CountingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::relay);
        server.setExecutor(threads);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    long count(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).count();
    }

    long count(String method, String depth) {
        return requests.stream().filter(r -> r.method().equals(method) && depth.equals(r.depth())).count();
    }

    /** Requests of a method with this Depth on one decoded path. */
    long count(String method, String depth, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && depth.equals(r.depth()) && r.path().equals(path))
                .count();
    }

    long reports(String kind) {
        return requests.stream().filter(r -> kind.equals(r.report())).count();
    }

    void reset() {
        requests.clear();
    }

    private void relay(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            String method = x.getRequestMethod();
            requests.add(new Request(method, x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("Depth"),
                    method.equals("REPORT") ? rootOf(body) : null));
            StringBuilder head = new StringBuilder(method).append(' ').append(x.getRequestURI().getRawPath())
                    .append(x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery())
                    .append(" HTTP/1.0\r\nHost: ").append(target.getHost()).append(':').append(target.getPort())
                    .append("\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n");
            x.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
                }
            });
            byte[] answer;
            try (Socket s = new Socket(target.getHost(), target.getPort())) {
                s.setSoTimeout(30_000);
                s.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().write(body);
                s.getOutputStream().flush();
                answer = s.getInputStream().readAllBytes();
            }
            int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim();
                if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    x.getResponseHeaders().add(name, lines[i].substring(colon + 1).trim());
                }
            }
            byte[] out = Arrays.copyOfRange(answer, end + 4, answer.length);
            boolean noBody = out.length == 0 || method.equals("HEAD") || status == 204 || status == 304;
            x.getResponseHeaders().set("Connection", "close");
            x.sendResponseHeaders(status, noBody ? -1 : out.length);
            if (!noBody) {
                x.getResponseBody().write(out);
            }
        }
    }

    private static int indexOf(byte[] a, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= a.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in an answer of " + a.length + " bytes");
    }

    /** The local name of the first element of an XML body ("calendar-multiget", "sync-collection"). */
    static String rootOf(byte[] body) {
        Matcher m = ROOT.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
