package io.icesync.webdav.dav.internal;

import io.icesync.core.FolderPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives each collection a top-level folder path from its display name. Two collections with the
 * same name are told apart with " (2)", " (3)"...; the one seen first keeps the plain name, so a new
 * collection never takes the name of a folder already synced.
 */
public final class FolderNames {
    private FolderNames() {
    }

    public static Map<FolderPath, DavCollection> assign(List<DavCollection> collections, StoreState state) {
        List<DavCollection> ordered = new ArrayList<>(collections);
        ordered.sort(Comparator.comparingLong((DavCollection c) -> {
            CollectionState s = state.collections.get(c.href());
            return s == null ? Long.MAX_VALUE : s.seq;
        }).thenComparing(DavCollection::href));
        Map<FolderPath, DavCollection> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (DavCollection c : ordered) {
            String base = c.name();
            String name = base;
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + " (" + n + ")";
            }
            // Case-blind, so that the folders can live side by side on a case-insensitive disk.
            taken.add(name.toLowerCase(Locale.ROOT));
            out.put(FolderPath.of(name), c);
        }
        return out;
    }
}
