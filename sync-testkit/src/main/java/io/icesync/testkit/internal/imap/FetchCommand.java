package io.icesync.testkit.internal.imap;

import io.icesync.testkit.TestMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** FETCH and UID FETCH, with CONDSTORE's CHANGEDSINCE and QRESYNC's VANISHED modifiers. */
final class FetchCommand {
    /** One requested item: a name such as FLAGS, or a body section with its partial range. */
    record Item(String name, String section, long origin, long length, boolean peek) {
        static Item parse(String word) {
            String w = word;
            int open = w.indexOf('[');
            if (open < 0) {
                String n = w.toUpperCase(Locale.ROOT);
                if (!KNOWN.contains(n)) {
                    throw ImapArgs.bad("unknown FETCH item " + word);
                }
                return new Item(n, null, -1, -1, false);
            }
            String name = w.substring(0, open).toUpperCase(Locale.ROOT);
            int close = w.lastIndexOf(']');
            if (close < open) {
                throw ImapArgs.bad("a FETCH section is not closed: " + word);
            }
            if (!name.equals("BODY") && !name.equals("BODY.PEEK") && !name.equals("BINARY")
                    && !name.equals("BINARY.PEEK")) {
                throw ImapArgs.bad("unknown FETCH item " + word);
            }
            String section = w.substring(open + 1, close);
            long origin = -1;
            long length = -1;
            String rest = w.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith("<") || !rest.endsWith(">") || !rest.contains(".")) {
                    throw ImapArgs.bad("a partial range must be <origin.length>: " + word);
                }
                String[] p = rest.substring(1, rest.length() - 1).split("\\.");
                try {
                    origin = Long.parseLong(p[0]);
                    length = Long.parseLong(p[1]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw ImapArgs.bad("a partial range must be <origin.length>: " + word);
                }
                if (length == 0 && origin < 0) {
                    throw ImapArgs.bad("bad partial range " + word);
                }
            }
            return new Item(name.startsWith("BINARY") ? "BINARY" : "BODY", section, origin, length,
                    name.endsWith(".PEEK"));
        }
    }

    private static final Set<String> KNOWN = Set.of("UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY",
            "BODYSTRUCTURE", "RFC822", "RFC822.HEADER", "RFC822.TEXT", "MODSEQ", "BINARY.SIZE");

    /** The items that read the message's bytes (sections are the others). */
    private static final Set<String> NEEDS_CONTENT = Set.of("ENVELOPE", "BODY", "BODYSTRUCTURE", "RFC822",
            "RFC822.HEADER", "RFC822.TEXT");

    private final ImapSession s;

    FetchCommand(ImapSession session) {
        this.s = session;
    }

    void fetch(String tag, ImapArgs a, boolean byUid) {
        s.needSelected();
        Selection sel = s.selected;
        a.space();
        String setText = a.atom();
        a.space();
        List<Item> items = new ArrayList<>();
        if (a.peekIs('(')) {
            a.expect('(');
            while (!a.peekIs(')')) {
                items.add(Item.parse(a.atom()));
                a.maybeSpace();
            }
            a.expect(')');
        } else {
            String w = a.atom();
            switch (w.toUpperCase(Locale.ROOT)) {
                case "ALL" -> Arrays.asList("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE")
                        .forEach(x -> items.add(Item.parse(x)));
                case "FAST" -> Arrays.asList("FLAGS", "INTERNALDATE", "RFC822.SIZE").forEach(x -> items.add(Item.parse(x)));
                case "FULL" -> Arrays.asList("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY")
                        .forEach(x -> items.add(Item.parse(x)));
                default -> items.add(Item.parse(w));
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        if (a.maybeSpace()) {
            a.expect('(');
            while (!a.peekIs(')')) {
                String m = a.atom().toUpperCase(Locale.ROOT);
                if (m.equals("CHANGEDSINCE") && s.server.offers("CONDSTORE")) {
                    a.space();
                    changedSince = a.number();
                    s.condstore = true;
                } else if (m.equals("VANISHED") && byUid && s.qresync) {
                    vanished = true;
                } else {
                    throw ImapArgs.bad("unknown FETCH modifier " + m);
                }
                a.maybeSpace();
            }
            a.expect(')');
        }
        a.end();
        if (vanished && changedSince < 0) {
            throw ImapArgs.bad("VANISHED needs CHANGEDSINCE");
        }
        // For UIDs, * is the last UID ever given here, so that 1:* also covers expunged ones (VANISHED).
        SequenceSet set = SequenceSet.parse(setText, byUid ? Math.max(sel.lastUid(), sel.mailbox.uidNext() - 1) : sel.size());
        if (vanished) {
            List<Long> gone = sel.mailbox.vanishedSince(changedSince).stream().filter(set::contains).toList();
            if (!gone.isEmpty()) {
                s.send("* VANISHED (EARLIER) " + SequenceSet.render(gone));
            }
        }
        boolean modseq = s.condstore || items.stream().anyMatch(i -> i.name().equals("MODSEQ"));
        // Messages expunged by another session and not yet reported are left out.
        for (Selection.Numbered n : sel.named(set, byUid)) {
            if (changedSince < 0 || n.message().modSeq() > changedSince) {
                s.send(render(sel, n.seq(), n.message(), items, byUid, modseq));
            }
        }
        s.expungeAllowed = byUid;
        s.ok(tag, (byUid ? "UID FETCH" : "FETCH") + " completed");
    }

    private Reply render(Selection sel, int seq, TestMessage m, List<Item> items, boolean byUid, boolean modseq) {
        // Listings ask for UID, FLAGS and sizes only: the content is copied out of the model only when needed.
        byte[] raw = items.stream().anyMatch(i -> i.section() != null || NEEDS_CONTENT.contains(i.name()))
                ? m.content() : null;
        boolean seen = false;
        for (Item i : items) {
            if (!i.peek() && (i.name().equals("RFC822") || i.name().equals("RFC822.TEXT")
                    || (i.name().equals("BODY") || i.name().equals("BINARY")) && i.section() != null)) {
                seen = true;
            }
        }
        if (seen && !sel.readOnly && !m.hasFlag("\\Seen")) {
            Set<String> flags = new LinkedHashSet<>(m.flags());
            flags.add("\\Seen");
            sel.mailbox.setFlags(m.uid(), flags);
            m = sel.mailbox.message(m.uid()).orElse(m);
        } else {
            seen = false;
        }
        Reply r = new Reply().text("* " + seq + " FETCH (");
        List<String> done = new ArrayList<>();
        boolean first = true;
        List<Object> order = new ArrayList<>();
        if (byUid) {
            order.add("UID");
        }
        for (Item i : items) {
            order.add(i.section() == null ? i.name() : i);
        }
        if (seen) {
            order.add("FLAGS");
        }
        if (modseq) {
            order.add("MODSEQ");
        }
        for (Object o : order) {
            if (o instanceof String n && done.contains(n)) {
                continue;
            }
            if (!first) {
                r.sp();
            }
            first = false;
            if (o instanceof String n) {
                done.add(n);
                simple(r, n, m, raw, sel);
            } else {
                Item i = (Item) o;
                byte[] data = section(raw, i.section());
                String label = i.name() + "[" + i.section() + "]";
                if (i.origin() >= 0) {
                    int from = (int) Math.min(i.origin(), data.length);
                    int to = (int) Math.min((long) from + i.length(), data.length);
                    data = Arrays.copyOfRange(data, from, to);
                    label += "<" + i.origin() + ">";
                }
                r.text(label).sp().literal(data);
            }
        }
        return r.text(")");
    }

    private static byte[] section(byte[] raw, String section) {
        try {
            return MimeParts.section(raw, section);
        } catch (IllegalArgumentException e) {
            throw ImapArgs.bad("bad section [" + section + "]: " + e.getMessage());
        }
    }

    private void simple(Reply r, String name, TestMessage m, byte[] raw, Selection sel) {
        switch (name) {
            case "UID" -> r.text("UID " + m.uid());
            case "FLAGS" -> {
                r.text("FLAGS ").flags(m.flags());
                sel.told(m);
            }
            case "INTERNALDATE" -> r.text("INTERNALDATE \"" + ImapDates.format(m.internalDate()) + "\"");
            case "RFC822.SIZE" -> r.text("RFC822.SIZE " + m.size());
            case "ENVELOPE" -> r.text("ENVELOPE " + MimeParts.envelope(raw));
            case "BODY" -> r.text("BODY " + MimeParts.bodyStructure(raw, false));
            case "BODYSTRUCTURE" -> r.text("BODYSTRUCTURE " + MimeParts.bodyStructure(raw, true));
            case "RFC822" -> r.text("RFC822 ").literal(raw);
            case "RFC822.HEADER" -> r.text("RFC822.HEADER ").literal(MimeParts.section(raw, "HEADER"));
            case "RFC822.TEXT" -> r.text("RFC822.TEXT ").literal(MimeParts.section(raw, "TEXT"));
            case "MODSEQ" -> r.text("MODSEQ (" + m.modSeq() + ")");
            case "BINARY.SIZE" -> r.text("BINARY.SIZE " + m.size());
            default -> throw ImapArgs.bad("unknown FETCH item " + name);
        }
    }
}
