package io.icesync.webdav.files.internal;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SHA-256 of files, computed again only when a file's size or modification time changed. */
public final class ContentHashes {
    private record Cached(long size, long modified, String sha256) {
    }

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public String of(Path file, long size, long modified) {
        Cached c = cache.get(file);
        if (c != null && c.size() == size && c.modified() == modified) {
            return c.sha256();
        }
        String h = sha256(file);
        cache.put(file, new Cached(size, modified, h));
        return h;
    }

    public void forget(Path file) {
        cache.remove(file);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw StoreException.of("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
