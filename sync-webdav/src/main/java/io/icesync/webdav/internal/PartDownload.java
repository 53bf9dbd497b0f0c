package io.icesync.webdav.internal;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.ConnectionException;
import io.icesync.core.StoreException;
import io.icesync.webdav.Download;
import io.icesync.webdav.DownloadMismatchException;
import io.icesync.webdav.DownloadOptions;
import io.icesync.webdav.Progress;
import io.icesync.webdav.UnexpectedStatusException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download into {@code target.part} that survives broken connections and restarts of the
 * application: the bytes already there are kept and the rest asked for with Range, guarded by
 * If-Range with the validator of the version they came from (kept beside them in
 * {@code target.part.validator}). A server that answers 200 to that has a new version, and the file
 * is started again from zero: two versions are never spliced together. Only a complete, checked and
 * synced file is renamed to the target.
 */
public final class PartDownload {
    private static final Logger LOG = LoggerFactory.getLogger(PartDownload.class);
    private static final int CHUNK = 64 * 1024;

    private final DavHttp http;
    private final URI url;
    private final Path target;
    private final Path part;
    private final Path validatorFile;
    private final DownloadOptions options;

    public PartDownload(DavHttp http, URI url, Path target, DownloadOptions options) {
        this.http = http;
        this.url = url;
        this.target = target.toAbsolutePath();
        this.part = this.target.resolveSibling(this.target.getFileName() + ".part");
        this.validatorFile = this.target.resolveSibling(this.target.getFileName() + ".part.validator");
        this.options = options;
    }

    /** Downloads, resuming up to {@code retries} times after a broken connection. */
    public Download run() {
        for (int attempt = 0;; attempt++) {
            try {
                Download d = attempt();
                if (d != null) {
                    return d;
                }
                LOG.info("{}: the partial file cannot be continued, starting again from zero", url);
            } catch (ConnectionException e) {
                if (attempt >= options.retries()) {
                    throw e;
                }
                LOG.info("{}: transfer interrupted ({}), resuming", url, e.getMessage());
            }
        }
    }

    /** One request; null when the partial file had to be dropped and a fresh request is needed. */
    private Download attempt() {
        String validator = null;
        long have = 0;
        try {
            if (Files.isRegularFile(part) && Files.isRegularFile(validatorFile)) {
                validator = Files.readString(validatorFile, StandardCharsets.UTF_8).trim();
                have = Files.size(part);
            }
        } catch (IOException e) {
            throw StoreException.of("cannot read the partial download " + part, e);
        }
        boolean expectedExceeded = options.expectedSize() >= 0 && have > options.expectedSize();
        if (validator == null || validator.isEmpty() || have == 0 || expectedExceeded) {
            validator = null;
            have = 0;
        }

        HttpGet get = new HttpGet(url);
        get.setHeader("Accept-Encoding", "identity");
        if (have > 0) {
            get.setHeader("Range", "bytes=" + have + "-");
            get.setHeader("If-Range", validator);
        }
        ClassicHttpResponse response = http.open(get);
        int code = response.getCode();
        boolean resume;
        if (have > 0 && code == 206) {
            if (contentRangeStart(response) != have || !sameVersion(validator, response)) {
                // A server that ignored If-Range, or answered another range: its bytes cannot be trusted to follow ours.
                get.cancel();
                DavHttp.finish(response);
                drop();
                return null;
            }
            resume = true;
        } else if (have > 0 && code == 416) {
            DavHttp.finish(response);
            drop();
            return null;
        } else if (code == 200) {
            resume = false;
        } else if (code == 206) {
            get.cancel();
            DavHttp.finish(response);
            throw new UnexpectedStatusException("GET " + url + ": HTTP 206 to a request without Range", code, url.toString());
        } else {
            throw http.failure(get, response);
        }

        long start = resume ? have : 0;
        long rest = resume ? contentRangeTotal(response) : response.getEntity() == null ? 0 : response.getEntity().getContentLength();
        long whole = rest < 0 ? -1 : start + rest;
        if (whole >= 0 && options.expectedSize() >= 0 && whole != options.expectedSize()) {
            get.cancel();
            DavHttp.finish(response);
            drop();
            throw new DownloadMismatchException("size", String.valueOf(options.expectedSize()), String.valueOf(whole),
                    code, url.toString());
        }
        String etag = header(response, "ETag");
        MessageDigest sha = sha256();
        long size;
        try (response; FileChannel out = openPart(resume, sha, response)) {
            size = copy(get, response, out, sha, start, whole);
        } catch (IOException e) {
            throw StoreException.of("cannot write " + part, e);
        }
        return finish(size, HexFormat.of().formatHex(sha.digest()), etag == null ? validator : etag, start, code);
    }

