package io.icesync.core.internal.maildir;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crash leaves, cleaned when a store opens: unfinished files in tmp/ (IceSync's own, and any
 * older than 36 hours as the Maildir spec says; a file another program is delivering right now is
 * left alone) and folders caught half-way through a delete ({@value #TRASH}*, hidden, at the root).
 * A rename caught half-way ({@value #RENAMING}*) is finished by {@link MaildirTree} when it meets it.
 */
final class Leftovers {
    static final String TRASH = ".icesync-deleted-";
    static final String RENAMING = ".icesync-renaming-";
    private static final Duration STALE_TMP = Duration.ofHours(36);
    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    static void remove(Path root, Collection<MaildirFolder> folders) {
        int removed = 0;
        Instant stale = Instant.now().minus(STALE_TMP);
        for (MaildirFolder f : folders) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.sub("tmp"))) {
                for (Path p : ds) {
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    if (a.isRegularFile() && (UniqueNames.isOurs(p.getFileName().toString())
                            || a.lastModifiedTime().toInstant().isBefore(stale))) {
                        Files.deleteIfExists(p);
                        removed++;
                    }
                }
            } catch (NoSuchFileException e) {
                // no tmp/ (a folder made by another program): nothing left over
            } catch (IOException | DirectoryIteratorException e) {
                throw new StoreException("cannot clean " + f.sub("tmp"), e);
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, TRASH + "*")) {
            for (Path p : ds) {
                deleteTree(p);
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new StoreException("cannot clean the local store " + root, e);
        }
        if (removed > 0) {
            LOG.info("removed {} unfinished files from tmp/ directories under {}", removed, root);
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (NoSuchFileException e) {
            // gone already
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
