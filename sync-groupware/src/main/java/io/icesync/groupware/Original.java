package io.icesync.groupware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The object an item was read from, behind IceSync's own type so that no public signature names the
 * parsing libraries: {@link #text()} is the text as read, {@link #unwrap(Class)} the parser's object
 * for code that needs more than the model (ical4j's {@code VEvent}, {@code VToDo}, {@code VJournal}
 * or whole {@code Calendar}; ez-vcard's {@code VCard}):
 * <pre>{@code event.original().unwrap(VEvent.class).ifPresent(v -> ...)}</pre>
 * The unwrapped object is the parser's own and may change between IceSync versions; changing it
 * does not change what the codecs write, which is the text.
 */
public final class Original {
    private final Supplier<String> text;
    private final List<Object> objects;

    /** {@code objects} in the order {@link #unwrap(Class)} tries them, the most specific first. */
    Original(Supplier<String> text, Object... objects) {
        this.text = Objects.requireNonNull(text, "text");
        this.objects = List.of(objects);
    }

    /**
     * {@return the text the item was read from: its VCALENDAR (with its VTIMEZONEs and overrides; an input
     * holding several UIDs is split per item) or its VCARD}
     *
     * Lines that were not edited keep their bytes; an edited item gives the text the codec writes.
     */
    public String text() {
        return text.get();
    }

    /**
     * The parser's object of that type (or a supertype of it), or empty when this original has none.
     *
     * @param <T>  the type asked for
     * @param type e.g. ical4j's {@code VEvent} or {@code Calendar}, or ez-vcard's {@code VCard}
     * @return the object, or empty
     */
    public <T> Optional<T> unwrap(Class<T> type) {
        for (Object o : objects) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Original" + objects.stream().map(o -> o.getClass().getSimpleName()).toList();
    }
}
