package io.icesync.core.internal.maildir;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags to and from the info letters of a file name: upper-case letters for system flags
 * ({@link Flag#maildirLetter()}), lower-case letters for keywords through the folder's
 * {@link KeywordTable}, the keywords without a letter through {@link ExtraKeywords}. Letters IceSync
 * does not know (Maildir's 'P', a lower-case letter without a keyword) are kept when flags change.
 */
final class FlagLetters {
    private FlagLetters() {
    }

    static Flags read(String info, KeywordTable table, Set<String> extras) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        TreeSet<String> keywords = new TreeSet<>(extras);
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            Flag f = Flag.ofMaildirLetter(c);
            if (f != null) {
                flags.add(f);
            } else if (table.keyword(c) != null) {
                keywords.add(table.keyword(c));
            }
        }
        return Flags.of(flags, keywords);
    }

    /** The letters of {@code flags} in a folder, and the keywords that got no letter there. */
    record Encoded(String letters, Set<String> overflow) {
    }

    /**
     * @param oldInfo the letters the file has now
     * @param oldTable the keyword table of the folder the file is in now; when it is another folder's
     *     (a move), lower-case letters without a keyword are dropped since they would mean something else
     */
    static Encoded write(Flags flags, KeywordTable table, String oldInfo, KeywordTable oldTable) {
        StringBuilder b = new StringBuilder();
        for (Flag f : flags.flags()) {
            b.append(f.maildirLetter());
        }
        Set<String> overflow = new TreeSet<>();
        for (String k : flags.keywords()) {
            char c = table.letter(k);
            if (c == 0) {
                overflow.add(k);
            } else {
                b.append(c);
            }
        }
        for (int i = 0; i < oldInfo.length(); i++) {
            char c = oldInfo.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean known = Flag.ofMaildirLetter(c) != null || (lower && (oldTable != table || oldTable.keyword(c) != null));
            if (!known && b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        return new Encoded(b.toString(), overflow);
    }
}
