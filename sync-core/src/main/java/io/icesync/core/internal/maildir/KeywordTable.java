package io.icesync.core.internal.maildir;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder's keyword letters in Dovecot's convention: the file {@code dovecot-keywords} holds lines
 * {@code N name} and keyword N is the letter {@code 'a'+N} in the info of a file name. Only 26 letters
 * exist; {@link ExtraKeywords} keeps the rest. The file is read again when another program (Dovecot)
 * has changed it, and letters are never reassigned, as Dovecot does.
 */
final class KeywordTable {
    static final String FILE = "dovecot-keywords";
    private static final Logger LOG = LoggerFactory.getLogger(KeywordTable.class);
    private Path file;
    private final String[] names = new String[26];
    private List<Object> stamp;

    KeywordTable(Path folderDir) {
        this.file = folderDir.resolve(FILE);
    }

    void relocate(Path folderDir) {
        file = folderDir.resolve(FILE);
        stamp = null;
    }

    /** Reads the file if it changed since it was last read: one stat when it did not. */
    void refresh() {
        List<Object> now;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            now = Arrays.asList(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            now = List.of();
        } catch (IOException e) {
            throw new StoreException("cannot read the keyword list " + file, e);
        }
        if (Objects.equals(now, stamp)) {
            return;
        }
        Arrays.fill(names, null);
        if (!now.isEmpty()) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line);
                }
            } catch (IOException e) {
                throw new StoreException("cannot read the keyword list " + file, e);
            }
        }
        stamp = now;
    }

    private void parse(String line) {
        int sp = line.indexOf(' ');
        try {
            int n = sp > 0 ? Integer.parseInt(line.substring(0, sp)) : -1;
            String k = line.substring(sp + 1).strip();
            if (n >= 0 && n < 26 && !k.isEmpty()) {
                names[n] = k;
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("ignoring the line '{}' of {}", line, file);
    }

    /** The keyword of a letter, or null. */
    String keyword(char letter) {
        return letter >= 'a' && letter <= 'z' ? names[letter - 'a'] : null;
    }

    /** The letter of a keyword, giving it a free one (and writing the file) if needed; 0 when all 26 are taken. */
    char letter(String keyword) {
        refresh();
        int free = -1;
        for (int i = 0; i < names.length; i++) {
            if (keyword.equals(names[i])) {
                return (char) ('a' + i);
            }
            if (names[i] == null && free < 0) {
                free = i;
            }
        }
        if (free < 0) {
            return 0;
        }
        names[free] = keyword;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                b.append(i).append(' ').append(names[i]).append('\n');
            }
        }
        // Written (and synced) before any file name uses the letter.
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        stamp = null;
        refresh();
        return (char) ('a' + free);
    }
}
