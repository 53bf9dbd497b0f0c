package io.icesync.testkit.internal.imap;

import io.icesync.testkit.ImapFlags;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Commands that change messages: APPEND, STORE, COPY, MOVE, EXPUNGE. */
final class MessageCommands {
    private final ImapSession s;

    MessageCommands(ImapSession session) {
        this.s = session;
    }

    void append(String tag, ImapArgs a) {
        s.needAuth();
        a.space();
        String wire = a.astring();
        a.space();
        List<String> flags = List.of();
        if (a.peekIs('(')) {
            flags = a.list();
            a.space();
        }
        Instant date = Instant.now();
        if (a.peekIs('"')) {
            date = ImapDates.parseDateTime(a.quoted());
            a.space();
        }
        byte[] content = a.literal();
        a.end();
        for (String f : flags) {
            checkFlag(f);
        }
        TestMailbox m = s.resolve(wire);
        if (m == null) {
            throw new ImapSession.No("[TRYCREATE] Mailbox doesn't exist: " + Names.decode(wire));
        }
        s.mailboxes.need(m, 'i', "add messages");
        if (content.length == 0) {
            throw new ImapSession.No("an empty message");
        }
        long uid;
        long validity;
        synchronized (s.server.model().lock()) {
            uid = m.append(content, flags, date);
            validity = m.uidValidity();
        }
        s.ok(tag, "[APPENDUID " + validity + " " + uid + "] APPEND completed");
    }

    private void checkFlag(String f) {
        if (f.equals("\\Recent") || f.equals("\\*")) {
            throw ImapArgs.bad(f + " cannot be set by a client");
        }
        try {
            ImapFlags.check(f, s.server.offers("X-ICEWARP-SERVER"));
        } catch (IllegalArgumentException e) {
            throw ImapArgs.bad(e.getMessage());
        }
    }

