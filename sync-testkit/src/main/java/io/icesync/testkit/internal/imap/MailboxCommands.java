package io.icesync.testkit.internal.imap;

import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Commands on folders: SELECT, LIST, STATUS, CREATE/DELETE/RENAME, METADATA and ACL. */
final class MailboxCommands {
    private static final String CHANGED_SINCE = "/public/vendor/icewarp/folderinfo/changedsince/";
    private static final String FULL_PATH = "/public/vendor/icewarp/folderinfo/fullfolderpath";
    private static final String KOLAB_ALIAS = "/public/vendor/kolab/folder-type/value.shared";

    private final ImapSession s;

    MailboxCommands(ImapSession session) {
        this.s = session;
    }

    private TestMailbox existing(String wire) {
        TestMailbox m = s.resolve(wire);
        if (m == null) {
            throw new ImapSession.No("[NONEXISTENT] Mailbox doesn't exist: " + Names.decode(wire));
        }
        return m;
    }

    /** The first argument of a folder command, once logged in. */
    private String mailboxArg(ImapArgs a) {
        s.needAuth();
        a.space();
        return a.astring();
    }

    private String rights(TestMailbox m) {
        return m.rightsOf(s.user.email());
    }

    void need(TestMailbox m, char right, String what) {
        if (rights(m).indexOf(right) < 0) {
            throw new ImapSession.No("[NOPERM] no right to " + what + " in " + Names.nameFor(s.user, m)
                    + " (needs '" + right + "')");
        }
    }

    // ---- SELECT / EXAMINE