    /** Opens the partial file: appended to (after hashing what is there) or emptied and tagged with the new version. */
    private FileChannel openPart(boolean resume, MessageDigest sha, ClassicHttpResponse response) throws IOException {
        if (resume) {
            try (InputStream kept = Files.newInputStream(part)) {
                byte[] buf = new byte[CHUNK];
                for (int n; (n = kept.read(buf)) > 0;) {
                    sha.update(buf, 0, n);
                }
            }
            return FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        Files.deleteIfExists(validatorFile);
        FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        String v = validatorOf(response);
        if (v != null) {
            Files.writeString(validatorFile, v + "\n", StandardCharsets.UTF_8);
        }
        return out;
    }

    /** Copies the body; network failures become ConnectionException (retried), the bytes so far synced to disk. */
    private long copy(HttpGet get, ClassicHttpResponse response, FileChannel out, MessageDigest sha, long start, long whole)
            throws IOException {
        long bytes = start;
        if (response.getEntity() == null) {
            return bytes;
        }
        byte[] buf = new byte[CHUNK];
        InputStream in;
        try {
            in = response.getEntity().getContent();
        } catch (IOException e) {
            throw http.failure(get, e);
        }
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                out.force(false);
                throw http.failure(get, e);
            }
            if (n < 0) {
                break;
            }
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            while (b.hasRemaining()) {
                out.write(b);
            }
            sha.update(buf, 0, n);
            bytes += n;
            try {
                options.listener().accept(new Progress(bytes, whole, start));
            } catch (RuntimeException e) {
                // The caller stopped the download: keep what is on disk for a later resume, drop the connection.
                out.force(false);
                get.cancel();
                throw e;
            }
        }
        out.force(true);
        return bytes;
    }

    private Download finish(long size, String sha256, String etag, long resumedFrom, int status) {
        if (options.expectedSize() >= 0 && size != options.expectedSize()) {
            drop();
            throw new DownloadMismatchException("size", String.valueOf(options.expectedSize()), String.valueOf(size),
                    status, url.toString());
        }
        if (options.expectedSha256() != null && !options.expectedSha256().equals(sha256)) {
            drop();
            throw new DownloadMismatchException("SHA-256", options.expectedSha256(), sha256, status, url.toString());
        }
        AtomicFiles.publish(part, target);
        try {
            Files.deleteIfExists(validatorFile);
        } catch (IOException e) {
            throw StoreException.of("cannot remove " + validatorFile, e);
        }
        AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
        return new Download(target, size, sha256, etag, resumedFrom);
    }

    private void drop() {
        try {
            Files.deleteIfExists(part);
            Files.deleteIfExists(validatorFile);
        } catch (IOException e) {
            throw StoreException.of("cannot remove the partial download " + part, e);
        }
    }

    /** What If-Range can use: a strong ETag (weak ones are not allowed there), else Last-Modified. */
    private static String validatorOf(ClassicHttpResponse response) {
        String etag = header(response, "ETag");
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return header(response, "Last-Modified");
    }

    /** Whether a 206 comes from the version our bytes are from, by the validators it carries. */
    private static boolean sameVersion(String validator, ClassicHttpResponse response) {
        String etag = header(response, "ETag");
        if (validator.startsWith("\"") && etag != null && !etag.startsWith("W/")) {
            return validator.equals(etag);
        }
        String modified = header(response, "Last-Modified");
        if (!validator.startsWith("\"") && modified != null) {
            return validator.equals(modified);
        }
        return true;
    }

    private static long contentRangeStart(ClassicHttpResponse response) {
        long[] r = contentRange(response);
        return r == null ? -1 : r[0];
    }

    /** The bytes a 206 carries from its first byte to the end of the file, or -1 when the total is unknown. */
    private static long contentRangeTotal(ClassicHttpResponse response) {
        long[] r = contentRange(response);
        return r == null || r[2] < 0 ? -1 : r[2] - r[0];
    }

    /** "bytes first-last/total" as {first, last, total}; total -1 for "*"; null when absent or malformed. */
    private static long[] contentRange(ClassicHttpResponse response) {
        String v = header(response, "Content-Range");
        if (v == null || !v.startsWith("bytes ")) {
            return null;
        }
        try {
            String spec = v.substring(6).trim();
            int dash = spec.indexOf('-');
            int slash = spec.indexOf('/');
            long first = Long.parseLong(spec.substring(0, dash).trim());
            long last = Long.parseLong(spec.substring(dash + 1, slash).trim());
            String t = spec.substring(slash + 1).trim();
            return new long[] {first, last, t.equals("*") ? -1 : Long.parseLong(t)};
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
