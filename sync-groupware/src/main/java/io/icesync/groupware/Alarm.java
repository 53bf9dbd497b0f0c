package io.icesync.groupware;

/** A VALARM: its action (DISPLAY, AUDIO, EMAIL), trigger as written (e.g. {@code -PT15M}) and text. */
public record Alarm(String action, String trigger, String description) {
}
