package io.icesync.groupware;

import java.util.List;

/** The structured name (N): family, given, additional names, prefixes and suffixes. */
public record ContactName(String family, String given, List<String> additional, List<String> prefixes, List<String> suffixes) {
    /**
     * Copies the lists.
     *
     * @param family     the family name, or null
     * @param given      the given name, or null
     * @param additional additional (middle) names
     * @param prefixes   honorific prefixes
     * @param suffixes   honorific suffixes
     */
    public ContactName {
        additional = List.copyOf(additional);
        prefixes = List.copyOf(prefixes);
        suffixes = List.copyOf(suffixes);
    }
}
