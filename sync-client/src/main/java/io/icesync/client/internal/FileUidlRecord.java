package io.icesync.client.internal;

import io.icesync.core.StoreException;
import io.icesync.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link UidlRecord} as a text file beside {@code state.db}, one line per event, appended and forced to
 * disk: {@code P uidl} (download started), {@code F uidl epochSecond} (stored). A last line cut by a kill
 * has no newline and is dropped when the file is opened; {@link #keepOnly} rewrites the file whole.
 * A UIDL is printable ASCII without spaces (RFC 1939), so it needs no quoting; anything else is refused.
 */
public final class FileUidlRecord implements UidlRecord {
    private static final String HEADER = "# icesync POP3 UIDLs 1";
    private final Path file;
    private final Map<String, Instant> fetched = new LinkedHashMap<>();
    private final Set<String> pending = new HashSet<>();

    public FileUidlRecord(Path file) {
        this.file = file;
        if (!Files.exists(file)) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
            for (String line : new String(bytes, 0, end, StandardCharsets.US_ASCII).split("\n")) {
                read(line);
            }
        } catch (IOException e) {
            throw StoreException.of("cannot read the POP3 record " + file, e);
        }
    }

    private void read(String line) {
        String[] w = line.split(" ");
        if (w[0].equals("P") && w.length == 2) {
            pending.add(w[1]);
        } else if (w[0].equals("F") && w.length == 3) {
            pending.remove(w[1]);
            fetched.put(w[1], Instant.ofEpochSecond(Long.parseLong(w[2])));
        } else if (!line.isEmpty() && !line.equals(HEADER)) {
            throw new StoreException("the POP3 record " + file + " has a line it cannot read: '" + line + "'", null);
        }
    }

    @Override
    public Map<String, Instant> fetched() {
        return Map.copyOf(fetched);
    }

    @Override
    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    @Override
    public boolean started() {
        return Files.exists(file);
    }

    @Override
    public void begin() {
        if (!started()) {
            append(HEADER);
            // The new file's name must be durable too, or a power cut could forget every UIDL at once.
            try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a directory; the file itself is synced
            }
        }
    }

    @Override
    public void intend(String uidl) {
        append("P " + checked(uidl));
        pending.add(uidl);
    }

    @Override
    public void record(String uidl, Instant fetchedAt) {
        append("F " + checked(uidl) + " " + fetchedAt.getEpochSecond());
        pending.remove(uidl);
        fetched.put(uidl, fetchedAt);
    }

    @Override
    public void keepOnly(Set<String> uidls) {
        if (uidls.containsAll(fetched.keySet()) && pending.isEmpty()) {
            return;
        }
        fetched.keySet().retainAll(uidls);
        pending.clear();
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        fetched.forEach((u, t) -> b.append("F ").append(u).append(' ').append(t.getEpochSecond()).append('\n'));
        AtomicFiles.writeString(file, b.toString());
    }

    private static String checked(String uidl) {
        if (uidl.isEmpty() || uidl.length() > 70 || !uidl.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new StoreException("the POP3 server gave a UIDL that RFC 1939 does not allow: '"
                    + uidl.replaceAll("[^\\x21-\\x7e]", "?") + "'", null);
        }
        return uidl;
    }

    private void append(String line) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            throw StoreException.of("cannot write the POP3 record " + file, e);
        }
    }
}
