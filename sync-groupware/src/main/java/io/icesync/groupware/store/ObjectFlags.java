package io.icesync.groupware.store;

import io.icesync.core.CategoryKeywords;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.groupware.CalendarItem;
import io.icesync.groupware.Contact;
import io.icesync.groupware.Event;
import io.icesync.groupware.ICalendarCodec;
import io.icesync.groupware.JournalEntry;
import io.icesync.groupware.Note;
import io.icesync.groupware.ParseResult;
import io.icesync.groupware.Task;
import io.icesync.groupware.VCardCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The flags an object keeps inside itself (F5): its CATEGORIES are its category keywords, and a
 * task's completion (STATUS:COMPLETED) is {@code $Completed}. The store reports them as the item's
 * keywords, and writes keyword changes made on the server back into the object, so an app reading
 * the file and a client tagging the message on the server see the same thing.
 *
 * @param task     whether {@code $Completed} comes from the object
 * @param keywords the keywords the object gives (sorted)
 */
record ObjectFlags(boolean task, SortedSet<String> keywords) {
    ObjectFlags {
        keywords = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(keywords));
    }

    /** What a readable object says; null for a file that is not one (its flags are all in the sidecar). */
    static ObjectFlags of(ObjectText text) {
        if (text == null || text.problem() != null || text.kind() == null) {
            return null;
        }
        TreeSet<String> kw = new TreeSet<>();
        for (String c : text.categories()) {
            if (!c.isBlank()) {
                kw.add(CategoryKeywords.keyword(c));
            }
        }
        boolean task = text.kind().equals("VTODO");
        if (task && completed(text.first("STATUS"))) {
            kw.add(Flags.COMPLETED);
        }
        return new ObjectFlags(task, kw);
    }

    private static boolean completed(String status) {
        return status != null && status.trim().equalsIgnoreCase("COMPLETED");
    }

    /** Whether any of these keywords could be held by an object (a category, or a task's completion). */
    static boolean mayHold(Flags flags) {
        for (String k : flags.keywords()) {
            if (k.equals(Flags.COMPLETED) || CategoryKeywords.isCategory(k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this object, not the sidecar, holds the keyword. */
    boolean owns(String keyword) {
        return CategoryKeywords.isCategory(keyword) || (task && keyword.equals(Flags.COMPLETED));
    }

    /** The item's flags: the sidecar's, with the keywords this object holds taken from the object. */
    Flags over(Flags sidecar) {
        TreeSet<String> kw = new TreeSet<>(keywords);
        for (String k : sidecar.keywords()) {
            if (!owns(k)) {
                kw.add(k);
            }
        }
        return new Flags(sidecar.flags(), kw);
    }

    /** The part of {@code flags} this object holds. */
    SortedSet<String> ownedIn(Flags flags) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : flags.keywords()) {
            if (owns(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The object rewritten to hold exactly {@code wanted} (its category keywords and, for a task,
     * {@code $Completed}); null when it already does, or when the codecs cannot rewrite it (the
     * object is left as it is). Categories it keeps stay in their order, new ones follow.
     */
    byte[] rewrite(byte[] content, String extension, FolderKind kind, Collection<String> wanted, Instant now) {
        TreeSet<String> want = new TreeSet<>(wanted);
        if (want.equals(keywords)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        String text = new String(content, StandardCharsets.UTF_8);
        boolean complete = want.contains(Flags.COMPLETED);
        try {
            if (extension.toLowerCase(Locale.ROOT).equals("vcf")) {
                ParseResult<Contact> r = new VCardCodec().parse(text);
                if (r.items().size() != 1) {
                    return null;
                }
                Contact c = r.items().get(0);
                return new VCardCodec().write(c.withCategories(merged(c.categories(), want)))
                        .getBytes(StandardCharsets.UTF_8);
            }
            ICalendarCodec codec = kind == FolderKind.NOTES ? ICalendarCodec.forNotes() : ICalendarCodec.standard();
            ParseResult<CalendarItem> r = codec.parse(text);
            if (r.items().size() != 1) {
                return null;
            }
            CalendarItem item = r.items().get(0);
            names.addAll(merged(item.categories(), want));
            boolean categoriesChanged = !categoryKeywords(want).equals(categoryKeywords(keywords));
            CalendarItem edited = item;
            if (categoriesChanged && item instanceof Event e) {
                edited = e.withCategories(names);
            } else if (item instanceof Task t) {
                Task u = categoriesChanged ? t.withCategories(names) : t;
                if (complete != completed(t.status())) {
                    u = u.withCompleted(complete ? now : null);
                }
                edited = u;
            } else if (categoriesChanged && item instanceof JournalEntry j) {
                edited = j.withCategories(names);
            } else if (categoriesChanged && item instanceof Note n) {
                edited = n.withCategories(names);
            }
            if (edited == item) {
                return null;
            }
            return codec.write(edited).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return null; // a store never fails a flag change over an object it cannot rewrite
        }
    }

    private static SortedSet<String> categoryKeywords(SortedSet<String> keywords) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : keywords) {
            if (CategoryKeywords.isCategory(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The names of {@code want}'s categories: those kept in their order, then the new ones. */
    private static List<String> merged(List<String> current, SortedSet<String> want) {
        SortedSet<String> wanted = new TreeSet<>();
        for (String k : want) {
            CategoryKeywords.name(k).ifPresent(wanted::add);
        }
        List<String> out = new ArrayList<>();
        for (String c : current) {
            if (wanted.remove(c)) {
                out.add(c);
            }
        }
        out.addAll(wanted);
        return out;
    }
}
