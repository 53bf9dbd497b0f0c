package io.icesync.core.internal.maildir;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder's keyword letters in Dovecot's convention: the file {@code dovecot-keywords} holds
 * lines {@code N name}, and keyword N is the letter 'a'+N in file names. Only 26 letters exist;
 * keywords past them are kept in a side file by {@link ExtraKeywords}.
 */
final class KeywordTable {
    static final String FILE = "dovecot-keywords";
    private final Path file;
    private final List<String> names = new ArrayList<>();

    KeywordTable(Path folderDir) {
        this.file = folderDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int sp = line.indexOf(' ');
                    if (sp <= 0) {
                        continue;
                    }
                    int n = Integer.parseInt(line.substring(0, sp));
                    while (names.size() <= n) {
                        names.add(null);
                    }
                    names.set(n, line.substring(sp + 1));
                }
            } catch (IOException | NumberFormatException e) {
                throw new StoreException("cannot read the keyword list " + file, e);
            }
        }
    }

    /** The keyword of a letter, or null. */
    String keyword(char letter) {
        int n = letter - 'a';
        return n >= 0 && n < names.size() ? names.get(n) : null;
    }

    /** The letter of a keyword, adding it to the file if there is room; 0 when all 26 are taken. */
    char letter(String keyword) {
        int n = names.indexOf(keyword);
        if (n >= 0) {
            return (char) ('a' + n);
        }
        int free = names.indexOf(null);
        if (free < 0) {
            if (names.size() >= 26) {
                return 0;
            }
            names.add(keyword);
            free = names.size() - 1;
        } else {
            names.set(free, keyword);
        }
        save();
        return (char) ('a' + free);
    }

    private void save() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                b.append(i).append(' ').append(names.get(i)).append('\n');
            }
        }
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
