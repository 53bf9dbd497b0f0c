package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;

/**
 * One iCalendar object as an app shows it: an {@link Event}, a {@link Task}, a {@link JournalEntry}
 * or a {@link Note}. Each keeps the object it was read from, so what IceSync does not model is
 * written back unchanged by {@link ICalendarCodec#write(CalendarItem)}.
 */
public sealed interface CalendarItem permits Event, Task, JournalEntry, Note {
    String uid();

    List<String> categories();

    Instant lastModified();

    /** Where the item came from; internal, used by the codec and by edits. */
    ItemSource source();

    /** The whole iCalendar object as ical4j parsed it (this item's components and the VTIMEZONEs they use). */
    default Calendar calendar() {
        return source().calendar();
    }

    /** This item's component as ical4j parsed it. */
    default CalendarComponent original() {
        return source().component();
    }

    /** A hash of the content that ignores order, folding, DTSTAMP and PRODID (PITFALL 11). */
    default String contentKey() {
        return source().contentKey();
    }

    /** Whether {@code other} says the same thing, however it was serialised. */
    default boolean sameContent(CalendarItem other) {
        return other != null && contentKey().equals(other.contentKey());
    }
}
