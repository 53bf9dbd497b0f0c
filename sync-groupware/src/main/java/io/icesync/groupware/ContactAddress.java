package io.icesync.groupware;

import java.util.List;

/** A postal address (ADR) with its types, lower case. */
public record ContactAddress(String poBox, String extended, String street, String locality, String region,
                             String postalCode, String country, List<String> types) {
    public ContactAddress {
        types = List.copyOf(types);
    }
}
