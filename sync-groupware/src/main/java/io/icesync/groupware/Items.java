package io.icesync.groupware;

import io.icesync.groupware.internal.ContactSource;
import io.icesync.groupware.internal.ContentLineWriter;
import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.ModelAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The model's side of {@link ModelAccess}, and the internal accessors of its items. */
final class Items {
    static {
        ModelAccess.install(new Factory());
    }

    private Items() {
    }

    /** What the item was read from; the codec writes it. */
    static ItemSource source(CalendarItem item) {
        if (item instanceof Event e) {
            return e.source();
        }
        if (item instanceof Task t) {
            return t.source();
        }
        if (item instanceof Note n) {
            return n.source();
        }
        return ((JournalEntry) item).source();
    }

    static Original original(ItemSource s) {
        return new Original(() -> ContentLineWriter.write(s.raw()), s.component(), s.calendar());
    }

    static Original original(ContactSource s) {
        return new Original(() -> ContentLineWriter.write(s.raw()), s.vcard());
    }

    private static final class Factory implements ModelAccess.Factory {
        @Override
        public Event event(String uid, ItemTime recurrenceId, int sequence, String summary, String description,
                           String location, ItemTime start, ItemTime end, String duration, String rrule,
                           List<ItemTime> rdates, List<ItemTime> exdates, Person organizer, List<Attendee> attendees,
                           List<Alarm> alarms, String status, Integer priority, List<String> categories,
                           Instant lastModified, List<Event> exceptions, ItemSource source) {
            return new Event(uid, recurrenceId, sequence, summary, description, location, start, end, duration, rrule,
                    rdates, exdates, organizer, attendees, alarms, status, priority, categories, lastModified, exceptions,
                    source);
        }

        @Override
        public Task task(String uid, String summary, String description, ItemTime start, ItemTime due, Instant completed,
                         Integer percent, String status, Integer priority, List<String> categories, Instant lastModified,
                         int sequence, ItemSource source) {
            return new Task(uid, summary, description, start, due, completed, percent, status, priority, categories,
                    lastModified, sequence, source);
        }

        @Override
        public Note note(String uid, String subject, String body, List<String> categories, Instant lastModified,
                         ItemSource source) {
            return new Note(uid, subject, body, categories, lastModified, source);
        }

        @Override
        public JournalEntry journalEntry(String uid, String summary, List<String> descriptions, ItemTime start,
                                         String status, List<String> categories, Instant lastModified, int sequence,
                                         ItemSource source) {
            return new JournalEntry(uid, summary, descriptions, start, status, categories, lastModified, sequence, source);
        }

        @Override
        public Contact contact(String version, String formattedName, ContactName name, List<String> nicknames,
                               List<ContactEmail> emails, List<ContactPhone> phones, List<ContactAddress> addresses,
                               List<String> organization, String title, List<String> urls, LocalDate birthday,
                               LocalDate anniversary, ContactPhoto photo, List<String> notes, List<String> categories,
                               String uid, Instant revision, ContactSource source) {
            return new Contact(version, formattedName, name, nicknames, emails, phones, addresses, organization, title,
                    urls, birthday, anniversary, photo, notes, categories, uid, revision, source);
        }
    }
}
