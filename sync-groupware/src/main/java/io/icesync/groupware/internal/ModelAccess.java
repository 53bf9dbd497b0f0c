package io.icesync.groupware.internal;

import io.icesync.groupware.Alarm;
import io.icesync.groupware.Attendee;
import io.icesync.groupware.Contact;
import io.icesync.groupware.ContactAddress;
import io.icesync.groupware.ContactEmail;
import io.icesync.groupware.ContactName;
import io.icesync.groupware.ContactPhone;
import io.icesync.groupware.ContactPhoto;
import io.icesync.groupware.Event;
import io.icesync.groupware.ItemTime;
import io.icesync.groupware.JournalEntry;
import io.icesync.groupware.Note;
import io.icesync.groupware.Person;
import io.icesync.groupware.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the mappers construct the model's items, whose constructors are not public (they take the
 * internal source): {@code io.icesync.groupware} installs the factory when it is loaded.
 */
public final class ModelAccess {
    private static volatile Factory factory;

    private ModelAccess() {
    }

    /** The constructors of the model's items. */
    public interface Factory {
        Event event(String uid, ItemTime recurrenceId, int sequence, String summary, String description, String location,
                    ItemTime start, ItemTime end, String duration, String rrule, List<ItemTime> rdates,
                    List<ItemTime> exdates, Person organizer, List<Attendee> attendees, List<Alarm> alarms, String status,
                    Integer priority, List<String> categories, Instant lastModified, List<Event> exceptions,
                    ItemSource source);

        Task task(String uid, String summary, String description, ItemTime start, ItemTime due, Instant completed,
                  Integer percent, String status, Integer priority, List<String> categories, Instant lastModified,
                  int sequence, ItemSource source);

        Note note(String uid, String subject, String body, List<String> categories, Instant lastModified, ItemSource source);

        JournalEntry journalEntry(String uid, String summary, List<String> descriptions, ItemTime start, String status,
                                  List<String> categories, Instant lastModified, int sequence, ItemSource source);

        Contact contact(String version, String formattedName, ContactName name, List<String> nicknames,
                        List<ContactEmail> emails, List<ContactPhone> phones, List<ContactAddress> addresses,
                        List<String> organization, String title, List<String> urls, LocalDate birthday,
                        LocalDate anniversary, ContactPhoto photo, List<String> notes, List<String> categories, String uid,
                        Instant revision, ContactSource source);
    }

    /** Called once, by the model package; a second call is refused. */
    public static synchronized void install(Factory f) {
        if (factory != null) {
            throw new IllegalStateException("the model factory is already installed");
        }
        factory = f;
    }

    static Factory factory() {
        Factory f = factory;
        if (f == null) {
            try {
                // loading the class runs its initializer, which installs the factory
                Class.forName("io.icesync.groupware.Items", true, ModelAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
        }
        return f;
    }
}
