/**
 * Groupware data (F6): iCalendar items ({@link io.icesync.groupware.ICalendarCodec},
 * {@link io.icesync.groupware.CalendarItem}) and vCards ({@link io.icesync.groupware.VCardCodec},
 * {@link io.icesync.groupware.Contact}) mapped to immutable values that keep the object they were
 * read from, so a round trip changes nothing IceSync does not model. New items come from each
 * type's {@code builder()}. Public signatures name only IceSync's and the JDK's types: the parsed
 * ical4j or ez-vcard object is reached through {@link io.icesync.groupware.Original#unwrap(Class)}.
 */
package io.icesync.groupware;
