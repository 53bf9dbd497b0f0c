package io.icesync.groupware;

import java.util.List;

/** The structured name (N): family, given, additional names, prefixes and suffixes. */
public record ContactName(String family, String given, List<String> additional, List<String> prefixes, List<String> suffixes) {
    public ContactName {
        additional = List.copyOf(additional);
        prefixes = List.copyOf(prefixes);
        suffixes = List.copyOf(suffixes);
    }
}
