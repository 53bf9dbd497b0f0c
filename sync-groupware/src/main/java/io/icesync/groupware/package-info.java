/**
 * Groupware data (F6): iCalendar items ({@link io.icesync.groupware.ICalendarCodec},
 * {@link io.icesync.groupware.CalendarItem}) and vCards ({@link io.icesync.groupware.VCardCodec},
 * {@link io.icesync.groupware.Contact}) mapped to immutable records that keep the object they were
 * read from, so a round trip changes nothing IceSync does not model.
 */
package io.icesync.groupware;
