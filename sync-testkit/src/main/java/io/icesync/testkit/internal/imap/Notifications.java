package io.icesync.testkit.internal.imap;

import io.icesync.testkit.TestMailbox;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NOTIFY (RFC 5465) for one connection, enough for a client that watches its own folders: after
 * {@code NOTIFY SET} naming {@code personal}, a change of one of the user's folders other than the
 * selected one is told as {@code * STATUS} (messages, flags: HIGHESTMODSEQ with CONDSTORE), and a
 * folder created, renamed or deleted as {@code * LIST}. News is sent while the client IDLEs; what
 * happens between two IDLEs is kept and sent when the next one starts. {@code NOTIFY NONE} stops it.
 * Runs on the connection's event loop; the watcher only records which folder changed.
 */
final class Notifications {
    private final ImapSession s;
    private volatile boolean on;
    /** The user's folders and their names when last told, to see creations, renames and deletions. */
    private final Map<TestMailbox, String> known = new HashMap<>();
    private final Set<TestMailbox> changed = new LinkedHashSet<>();

    Notifications(ImapSession s) {
        this.s = s;
    }

    boolean on() {
        return on;
    }

    /** {@code NOTIFY SET ...} or {@code NOTIFY NONE}. */
    void command(String tag, ImapArgs a) {
        s.needAuth();
        a.space();
        String what = a.atom().toUpperCase(Locale.ROOT);
        String rest = a.rest();
        switch (what) {
            case "NONE" -> on = false;
            case "SET" -> {
                if (!rest.toLowerCase(Locale.ROOT).contains("personal")) {
                    throw ImapArgs.bad("this server notifies of personal folders only");
                }
                known.clear();
                for (TestMailbox m : s.user.mailboxes()) {
                    known.put(m, m.name());
                }
                changed.clear();
                on = true;
            }
            default -> throw ImapArgs.bad("NOTIFY SET or NOTIFY NONE");
        }
        s.ok(tag, "NOTIFY completed");
    }

    /** A folder changed (on the event loop): told now while idling, else at the next IDLE. */
    void changed(TestMailbox m) {
        if (!on || m.owner() != s.user) {
            return;
        }
        changed.add(m);
        if (s.idling()) {
            flush();
        }
    }

    /** Sends what is waiting. */
    void flush() {
        if (!on) {
            return;
        }
        List<TestMailbox> now = s.user.mailboxes();
        for (TestMailbox m : List.copyOf(changed)) {
            String before = known.get(m);
            if (!now.contains(m)) {
                if (before != null) {
                    s.send(new Reply().text("* LIST (\\NonExistent) \"/\" ").string(Names.encode(before)));
                    known.remove(m);
                }
                continue;
            }
            String name = m.name();
            if (!name.equals(before)) {
                s.send(new Reply().text("* LIST () \"/\" ").string(Names.encode(name)));
                known.put(m, name);
            }
            Selection sel = s.selected;
            if (sel == null || sel.mailbox != m) {
                List<String> items = s.server.offers("CONDSTORE") && s.condstore
                        ? List.of("MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ")
                        : List.of("MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN");
                s.send(s.mailboxes.statusReply(name, m, items));
            }
        }
        changed.clear();
    }
}
