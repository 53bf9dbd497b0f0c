package io.icesync.groupware.internal;

import io.icesync.groupware.CalendarItem;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;

/**
 * What a {@link CalendarItem} was read from: the item's VCALENDAR as written (every line kept),
 * ical4j's parse of it, and which child of the VCALENDAR is this item's component.
 */
public final class ItemSource {
    private final RawComponent raw;
    private final Calendar calendar;
    private final int index;
    private final CalendarComponent component;
    private final boolean notes;

    public ItemSource(RawComponent raw, Calendar calendar, int index, CalendarComponent component, boolean notes) {
        this.raw = raw;
        this.calendar = calendar;
        this.index = index;
        this.component = component;
        this.notes = notes;
    }

    public RawComponent raw() {
        return raw;
    }

    public RawComponent rawComponent() {
        return (RawComponent) raw.children().get(index);
    }

    public Calendar calendar() {
        return calendar;
    }

    public CalendarComponent component() {
        return component;
    }

    public int index() {
        return index;
    }

    public String contentKey() {
        return ContentKey.of(raw);
    }

    /** The item with every {@code name} property of this component replaced by {@code lines} (unfolded). */
    public CalendarItem edit(String name, List<String> lines) {
        List<RawProperty> props = new ArrayList<>();
        for (String l : lines) {
            props.add(RawProperty.of(l));
        }
        return replaceComponent(rawComponent().replace(name, props));
    }

    /** The item with this component replaced. */
    public CalendarItem replaceComponent(RawComponent newComponent) {
        List<RawNode> children = new ArrayList<>(raw.children());
        children.set(index, newComponent);
        return ICalMapper.itemAt(raw.withChildren(children), index, notes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemSource s && s.index == index && s.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode() * 31 + index;
    }
}