    void select(String tag, ImapArgs a, boolean examine) {
        String wire = mailboxArg(a);
        long qUidValidity = -1;
        long qModSeq = 0;
        String knownUids = null;
        if (a.maybeSpace()) {
            a.expect('(');
            while (!a.peekIs(')')) {
                String p = a.atom().toUpperCase(Locale.ROOT);
                if (p.equals("CONDSTORE") && s.server.offers("CONDSTORE")) {
                    s.condstore = true;
                } else if (p.equals("QRESYNC") && s.qresync) {
                    a.space();
                    a.expect('(');
                    qUidValidity = a.number();
                    a.space();
                    qModSeq = a.number();
                    if (a.maybeSpace() && !a.peekIs('(')) {
                        knownUids = a.atom();
                        a.maybeSpace();
                    }
                    if (a.peekIs('(')) {
                        a.group(); // sequence match data: the full answer is as good
                    }
                    a.expect(')');
                } else {
                    throw ImapArgs.bad("unknown or not enabled SELECT parameter " + p);
                }
                a.maybeSpace();
            }
            a.expect(')');
        }
        a.end();
        s.selected = null;
        s.state = ImapSession.State.AUTHENTICATED;
        TestMailbox m = existing(wire);
        need(m, 'r', "read");
        String r = rights(m);
        boolean readOnly = examine || !(r.contains("s") || r.contains("w") || r.contains("t") || r.contains("i")
                || r.contains("e"));
        Selection sel;
        long highest;
        synchronized (s.server.model().lock()) {
            sel = new Selection(s.server.model().lock(), m, Names.decode(wire), readOnly, m.messages());
            highest = m.highestModSeq();
        }
        Set<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<TestMessage> all = m.messages();
        all.forEach(x -> keywords.addAll(x.flags()));
        Set<String> flags = new LinkedHashSet<>(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"));
        keywords.stream().filter(k -> !k.startsWith("\\")).forEach(flags::add);
        s.send("* FLAGS (" + String.join(" ", flags) + ")");
        s.send("* OK [PERMANENTFLAGS (" + (readOnly ? "" : String.join(" ", flags) + " \\*") + ")] Flags permitted.");
        s.send("* " + sel.size() + " EXISTS");
        s.send("* 0 RECENT");
        s.send("* OK [UIDVALIDITY " + m.uidValidity() + "] UIDs valid");
        s.send("* OK [UIDNEXT " + m.uidNext() + "] Predicted next UID");
        if (s.server.offers("CONDSTORE")) {
            s.send("* OK [HIGHESTMODSEQ " + highest + "] Highest");
        }
        if (qUidValidity == m.uidValidity()) {
            SequenceSet known = knownUids == null ? null : SequenceSet.parse(knownUids, sel.lastUid());
            List<Long> gone = m.vanishedSince(qModSeq).stream().filter(u -> known == null || known.contains(u)).toList();
            if (!gone.isEmpty()) {
                s.send("* VANISHED (EARLIER) " + SequenceSet.render(gone));
            }
            for (TestMessage x : all) {
                int seq = sel.seqOf(x.uid());
                if (x.modSeq() > qModSeq && seq > 0) {
                    s.send("* " + seq + " FETCH (UID " + x.uid() + " FLAGS (" + String.join(" ", x.flags())
                            + ") MODSEQ (" + x.modSeq() + "))");
                }
            }
        }
        s.selected = sel;
        s.state = ImapSession.State.SELECTED;
        s.ok(tag, (readOnly ? "[READ-ONLY]" : "[READ-WRITE]") + (examine ? " EXAMINE" : " SELECT") + " completed");
    }

    // ---- CREATE / DELETE / RENAME / SUBSCRIBE

    void create(String tag, ImapArgs a) {
        s.needAuth();
        a.space();
        String name = Names.stripSlash(Names.decode(a.astring()));
        a.end();
        if (Names.resolve(s.server.model(), s.user, name) != null) {
            throw new ImapSession.No("[ALREADYEXISTS] Mailbox already exists");
        }
        String[] shared = Names.split(name);
        TestAccount owner = s.user;
        String local = name;
        if (shared != null) {
            owner = s.server.model().find(shared[0]).orElse(null);
            String parent = shared[1].contains("/") ? shared[1].substring(0, shared[1].lastIndexOf('/')) : null;
            TestMailbox p = owner == null || parent == null ? null : owner.find(parent).orElse(null);
            if (p == null) {
                throw new ImapSession.No("[NOPERM] cannot create folders at the top of another user's account");
            }
            need(p, 'k', "create folders");
            local = shared[1];
        }
        owner.create(local);
        s.ok(tag, "CREATE completed");
    }

    void delete(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.end();
        TestMailbox m = existing(wire);
        need(m, 'x', "delete the folder");
        if (m.owner() == s.user && m.name().equals("INBOX")) {
            throw new ImapSession.No("INBOX can't be deleted.");
        }
        if (m.owner().mailboxes().stream().anyMatch(x -> x.name().startsWith(m.name() + "/"))) {
            throw new ImapSession.No("[INUSE] Mailbox has children, delete them first");
        }
        if (s.selected != null && s.selected.mailbox == m) {
            s.selected = null;
            s.state = ImapSession.State.AUTHENTICATED;
        }
        m.owner().delete(m.name());
        s.ok(tag, "DELETE completed");
    }

    void rename(String tag, ImapArgs a) {
        s.needAuth();
        a.space();
        String from = a.astring();
        a.space();
        String to = Names.stripSlash(Names.decode(a.astring()));
        a.end();
        TestMailbox m = existing(from);
        need(m, 'x', "rename the folder");
        if (Names.resolve(s.server.model(), s.user, to) != null) {
            throw new ImapSession.No("[ALREADYEXISTS] Target mailbox already exists");
        }
        String[] shared = Names.split(to);
        if ((shared == null) != (m.owner() == s.user)
                || shared != null && !shared[0].equalsIgnoreCase(m.owner().email())) {
            throw new ImapSession.No("[CANNOT] folders cannot move between accounts");
        }
        if (s.selected != null && s.selected.mailbox == m) {
            s.selected = null;
            s.state = ImapSession.State.AUTHENTICATED;
        }
        m.owner().rename(m.name(), shared == null ? to : shared[1]);
        s.ok(tag, "RENAME completed");
    }

    void subscribe(String tag, ImapArgs a, boolean on) {
        String wire = mailboxArg(a);
        a.end();
        TestMailbox m = s.resolve(wire);
        if (m == null && on) {
            throw new ImapSession.No("[NONEXISTENT] Mailbox doesn't exist: " + Names.decode(wire));
        }
        if (m != null) {
            m.subscribed(on);
        }
        s.ok(tag, (on ? "SUBSCRIBE" : "UNSUBSCRIBE") + " completed");
    }

    // ---- LIST / LSUB

    void list(String tag, ImapArgs a, boolean lsub) {
        s.needAuth();
        a.space();
        boolean subscribedOnly = lsub;
        boolean specialOnly = false;
        if (a.peekIs('(')) {
            for (String o : a.list()) {
                switch (o.toUpperCase(Locale.ROOT)) {
                    case "SUBSCRIBED" -> subscribedOnly = true;
                    case "SPECIAL-USE" -> specialOnly = true;
                    case "REMOTE", "RECURSIVEMATCH" -> { }
                    default -> throw ImapArgs.bad("unknown LIST selection option " + o);
                }
            }
            a.space();
        }
        String ref = Names.decode(a.astring());
        a.space();
        List<String> patterns = new ArrayList<>();
        if (a.peekIs('(')) {
            a.list().forEach(p -> patterns.add(Names.decode(p)));
        } else {
            patterns.add(Names.decode(a.astring()));
        }
        List<String> statusItems = null;
        boolean returnSubscribed = false;
        if (a.maybeSpace()) {
            if (!a.atom().equalsIgnoreCase("RETURN")) {
                throw ImapArgs.bad("expected RETURN");
            }
            a.space();
            a.expect('(');
            while (!a.peekIs(')')) {
                String o = a.atom().toUpperCase(Locale.ROOT);
                switch (o) {
                    case "SPECIAL-USE", "CHILDREN" -> { }
                    case "SUBSCRIBED" -> returnSubscribed = true;
                    case "STATUS" -> {
                        a.space();
                        statusItems = a.list();
                    }
                    default -> throw ImapArgs.bad("unknown LIST return option " + o);
                }
                a.maybeSpace();
            }
            a.expect(')');
        }
        a.end();
        if (patterns.size() == 1 && patterns.get(0).isEmpty()) {
            s.send("* " + (lsub ? "LSUB" : "LIST") + " (\\Noselect) \"/\" \"\"");
            s.ok(tag, (lsub ? "LSUB" : "LIST") + " completed");
            return;
        }
        Map<String, TestMailbox> visible = new TreeMap<>(Names.visible(s.server.model(), s.user));
        Set<String> names = new TreeSet<>(visible.keySet());
        for (String n : visible.keySet()) {
            names.addAll(Names.parents(n)); // ~owner@domain placeholders
        }
        for (String name : names) {
            boolean match = false;
            for (String p : patterns) {
                match |= Names.matches(ref + p, name);
            }
            if (!match) {
                continue;
            }
            TestMailbox m = visible.get(name);
            if (m == null && !names.contains(name)) {
                continue;
            }
            if (subscribedOnly && (m == null || !m.subscribed())) {
                continue;
            }
            if (specialOnly && (m == null || m.specialUse() == null)) {
                continue;
            }
            List<String> attrs = new ArrayList<>();
            if (m == null) {
                attrs.add("\\Noselect");
            }
            boolean children = names.stream().anyMatch(n -> n.startsWith(name + "/"));
            attrs.add(children ? "\\HasChildren" : "\\HasNoChildren");
            if (m != null && m.specialUse() != null && s.server.offers("SPECIAL-USE")) {
                attrs.add(m.specialUse());
            }
            if (m != null && (returnSubscribed || subscribedOnly) && m.subscribed()) {
                attrs.add("\\Subscribed");
            }
            s.send(new Reply().text("* " + (lsub ? "LSUB" : "LIST") + " (" + String.join(" ", attrs) + ") \"/\" ")
                    .string(Names.encode(name)));
            if (statusItems != null && m != null && rights(m).indexOf('r') >= 0) {
                s.send(status(name, m, statusItems));
            }
        }
        s.ok(tag, (lsub ? "LSUB" : "LIST") + " completed");
    }

    // ---- STATUS

    void status(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.space();
        List<String> items = a.list();
        a.end();
        TestMailbox m = existing(wire);
        need(m, 'r', "read the status");
        s.send(status(Names.decode(wire), m, items));
        s.ok(tag, "STATUS completed");
    }

    /** The {@code * STATUS} line of a folder, as a STATUS command or a notification sends it. */
    Reply statusReply(String name, TestMailbox m, List<String> items) {
        return status(name, m, items);
    }

    private Reply status(String name, TestMailbox m, List<String> items) {
        List<String> out = new ArrayList<>();
        synchronized (s.server.model().lock()) {
            List<TestMessage> all = m.messages();
            for (String i : items) {
                String item = i.toUpperCase(Locale.ROOT);
                long v = switch (item) {
                    case "MESSAGES" -> all.size();
                    case "RECENT" -> 0;
                    case "UIDNEXT" -> m.uidNext();
                    case "UIDVALIDITY" -> m.uidValidity();
                    case "UNSEEN" -> all.stream().filter(x -> !x.hasFlag("\\Seen")).count();
                    case "HIGHESTMODSEQ" -> {
                        if (!s.server.offers("CONDSTORE")) {
                            throw ImapArgs.bad("HIGHESTMODSEQ needs CONDSTORE");
                        }
                        yield m.highestModSeq();
                    }
                    case "SIZE" -> all.stream().mapToLong(TestMessage::size).sum();
                    default -> throw ImapArgs.bad("unknown STATUS item " + i);
                };
                out.add(item + " " + v);
            }
        }
        return new Reply().text("* STATUS ").string(Names.encode(name)).text(" (" + String.join(" ", out) + ")");
    }

    // ---- METADATA (RFC 5464), with IceWarp's own entries

    void getMetadata(String tag, ImapArgs a) {
        s.needAuth();
        a.space();
        String depth = "0";
        if (a.peekIs('(')) {
            List<String> opts = a.list();
            for (int i = 0; i + 1 < opts.size(); i += 2) {
                if (opts.get(i).equalsIgnoreCase("DEPTH")) {
                    depth = opts.get(i + 1);
                }
            }
            a.space();
        }
        String wire = a.astring();
        a.space();
        List<String> entries = a.listOrOne();
        a.end();
        Map<String, String> values = new TreeMap<>();
        TestMailbox m = wire.isEmpty() ? null : existing(wire);
        if (m != null) {
            need(m, 'l', "read metadata");
        }
        for (String e : entries) {
            checkEntry(e);
            if (m == null) {
                values.put(e, s.server.serverMetadata().get(e));
                continue;
            }
            values.put(e, metadata(m, e));
            String d = depth;
            if (!d.equals("0")) {
                String prefix = e + "/";
                m.metadata().forEach((k, v) -> {
                    String rest = k.startsWith(prefix) ? k.substring(prefix.length()) : null;
                    if (rest != null && (d.equalsIgnoreCase("infinity") || !rest.contains("/"))) {
                        values.put(k, v);
                    }
                });
            }
        }
        Reply r = new Reply().text("* METADATA ").string(wire).text(" (");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                r.sp();
            }
            first = false;
            r.text(e.getKey()).sp().string(e.getValue());
        }
        s.send(r.text(")"));
        s.ok(tag, "GETMETADATA completed");
    }

    private String metadata(TestMailbox m, String entry) {
        String e = entry.toLowerCase(Locale.ROOT);
        if (e.equals(KOLAB_ALIAS)) {
            return m.metadata(TestMailbox.KOLAB_TYPE);
        }
        if (e.equals(FULL_PATH)) {
            return "/var/icewarp/mail/" + m.owner().domain() + "/" + m.owner().email().substring(0,
                    m.owner().email().indexOf('@')) + "/" + m.name() + "/";
        }
        if (e.startsWith(CHANGED_SINCE)) {
            long since;
            try {
                since = Long.parseLong(e.substring(CHANGED_SINCE.length()));
            } catch (NumberFormatException x) {
                throw ImapArgs.bad("'" + entry + "' does not end with a MODSEQ");
            }
            List<Long> uids = m.changedSince(since).stream().map(TestMessage::uid).toList();
            return URLEncoder.encode(SequenceSet.render(uids), StandardCharsets.UTF_8);
        }
        return m.metadata(entry);
    }

    private static void checkEntry(String e) {
        String l = e.toLowerCase(Locale.ROOT);
        if (!(l.startsWith("/shared/") || l.startsWith("/private/") || l.startsWith("/public/")) || l.endsWith("/")
                || l.contains("//") || l.contains("*") || l.contains("%")) {
            throw ImapArgs.bad("'" + e + "' is not a metadata entry name");
        }
    }

    void setMetadata(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.space();
        a.expect('(');
        List<String[]> pairs = new ArrayList<>();
        while (!a.peekIs(')')) {
            String entry = a.astring();
            checkEntry(entry);
            a.space();
            String value = a.nstring();
            pairs.add(new String[] {entry, value});
            a.maybeSpace();
        }
        a.expect(')');
        a.end();
        if (wire.isEmpty()) {
            pairs.forEach(p -> {
                if (p[1] == null) {
                    s.server.serverMetadata().remove(p[0]);
                } else {
                    s.server.serverMetadata().put(p[0], p[1]);
                }
            });
        } else {
            TestMailbox m = existing(wire);
            if (m.owner() != s.user) {
                need(m, 'w', "write metadata");
            }
            for (String[] p : pairs) {
                String entry = p[0].equalsIgnoreCase(KOLAB_ALIAS) ? TestMailbox.KOLAB_TYPE : p[0];
                if (entry.toLowerCase(Locale.ROOT).startsWith("/public/vendor/icewarp/folderinfo/")) {
                    throw new ImapSession.No("[NOPERM] " + p[0] + " is read-only");
                }
                m.setMetadata(entry, p[1]);
            }
        }
        s.ok(tag, "SETMETADATA completed");
    }

    // ---- ACL (RFC 4314)

    void myRights(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.end();
        TestMailbox m = existing(wire);
        s.send(new Reply().text("* MYRIGHTS ").string(wire).sp().text(rights(m)));
        s.ok(tag, "MYRIGHTS completed");
    }

    void getAcl(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.end();
        TestMailbox m = existing(wire);
        need(m, 'a', "read the ACL");
        Reply r = new Reply().text("* ACL ").string(wire).sp().string(m.owner().email()).sp().text(
                m.rightsOf(m.owner().email()));
        m.effectiveAcl().forEach((who, rights) -> r.sp().string(who).sp().text(rights));
        s.send(r);
        s.ok(tag, "GETACL completed");
    }

    void setAcl(String tag, ImapArgs a, boolean delete) {
        String wire = mailboxArg(a);
        a.space();
        String who = a.astring();
        String rights = "";
        if (!delete) {
            a.space();
            rights = a.astring();
        }
        a.end();
        TestMailbox m = existing(wire);
        need(m, 'a', "change the ACL");
        if (who.equalsIgnoreCase(m.owner().email())) {
            throw new ImapSession.No("[CANNOT] the owner's rights cannot be changed");
        }
        String now = m.effectiveAcl().getOrDefault(who.toLowerCase(Locale.ROOT), "");
        if (rights.startsWith("+")) {
            rights = now + rights.substring(1);
        } else if (rights.startsWith("-")) {
            String drop = rights.substring(1).replace("c", "kx").replace("d", "xte");
            StringBuilder keep = new StringBuilder();
            for (char c : now.replace("c", "").replace("d", "").toCharArray()) {
                if (drop.indexOf(c) < 0) {
                    keep.append(c);
                }
            }
            rights = keep.toString();
        }
        m.grant(who, rights);
        s.ok(tag, (delete ? "DELETEACL" : "SETACL") + " completed");
    }

    void listRights(String tag, ImapArgs a) {
        String wire = mailboxArg(a);
        a.space();
        String who = a.astring();
        a.end();
        TestMailbox m = existing(wire);
        need(m, 'a', "read the ACL");
        s.send(new Reply().text("* LISTRIGHTS ").string(wire).sp().string(who).text(" \"\" l r s w i p k x t e a c d"));
        s.ok(tag, "LISTRIGHTS completed");
    }
}
