package io.icesync.groupware;

import java.time.Instant;
import java.util.List;

/**
 * One iCalendar object as an app shows it: an {@link Event}, a {@link Task}, a {@link JournalEntry}
 * or a {@link Note}. Each keeps the object it was read from, so what IceSync does not model is
 * written back unchanged by {@link ICalendarCodec#write(CalendarItem)}. New items come from each
 * type's {@code builder()}.
 */
public sealed interface CalendarItem permits Event, Task, JournalEntry, Note {
    /** {@return the item's UID} */
    String uid();

    /** {@return the item's CATEGORIES, in order; empty when it has none} */
    List<String> categories();

    /** {@return the item's LAST-MODIFIED, or null when it has none} */
    Instant lastModified();

    /**
     * {@return the object this item was read from: its VCALENDAR's text, and ical4j's parse through
     * {@link Original#unwrap(Class)} (this item's component, e.g. {@code VEvent}, or the whole
     * {@code Calendar} with the VTIMEZONEs it uses)}
     */
    Original original();

    /** {@return a hash of the content that ignores order, folding, DTSTAMP and PRODID (PITFALL 11)} */
    default String contentKey() {
        return Items.source(this).contentKey();
    }

    /**
     * Whether {@code other} says the same thing, however it was serialised.
     *
     * @param other another item
     * @return whether their {@link #contentKey()}s are equal
     */
    default boolean sameContent(CalendarItem other) {
        return other != null && contentKey().equals(other.contentKey());
    }
}
