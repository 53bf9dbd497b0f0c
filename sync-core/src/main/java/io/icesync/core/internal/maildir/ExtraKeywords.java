package io.icesync.core.internal.maildir;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The keywords of a folder that found no letter in {@link KeywordTable} (a folder using more than 26
 * distinct keywords), per message id, in the side file {@code .icesync-keywords}: one line per
 * message, {@code <id> TAB <keyword> SPACE <keyword>...}, with '%', TAB, CR and LF in ids written
 * as {@code %XX}. Changes are written by {@link #saveIfChanged()}, called from the store's flush
 * like every other write of a group.
 */
final class ExtraKeywords {
    static final String FILE = ".icesync-keywords";
    private Path file;
    private Map<String, SortedSet<String>> byId;
    private boolean changed;

    ExtraKeywords(Path folderDir) {
        this.file = folderDir.resolve(FILE);
    }

    void relocate(Path folderDir) {
        file = folderDir.resolve(FILE);
    }

    private Map<String, SortedSet<String>> map() {
        if (byId == null) {
            byId = new TreeMap<>();
            if (Files.exists(file)) {
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int tab = line.indexOf('\t');
                        if (tab > 0 && tab < line.length() - 1) {
                            byId.put(unescape(line.substring(0, tab)), new TreeSet<>(Set.of(line.substring(tab + 1).split(" "))));
                        }
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new StoreException("cannot read " + file, e);
                }
            }
        }
        return byId;
    }

    Set<String> of(String id) {
        SortedSet<String> s = map().get(id);
        return s == null ? Set.of() : s;
    }

    void set(String id, Collection<String> keywords) {
        SortedSet<String> old = map().get(id);
        if (keywords.isEmpty()) {
            changed |= map().remove(id) != null;
        } else if (old == null || !old.equals(new TreeSet<>(keywords))) {
            map().put(id, new TreeSet<>(keywords));
            changed = true;
        }
    }

    /** Forgets the ids of messages that are gone (deleted or moved away by another program). */
    void retain(Predicate<String> present) {
        if (byId == null && !Files.exists(file)) {
            return;
        }
        changed |= map().keySet().removeIf(present.negate());
    }

    /** Writes the file if something changed; true when it did. */
    boolean saveIfChanged() {
        if (!changed) {
            return false;
        }
        if (byId.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StoreException("cannot delete " + file, e);
            }
        } else {
            StringBuilder b = new StringBuilder();
            byId.forEach((k, v) -> b.append(escape(k)).append('\t').append(String.join(" ", v)).append('\n'));
            AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        }
        changed = false;
        return true;
    }

    private static String escape(String id) {
        return id.replace("%", "%25").replace("\t", "%09").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String unescape(String s) {
        return s.replace("%0A", "\n").replace("%0D", "\r").replace("%09", "\t").replace("%25", "%");
    }
}
