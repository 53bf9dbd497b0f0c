package io.icesync.groupware;

/**
 * An attendee of an event or task. {@code role} (REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR...) and
 * {@code status} (PARTSTAT: NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE...) are as written, or null.
 */
public record Attendee(String email, String name, String role, String status, boolean rsvp) {
}
