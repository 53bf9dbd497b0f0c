package io.icesync.client;

import io.icesync.client.internal.OptionalModules;
import io.icesync.client.internal.TnefParts;
import io.icesync.client.internal.TnefUnpacker;
import io.icesync.core.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the {@code winmail.dat} (application/ms-tnef) attachments of a received message into real
 * files (F10.5): the attachments it carries, and its body as {@code message.rtf}, {@code message.html}
 * or {@code message.txt} when it holds one. Decoding is Apache POI's HMEF. IceSync itself never writes
 * TNEF: what it sends leaves as the bytes that were queued.
 */
public final class TnefAttachments {
    private TnefAttachments() {
    }

    /**
     * Opens every TNEF attachment of {@code message} (a Maildir message or a {@code .eml} file; a bare
     * {@code winmail.dat} is taken too) into {@code outDir}, created when missing. Names come from the
     * TNEF (long name first), reduced to a plain file name; a name used twice in the message gets " (2)",
     * " (3)"... A file of the same name already in {@code outDir} is replaced, so opening again gives the
     * same files. Each file is written whole or not at all. Returns the files written, in order: empty when the
     * message has no TNEF attachment.
     *
     * @param message the message file
     * @param outDir  the folder to write into
     * @return the files written, in order
     * @throws InvalidTnefException when a TNEF attachment is not a readable TNEF stream
     * @throws InvalidMessageException when the file is not a readable message
     * @throws UncheckedIOException when a file cannot be read or written
     * @throws io.icesync.core.MissingDependencyException when {@code org.apache.poi:poi-scratchpad} is not on
     *         the class path
     */
    public static List<Path> open(Path message, Path outDir) {
        OptionalModules.requirePoi("opening TNEF attachments");
        List<TnefParts.Stream> parts = TnefParts.of(message);
        List<Path> written = new ArrayList<>();
        if (parts.isEmpty()) {
            return written;
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        for (TnefParts.Stream part : parts) {
            for (TnefUnpacker.File f : TnefUnpacker.unpack(message, part)) {
                Path target = unique(outDir, f.name(), written);
                AtomicFiles.write(target, f.content());
                written.add(target);
            }
        }
        return written;
    }

    private static Path unique(Path dir, String name, List<Path> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path p = dir.resolve(name);
        for (int n = 2; taken.contains(p); n++) {
            p = dir.resolve(stem + " (" + n + ")" + ext);
        }
        return p;
    }
}
