package io.icesync.webdav.dav.internal;

import java.util.List;
import java.util.Set;

/** What discovery found: the principal (or null), the home sets (decoded hrefs) and the DAV compliance classes. */
public record Homes(String principal, List<String> calendarHomes, List<String> addressBookHomes, Set<String> dav) {
    public Homes {
        calendarHomes = List.copyOf(calendarHomes);
        addressBookHomes = List.copyOf(addressBookHomes);
        dav = Set.copyOf(dav);
    }
}
