package io.icesync.testkit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's files on the {@link TestWebDav} server, in memory: what a test seeds before a client
 * runs and reads back afterwards. Paths are plain text relative to the account's root
 * ({@code "Docs/été.pdf"}); a leading or trailing '/' is ignored. Thread-safe; clients connected
 * over WebDAV see every change at once.
 */
public final class WebDavFiles {
    /** A file or a collection as stored; a file's content is never changed in place. */
    record Node(boolean collection, byte[] content, String etag, Instant modified, String contentType) {
        long length() {
            return content == null ? 0 : content.length;
        }
    }

    private final Object lock = new Object();
    private final TreeMap<String, Node> nodes = new TreeMap<>();

    WebDavFiles() {
    }

    /**
     * Stores a file (octet-stream), creating the folders above it; an existing file is replaced.
     *
     * @param path    the file's path, relative to the account's root
     * @param content the file's bytes; copied
     * @return this tree
     * @throws IllegalArgumentException when the path is empty or holds {@code .} or {@code ..}
     * @throws IllegalStateException    when a folder is at the path or a file where a folder must be
     */
    public WebDavFiles put(String path, byte[] content) {
        return put(path, content, "application/octet-stream");
    }

    /**
     * Stores a file with this media type, creating the folders above it; an existing file is replaced.
     *
     * @param path        the file's path, relative to the account's root
     * @param content     the file's bytes; copied
     * @param contentType the media type GET and PROPFIND report, or null for {@code application/octet-stream}
     * @return this tree
     * @throws IllegalArgumentException when the path is empty or holds {@code .} or {@code ..}
     * @throws IllegalStateException    when a folder is at the path or a file where a folder must be
     */
    public WebDavFiles put(String path, byte[] content, String contentType) {
        String p = normalize(path);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("a file needs a name");
        }
        synchronized (lock) {
            mkdirsLocked(parent(p));
            Node existing = nodes.get(p);
            if (existing != null && existing.collection()) {
                throw new IllegalStateException(p + " is a folder");
            }
            nodes.put(p, file(content.clone(), contentType));
        }
        return this;
    }

    /**
     * Creates a folder and the folders above it; existing ones are kept.
     *
     * @param path the folder's path, relative to the account's root
     * @return this tree
     * @throws IllegalArgumentException when the path holds {@code .} or {@code ..}
     * @throws IllegalStateException    when a file is where a folder must be
     */
    public WebDavFiles mkdirs(String path) {
        synchronized (lock) {
            mkdirsLocked(normalize(path));
        }
        return this;
    }

    /**
     * Reads a file.
     *
     * @param path the file's path, relative to the account's root
     * @return a copy of the content, or empty when there is no file at the path (a folder included)
     */
    public Optional<byte[]> get(String path) {
        Node n = node(normalize(path));
        return n == null || n.collection() ? Optional.empty() : Optional.of(n.content().clone());
    }

    /**
     * Tells whether a file or folder exists at the path.
     *
     * @param path the path, relative to the account's root; the root itself always exists
     * @return true when something is there
     */
    public boolean exists(String path) {
        return node(normalize(path)) != null;
    }

    /**
     * The strong ETag a client sees for the file; it changes whenever the content does.
     *
     * @param path the file's path, relative to the account's root
     * @return the tag, quotes included, or null when nothing is there (null for a folder too)
     */
    public String etag(String path) {
        Node n = node(normalize(path));
        return n == null ? null : n.etag();
    }

    /** {@return every path, sorted; folders end with '/'} */
    public List<String> list() {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            nodes.forEach((p, n) -> out.add(n.collection() ? p + "/" : p));
            return out;
        }
    }

    /**
     * Removes a file or a folder with everything in it.
     *
     * @param path the path, relative to the account's root; the root empties the whole tree
     * @return false when nothing was there
     */
    public boolean delete(String path) {
        synchronized (lock) {
            return removeTreeLocked(normalize(path));
        }
    }

    // ------------------------------------------------------------------ for the server

    Object lock() {
        return lock;
    }

    /** The node at a normalized path; the root is always a collection. */
    Node node(String p) {
        if (p.isEmpty()) {
            return new Node(true, null, null, Instant.EPOCH, null);
        }
        synchronized (lock) {
            return nodes.get(p);
        }
    }

    /** Direct members of a collection, by path. Call with the lock held. */
    Map<String, Node> children(String p) {
        Map<String, Node> out = new TreeMap<>();
        String prefix = p.isEmpty() ? "" : p + "/";
        for (Map.Entry<String, Node> e : nodes.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (e.getKey().indexOf('/', prefix.length()) < 0 && !e.getKey().equals(p)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Whether the folder a path would live in exists. Call with the lock held. */
    boolean parentExists(String p) {
        String parent = parent(p);
        if (parent.isEmpty()) {
            return true;
        }
        Node n = nodes.get(parent);
        return n != null && n.collection();
    }

    void storeFile(String p, byte[] content, String contentType) {
        nodes.put(p, file(content, contentType));
    }

    void storeCollection(String p) {
        nodes.put(p, new Node(true, null, null, now(), null));
    }

    /** Removes a node and everything under it. Call with the lock held. */
    boolean removeTreeLocked(String p) {
        if (p.isEmpty()) {
            boolean any = !nodes.isEmpty();
            nodes.clear();
            return any;
        }
        boolean found = nodes.remove(p) != null;
        nodes.keySet().removeIf(k -> k.startsWith(p + "/"));
        return found;
    }

    /** Copies a node and everything under it (files keep their ETag: same bytes). Call with the lock held. */
    void copyTreeLocked(String from, String to) {
        Map<String, Node> copies = new TreeMap<>();
        copies.put(to, nodes.get(from));
        for (Map.Entry<String, Node> e : nodes.tailMap(from + "/", true).entrySet()) {
            if (!e.getKey().startsWith(from + "/")) {
                break;
            }
            copies.put(to + e.getKey().substring(from.length()), e.getValue());
        }
        nodes.putAll(copies);
    }

    /** The path without leading or trailing '/', with '.' and '..' refused. */
    static String normalize(String path) {
        String p = path == null ? "" : path.replaceAll("/+", "/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        for (String s : p.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("'.' and '..' are not allowed in a path: " + path);
            }
        }
        return p;
    }

    static String parent(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    private void mkdirsLocked(String p) {
        if (p.isEmpty()) {
            return;
        }
        mkdirsLocked(parent(p));
        Node n = nodes.get(p);
        if (n == null) {
            storeCollection(p);
        } else if (!n.collection()) {
            throw new IllegalStateException(p + " is a file, not a folder");
        }
    }

    private static Node file(byte[] content, String contentType) {
        return new Node(false, content, etagOf(content), now(), contentType == null ? "application/octet-stream" : contentType);
    }

    /** Derived from the bytes: the same content keeps its tag, any change gives a new one. */
    private static String etagOf(byte[] content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + java.util.HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "WebDavFiles" + list();
    }
}
