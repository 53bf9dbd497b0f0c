package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The comparators behind {@link DisplayOrder}. They are applied with a stable sort to the entries in
 * enumerated order, so equal keys keep the server's order.
 */
final class EntryOrder {
    private EntryOrder() {
    }

    static Comparator<GalEntry> of(DisplayOrder order) {
        // A Collator is not thread-safe: one per sort.
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        Comparator<String> text = collator::compare;
        Comparator<GalEntry> byName = Comparator.comparing(GalEntry::displayName, text);
        Comparator<GalEntry> byPath = (a, b) -> comparePaths(a.folder(), b.folder(), text);
        switch (order) {
            case ENUMERATED:
                return (a, b) -> 0;
            case NAME:
                // Two books with one name (two users' "Contacts") stay apart: the path breaks the tie.
                return Comparator.comparing((GalEntry e) -> e.folder().name(), text).thenComparing(byPath).thenComparing(byName);
            case PATH:
                return byPath.thenComparing(byName);
            case NATIVE:
                return byName;
            default:
                throw new IllegalArgumentException("unknown order " + order);
        }
    }

    /** Segment by segment, so a folder comes right before its sub-folders. */
    private static int comparePaths(FolderPath a, FolderPath b, Comparator<String> text) {
        List<String> x = a.names();
        List<String> y = b.names();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = text.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
