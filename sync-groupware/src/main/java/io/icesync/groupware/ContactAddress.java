package io.icesync.groupware;

import java.util.List;

/** A postal address (ADR) with its types, lower case. */
public record ContactAddress(String poBox, String extended, String street, String locality, String region,
                             String postalCode, String country, List<String> types) {
    /**
     * Copies the types.
     *
     * @param poBox      the post office box, or null
     * @param extended   the extended address (apartment, suite), or null
     * @param street     the street address, or null
     * @param locality   the city, or null
     * @param region     the state or province, or null
     * @param postalCode the postal code, or null
     * @param country    the country, or null
     * @param types      the types (home, work...), lower case
     */
    public ContactAddress {
        types = List.copyOf(types);
    }
}