    void store(String tag, ImapArgs a, boolean byUid) {
        s.needSelected();
        Selection sel = s.selected;
        a.space();
        String setText = a.atom();
        a.space();
        long unchangedSince = -1;
        if (a.peekIs('(')) {
            a.expect('(');
            String m = a.atom();
            if (!m.equalsIgnoreCase("UNCHANGEDSINCE") || !s.server.offers("CONDSTORE")) {
                throw ImapArgs.bad("unknown STORE modifier " + m);
            }
            a.space();
            unchangedSince = a.number();
            a.expect(')');
            a.space();
            s.condstore = true;
        }
        String item = a.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.endsWith(".SILENT");
        String op = silent ? item.substring(0, item.length() - 7) : item;
        if (!op.equals("FLAGS") && !op.equals("+FLAGS") && !op.equals("-FLAGS")) {
            throw ImapArgs.bad("unknown STORE item " + item);
        }
        a.space();
        List<String> given = new ArrayList<>();
        if (a.peekIs('(')) {
            given.addAll(a.list());
        } else {
            given.add(a.atom());
            while (a.maybeSpace()) {
                given.add(a.atom());
            }
        }
        a.end();
        given.forEach(this::checkFlag);
        if (sel.readOnly) {
            throw new ImapSession.No("[READ-ONLY] the folder is open read-only");
        }
        SequenceSet set = SequenceSet.parse(setText, byUid ? sel.lastUid() : sel.size());
        List<Long> modified = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Selection.Numbered n : sel.named(set, byUid)) {
            TestMessage m = n.message();
            long uid = m.uid();
            int seq = n.seq();
            if (unchangedSince >= 0 && m.modSeq() > unchangedSince) {
                modified.add(byUid ? uid : seq);
                continue;
            }
            Set<String> next = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            if (!op.equals("FLAGS")) {
                next.addAll(m.flags());
            }
            if (op.equals("-FLAGS")) {
                given.forEach(next::remove);
            } else {
                next.addAll(given);
            }
            checkRights(sel.mailbox, m.flags(), next);
            sel.mailbox.setFlags(uid, next);
            TestMessage now = sel.mailbox.message(uid).orElse(m);
            sel.told(now);
            if (!silent) {
                lines.add("* " + seq + " FETCH (" + (byUid ? "UID " + uid + " " : "") + "FLAGS ("
                        + String.join(" ", now.flags()) + ")" + (s.condstore ? " MODSEQ (" + now.modSeq() + ")" : "") + ")");
            } else if (s.condstore) {
                lines.add("* " + seq + " FETCH (UID " + uid + " MODSEQ (" + now.modSeq() + "))");
            }
        }
        lines.forEach(s::send);
        s.expungeAllowed = byUid;
        s.ok(tag, (modified.isEmpty() ? "" : "[MODIFIED " + SequenceSet.render(modified) + "] ")
                + (byUid ? "UID STORE" : "STORE") + " completed");
    }

    /** Shared folders: \Seen needs s, \Deleted needs t, any other flag w. */
    private void checkRights(TestMailbox m, Set<String> before, Set<String> after) {
        Set<String> changed = new LinkedHashSet<>();
        for (String f : before) {
            if (!after.contains(f)) {
                changed.add(f);
            }
        }
        for (String f : after) {
            if (!before.contains(f)) {
                changed.add(f);
            }
        }
        for (String f : changed) {
            char right = f.equalsIgnoreCase("\\Seen") ? 's' : f.equalsIgnoreCase("\\Deleted") ? 't' : 'w';
            s.mailboxes.need(m, right, "set " + f);
        }
    }

    void copy(String tag, ImapArgs a, boolean byUid, boolean move) {
        s.needSelected();
        Selection sel = s.selected;
        a.space();
        String setText = a.atom();
        a.space();
        String wire = a.astring();
        a.end();
        TestMailbox target = s.resolve(wire);
        if (target == null) {
            throw new ImapSession.No("[TRYCREATE] Mailbox doesn't exist: " + Names.decode(wire));
        }
        s.mailboxes.need(target, 'i', "add messages");
        if (move) {
            if (sel.readOnly) {
                throw new ImapSession.No("[READ-ONLY] the folder is open read-only");
            }
            s.mailboxes.need(sel.mailbox, 't', "delete messages");
            s.mailboxes.need(sel.mailbox, 'e', "expunge");
        }
        SequenceSet set = SequenceSet.parse(setText, byUid ? sel.lastUid() : sel.size());
        List<Long> uids = sel.named(set, byUid).stream().map(n -> n.message().uid()).toList();
        Map<Long, Long> map;
        long validity;
        synchronized (s.server.model().lock()) {
            map = move ? sel.mailbox.moveTo(uids, target) : sel.mailbox.copyTo(uids, target);
            validity = target.uidValidity();
        }
        String code = map.isEmpty() ? "" : "[COPYUID " + validity + " " + SequenceSet.render(new ArrayList<>(map.keySet()))
                + " " + SequenceSet.render(new ArrayList<>(map.values())) + "] ";
        if (move) {
            if (!code.isEmpty()) {
                s.send("* OK " + code + "Moved UIDs.");
            }
            s.ok(tag, "MOVE completed");
        } else {
            s.ok(tag, code + "COPY completed");
        }
    }

    void expunge(String tag, ImapArgs a, boolean byUid) {
        s.needSelected();
        Selection sel = s.selected;
        SequenceSet set = null;
        if (byUid) {
            a.space();
            set = SequenceSet.parse(a.atom(), sel.lastUid());
        }
        a.end();
        if (sel.readOnly) {
            throw new ImapSession.No("[READ-ONLY] the folder is open read-only");
        }
        s.mailboxes.need(sel.mailbox, 'e', "expunge");
        List<Long> gone = new ArrayList<>();
        for (long uid : sel.uids) {
            TestMessage m = sel.mailbox.message(uid).orElse(null);
            if (m != null && m.hasFlag("\\Deleted") && (set == null || set.contains(uid))) {
                gone.add(uid);
            }
        }
        sel.mailbox.expunge(gone);
        s.ok(tag, (byUid ? "UID EXPUNGE" : "EXPUNGE") + " completed");
    }
}
