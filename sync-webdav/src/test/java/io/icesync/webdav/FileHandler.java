package io.icesync.webdav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves one file with an ETag, Range ("bytes=N-") and If-Range as RFC 9110 says: a stale If-Range
 * gets the whole current file with 200. Can replace the file (a new version) and cut the next answer
 * after some bytes, as a dropped connection would.
 */
final class FileHandler implements HttpHandler {
    private volatile Path file;
    private volatile String etag;
    private volatile long cutNextAfter = -1;

    FileHandler(Path file, String version) {
        replace(file, version);
    }

    /** Serves another content from now on, under a new ETag. */
    void replace(Path newFile, String version) {
        this.file = newFile;
        this.etag = "\"" + version + "\"";
    }

    String etag() {
        return etag;
    }

    /** The next answer sends this many body bytes, then the connection is dropped. */
    void cutNextAfter(long bytes) {
        this.cutNextAfter = bytes;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Path f = file;
        String tag = etag;
        long length = Files.size(f);
        long start = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        String ifRange = ex.getRequestHeaders().getFirst("If-Range");
        boolean partial = false;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-") && (ifRange == null || ifRange.equals(tag))) {
            start = Long.parseLong(range.substring(6, range.length() - 1));
            if (start >= length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + length);
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            partial = true;
        }
        ex.getResponseHeaders().set("ETag", tag);
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (partial) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (length - 1) + "/" + length);
        }
        long count = length - start;
        ex.sendResponseHeaders(partial ? 206 : 200, count == 0 ? -1 : count);
        long cut = cutNextAfter;
        cutNextAfter = -1;
        OutputStream out = ex.getResponseBody();
        try (InputStream in = Files.newInputStream(f)) {
            in.skipNBytes(start);
            byte[] buf = new byte[64 * 1024];
            long sent = 0;
            while (sent < count) {
                int want = (int) Math.min(buf.length, count - sent);
                if (cut >= 0) {
                    want = (int) Math.min(want, cut - sent);
                }
                if (want <= 0) {
                    out.flush();
                    // Thrown from the handler, this makes the JDK server drop the connection mid-body.
                    throw new IOException("connection cut on purpose after " + sent + " bytes");
                }
                int n = in.read(buf, 0, want);
                out.write(buf, 0, n);
                sent += n;
            }
        }
        ex.close();
    }
}
