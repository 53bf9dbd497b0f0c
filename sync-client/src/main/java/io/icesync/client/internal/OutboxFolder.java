package io.icesync.client.internal;

import io.icesync.core.StoreException;
import io.icesync.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The client-only Outbox: a Maildir folder ({@code mail/Outbox/{new,cur,tmp}}) whose messages wait to
 * be sent. It is never created on the server nor synced as a folder. A message is one file, written
 * whole into {@code new/} (a reader never sees half a message) and removed once sent.
 */
public final class OutboxFolder {
    /** The folder's name under {@code mail/}. */
    public static final String NAME = "Outbox";

    private final Path root;

    public OutboxFolder(Path mailDir) {
        this.root = mailDir.resolve(NAME);
    }

    /** The waiting messages, oldest name first; temporary and hidden files are left out. */
    public List<Path> messages() {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path d = root.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).forEach(out::add);
            } catch (IOException e) {
                throw StoreException.of("cannot list " + d, e);
            }
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    /** Adds a message; returns its file. */
    public Path queue(byte[] message) {
        try {
            for (String sub : List.of("new", "cur", "tmp")) {
                Files.createDirectories(root.resolve(sub));
            }
        } catch (IOException e) {
            throw StoreException.of("cannot create " + root, e);
        }
        Path f = root.resolve("new").resolve(System.currentTimeMillis() + "." + UUID.randomUUID() + ".icesync");
        AtomicFiles.write(f, message);
        return f;
    }

    /** The message's bytes, or null when it left meanwhile. */
    public byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw StoreException.of("cannot read " + file, e);
        }
    }

    /** Writes a message over its file, whole or not at all. */
    public void replace(Path file, byte[] message) {
        AtomicFiles.write(file, message);
    }

    /** Removes a sent message, durably. */
    public void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw StoreException.of("cannot remove " + file, e);
        }
        AtomicFiles.syncDirectory(file.getParent());
    }

    /** The stable key of a message file: its name without Maildir's {@code :2,} flags. */
    public static String key(Path file) {
        String n = file.getFileName().toString();
        int colon = n.indexOf(':');
        return "local:" + (colon < 0 ? n : n.substring(0, colon));
    }
}
