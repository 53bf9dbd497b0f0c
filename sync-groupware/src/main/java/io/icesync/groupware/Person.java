package io.icesync.groupware;

/** An organizer: an address (without {@code mailto:}) and a display name (may be null). */
public record Person(String email, String name) {
}
