package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;
import io.icesync.core.store.PercentEscapes;
import io.icesync.groupware.Contact;
import io.icesync.groupware.ParseResult;
import io.icesync.groupware.ParseWarning;
import io.icesync.groupware.VCardCodec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the contacts folders of a profile's groupware store ({@code <profile>/groupware/}): one
 * directory per folder (names %-escaped), {@code .icesync-folder} with {@code kind=CONTACTS}, one
 * {@code .vcf} file per contact. Only reads; never adopts or repairs what it finds.
 */
final class VdirAddressBooks {
    private static final Logger LOG = LoggerFactory.getLogger(VdirAddressBooks.class);
    static final String FOLDER_FILE = ".icesync-folder";

    private final VCardCodec codec = new VCardCodec();
    private final Predicate<FolderPath> ownBooks;
    final List<AddressBook> books = new ArrayList<>();
    final List<GalWarning> warnings = new ArrayList<>();

    VdirAddressBooks(Predicate<FolderPath> ownBooks) {
        this.ownBooks = ownBooks;
    }

    /** Walks the tree as the store lists it: sub-directories by name, a folder before its sub-folders. */
    VdirAddressBooks read(Path root) {
        if (Files.isDirectory(root)) {
            walk(root, FolderPath.root());
        }
        return this;
    }

    private void walk(Path dir, FolderPath path) {
        for (Path sub : list(dir, Files::isDirectory)) {
            String name = sub.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            FolderPath p = path.child(segment(name));
            if (isContactsFolder(sub)) {
                AddressBook probe = AddressBook.at(p, List.of());
                // Shared and public books join automatically (guide: "ajoute automatiquement les carnets publics").
                if (probe.shared() || ownBooks.test(p)) {
                    books.add(AddressBook.at(p, contacts(sub)));
                }
            }
            walk(sub, p);
        }
    }

    private boolean isContactsFolder(Path dir) {
        Path f = dir.resolve(FOLDER_FILE);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            warn(f, "folder properties unreadable (" + e.getMessage() + "); folder skipped");
            return false;
        }
        return "CONTACTS".equalsIgnoreCase(p.getProperty("kind", "").strip());
    }

    private List<Contact> contacts(Path dir) {
        List<Contact> out = new ArrayList<>();
        for (Path f : list(dir, VdirAddressBooks::isCard)) {
            try {
                ParseResult<Contact> r = codec.parse(CardText.decode(Files.readAllBytes(f)));
                out.addAll(r.items());
                for (ParseWarning w : r.warnings()) {
                    warn(f, w.toString());
                }
            } catch (IOException e) {
                warn(f, "cannot read the file (" + e.getMessage() + "); skipped");
            } catch (RuntimeException e) {
                // A broken card must not hide the rest of the list: GroupwareFormatException, bad UTF-8, a library's own failure.
                warn(f, "not a readable vCard (" + e.getMessage() + "); skipped");
            }
        }
        return out;
    }

    private static boolean isCard(Path f) {
        String n = f.getFileName().toString();
        return !n.startsWith(".") && n.toLowerCase(Locale.ROOT).endsWith(".vcf") && Files.isRegularFile(f);
    }

    /** Entries sorted by file name: a vdir has no order of its own, and this one is stable. */
    private List<Path> list(Path dir, DirectoryStream.Filter<Path> filter) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, filter)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            warn(dir, "cannot list the folder (" + e.getMessage() + "); skipped");
        }
        out.sort(null);
        return out;
    }

    private void warn(Path file, String message) {
        LOG.debug("address list: {}: {}", file, message);
        warnings.add(new GalWarning(file, message));
    }

    /** The folder name a directory name stands for ('%XX' is one byte of the UTF-8 name). */
    static String segment(String dirName) {
        return new String(PercentEscapes.decode(dirName), StandardCharsets.UTF_8);
    }
}
