package io.icesync.groupware.internal;

/** A property line or a component of an iCalendar or vCard text, as it was written. */
public sealed interface RawNode permits RawProperty, RawComponent {
}
