package io.icesync.groupware.gal;

import io.icesync.groupware.Contact;
import io.icesync.groupware.ContactEmail;
import io.icesync.groupware.ContactName;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-insensitive prefix matching of entries ("jose" finds "Joséphine", "DUP" finds "dupont@"). */
final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;()\"'’-]+");

    private SearchText() {
    }

    /** Lower case without accents; ligatures NFKD keeps whole are spelled out. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String d = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return d.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ø", "o")
                .replace("ł", "l").strip();
    }

    /** Whether a folded prefix starts the entry's name, one of its words, its given or family name, or an address. */
    static boolean matches(GalEntry e, String foldedPrefix) {
        if (foldedPrefix.isEmpty()) {
            return true;
        }
        for (String key : keys(e)) {
            if (key.startsWith(foldedPrefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> keys(GalEntry e) {
        List<String> keys = new ArrayList<>();
        String name = fold(e.displayName());
        keys.add(name);
        for (String w : WORD_BREAK.split(name)) {
            keys.add(w);
        }
        Contact c = e.contact();
        ContactName n = c.name();
        if (n != null) {
            keys.add(fold(n.given()));
            keys.add(fold(n.family()));
        }
        for (ContactEmail m : c.emails()) {
            String a = fold(m.address());
            keys.add(a);
            int at = a.indexOf('@');
            if (at > 0) {
                // "dupont" finds "jean.dupont@" too: the local part's dotted pieces are words of it.
                for (String w : a.substring(0, at).split("[._+-]")) {
                    keys.add(w);
                }
            }
        }
        keys.removeIf(String::isEmpty);
        return keys;
    }
}
