package io.icesync.groupware.store;

import java.util.Objects;

/**
 * A groupware object as it is kept on disk: its key (the iCalendar or vCard UID, null when it has
 * none), the file extension that says its format ({@code ics}, {@code vcf}, or {@code eml} for an item
 * kept as the server's message), and the file's bytes.
 */
public record LocalObject(String key, String extension, byte[] content) {
    /**
     * Checks the object.
     *
     * @param key       the iCalendar or vCard UID, or null when it has none
     * @param extension {@code ics}, {@code vcf} or {@code eml}
     * @param content   the file's bytes
     */
    public LocalObject {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(content, "content");
    }
}
