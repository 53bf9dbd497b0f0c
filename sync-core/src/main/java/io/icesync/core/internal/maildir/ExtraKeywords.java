package io.icesync.core.internal.maildir;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keywords that found no free letter (a folder using more than 26 distinct keywords), per
 * message id, in {@code .icesync-keywords}: one line "id TAB kw1 kw2 ...".
 */
final class ExtraKeywords {
    static final String FILE = ".icesync-keywords";
    private final Path file;
    private final Map<String, SortedSet<String>> byId = new TreeMap<>();

    ExtraKeywords(Path folderDir) {
        this.file = folderDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        byId.put(line.substring(0, tab), new TreeSet<>(Set.of(line.substring(tab + 1).split(" "))));
                    }
                }
            } catch (IOException e) {
                throw new StoreException("cannot read " + file, e);
            }
        }
    }

    Set<String> of(String id) {
        return byId.getOrDefault(id, new TreeSet<>());
    }

    void set(String id, Set<String> keywords) {
        SortedSet<String> old = byId.get(id);
        if (keywords.isEmpty() ? old == null : keywords.equals(old)) {
            return;
        }
        if (keywords.isEmpty()) {
            byId.remove(id);
        } else {
            byId.put(id, new TreeSet<>(keywords));
        }
        StringBuilder b = new StringBuilder();
        byId.forEach((k, v) -> b.append(k).append('\t').append(String.join(" ", v)).append('\n'));
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
