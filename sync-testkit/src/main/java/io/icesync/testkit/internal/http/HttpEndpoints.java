package io.icesync.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * HTTP and HTTPS on loopback (the JDK's server), where capabilities mount their endpoints by path
 * prefix: the longest matching prefix answers; nothing mounted answers 404.
 */
public final class HttpEndpoints implements AutoCloseable {
    private final Map<String, HttpHandler> routes = new ConcurrentSkipListMap<>();
    private final HttpServer http;
    private final HttpsServer https;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "icesync-testkit-http");
        t.setDaemon(true);
        return t;
    });

    public HttpEndpoints(String host, SSLContext serverTls) {
        this(host, serverTls, 0, 0);
    }

    /** Listens on these ports (0 = a free one). */
    public HttpEndpoints(String host, SSLContext serverTls, int httpPort, int httpsPort) {
        try {
            http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
            https = HttpsServer.create(new InetSocketAddress(host, httpsPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not listen for HTTP on " + host + ": " + e.getMessage(), e);
        }
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        http.createContext("/", this::dispatch);
        https.createContext("/", this::dispatch);
        http.setExecutor(pool);
        https.setExecutor(pool);
        http.start();
        https.start();
    }

    public void mount(String pathPrefix, HttpHandler handler) {
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with /: '" + pathPrefix + "'");
        }
        routes.put(pathPrefix, handler);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String best = null;
        for (String p : routes.keySet()) {
            if (path.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        try {
            if (best == null) {
                byte[] body = ("nothing is mounted at " + path + "\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(404, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            routes.get(best).handle(ex);
        } catch (RuntimeException e) {
            byte[] body = ("test server handler failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } finally {
            ex.close();
        }
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public int httpsPort() {
        return https.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        pool.shutdownNow();
    }
}
