package io.icesync.core.engine;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.internal.engine.MessageIds;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a user would compare: each side's folders, and in each the messages (by Message-ID) with their flags. */
final class Sides {
    private Sides() {
    }

    static Map<FolderPath, List<String>> remote(MemoryRemote r) {
        Map<FolderPath, List<String>> out = new TreeMap<>();
        r.boxes.forEach((p, b) -> {
            if (!p.equals(FolderPath.of("Drafts"))) {
                List<String> l = new ArrayList<>();
                b.msgs.values().forEach(m -> l.add(id(new java.io.ByteArrayInputStream(m.body)) + " " + m.flags));
                Collections.sort(l);
                out.put(p, l);
            }
        });
        return out;
    }

    static Map<FolderPath, List<String>> local(LocalStore s) {
        Map<FolderPath, List<String>> out = new TreeMap<>();
        for (LocalFolder f : s.folders()) {
            List<String> l = new ArrayList<>();
            for (LocalItem i : s.items(f.path())) {
                try (InputStream in = s.open(f.path(), i.id())) {
                    l.add(id(in) + " " + i.flags());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Collections.sort(l);
            out.put(f.path(), l);
        }
        return out;
    }

    static String id(InputStream in) {
        try {
            return MessageIds.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Flags noFlags() {
        return Flags.NONE;
    }
}
