package io.icesync.testkit.internal.imap;

import io.icesync.testkit.TestMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** SEARCH and UID SEARCH with the RFC 3501 keys, CONDSTORE's MODSEQ, and header and text matching. */
final class SearchCommand {
    /** A message with its number, for keys that look at either. */
    record Candidate(int seq, TestMessage m) {
    }

    private final ImapSession s;
    private boolean modseqKey;

    SearchCommand(ImapSession session) {
        this.s = session;
    }

    void search(String tag, ImapArgs a, boolean byUid) {
        s.needSelected();
        Selection sel = s.selected;
        modseqKey = false;
        a.space();
        if ("CHARSET".equalsIgnoreCase(peekWord(a))) {
            a.atom();
            a.space();
            String cs = a.astring();
            if (!cs.equalsIgnoreCase("UTF-8") && !cs.equalsIgnoreCase("US-ASCII")) {
                throw new ImapSession.No("[BADCHARSET (UTF-8 US-ASCII)] charset " + cs + " is not supported");
            }
            a.space();
        }
        Predicate<Candidate> all = key(a, sel);
        while (a.maybeSpace()) {
            all = all.and(key(a, sel));
        }
        a.end();
        List<String> hits = new ArrayList<>();
        long maxModSeq = 0;
        for (int i = 0; i < sel.uids.size(); i++) {
            TestMessage m = sel.mailbox.message(sel.uids.get(i)).orElse(null);
            if (m != null && all.test(new Candidate(i + 1, m))) {
                hits.add(String.valueOf(byUid ? m.uid() : i + 1));
                maxModSeq = Math.max(maxModSeq, m.modSeq());
            }
        }
        s.send("* SEARCH" + (hits.isEmpty() ? "" : " " + String.join(" ", hits))
                + (modseqKey && !hits.isEmpty() ? " (MODSEQ " + maxModSeq + ")" : ""));
        s.expungeAllowed = byUid;
        s.ok(tag, (byUid ? "UID SEARCH" : "SEARCH") + " completed");
    }

    private static String peekWord(ImapArgs a) {
        String rest = a.rest();
        int sp = rest.indexOf(' ');
        return sp < 0 ? rest : rest.substring(0, sp);
    }

    private Predicate<Candidate> key(ImapArgs a, Selection sel) {
        if (a.peekIs('(')) {
            a.expect('(');
            Predicate<Candidate> p = key(a, sel);
            while (a.maybeSpace()) {
                p = p.and(key(a, sel));
            }
            a.expect(')');
            return p;
        }
        String word = a.atom();
        String k = word.toUpperCase(Locale.ROOT);
        if (SequenceSet.looksLikeSet(word)) {
            SequenceSet set = SequenceSet.parse(word, sel.size());
            return c -> set.contains(c.seq());
        }
        return switch (k) {
            case "ALL" -> c -> true;
            case "ANSWERED" -> flag("\\Answered");
            case "DELETED" -> flag("\\Deleted");
            case "DRAFT" -> flag("\\Draft");
            case "FLAGGED" -> flag("\\Flagged");
            case "SEEN", "OLD" -> flag("\\Seen");
            case "UNANSWERED" -> flag("\\Answered").negate();
            case "UNDELETED" -> flag("\\Deleted").negate();
            case "UNDRAFT" -> flag("\\Draft").negate();
            case "UNFLAGGED" -> flag("\\Flagged").negate();
            case "UNSEEN", "NEW" -> flag("\\Seen").negate();
            case "RECENT" -> c -> false;
            case "KEYWORD" -> flag(arg(a));
            case "UNKEYWORD" -> flag(arg(a)).negate();
            case "NOT" -> {
                a.space();
                yield key(a, sel).negate();
            }
            case "OR" -> {
                a.space();
                Predicate<Candidate> x = key(a, sel);
                a.space();
                yield x.or(key(a, sel));
            }
            case "UID" -> {
                SequenceSet set = SequenceSet.parse(arg(a), sel.lastUid());
                yield c -> set.contains(c.m().uid());
            }
            case "LARGER" -> {
                long n = number(a);
                yield c -> c.m().size() > n;
            }
            case "SMALLER" -> {
                long n = number(a);
                yield c -> c.m().size() < n;
            }
            case "HEADER" -> {
                String field = arg(a);
                String value = arg(a);
                yield c -> header(c.m(), field, value);
            }
            case "FROM", "TO", "CC", "BCC", "SUBJECT" -> {
                String value = arg(a);
                yield c -> header(c.m(), k, value);
            }
            case "BODY", "TEXT" -> {
                String value = arg(a).toLowerCase(Locale.ROOT);
                yield c -> text(c.m(), k.equals("BODY")).contains(value);
            }
            case "BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE" -> date(k, a);
            case "MODSEQ" -> modseq(a);
            default -> throw ImapArgs.bad("unknown SEARCH key " + word);
        };
    }

    /** BEFORE, ON, SINCE and their SENT forms, all on the internal date here. */
    private static Predicate<Candidate> date(String key, ImapArgs a) {
        LocalDate d = ImapDates.parseDate(arg(a));
        String op = key.replace("SENT", "");
        return c -> {
            LocalDate day = c.m().internalDate().atZone(ZoneOffset.UTC).toLocalDate();
            return switch (op) {
                case "BEFORE" -> day.isBefore(d);
                case "ON" -> day.equals(d);
                default -> !day.isBefore(d);
            };
        };
    }

    /** MODSEQ [entry type] n (RFC 7162): every message has one MODSEQ here. */
    private Predicate<Candidate> modseq(ImapArgs a) {
        if (!s.server.offers("CONDSTORE")) {
            throw ImapArgs.bad("MODSEQ needs CONDSTORE");
        }
        a.space();
        String first = a.astring();
        if (!SequenceSet.looksLikeSet(first)) {
            a.space();
            a.atom(); // entry type: all MODSEQs are per message here
            a.space();
            first = a.atom();
        }
        long n;
        try {
            n = Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw ImapArgs.bad("'" + first + "' is not a MODSEQ");
        }
        modseqKey = true;
        s.condstore = true;
        return c -> c.m().modSeq() >= n;
    }

    private static String arg(ImapArgs a) {
        a.space();
        return a.astring();
    }

    private static long number(ImapArgs a) {
        a.space();
        return a.number();
    }

    private static Predicate<Candidate> flag(String f) {
        return c -> c.m().hasFlag(f);
    }

    private static boolean header(TestMessage m, String field, String value) {
        String want = value.toLowerCase(Locale.ROOT);
        String headers = new String(MimeParts.section(m.content(), "HEADER.FIELDS (" + field + ")"), StandardCharsets.UTF_8);
        if (headers.isBlank()) {
            return false;
        }
        // An empty value matches every message that has the field at all.
        for (String line : headers.split("\r\n(?![ \t])")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(colon + 1).replaceAll("\r\n[ \t]", " ").toLowerCase(Locale.ROOT).contains(want)) {
                return true;
            }
        }
        return false;
    }

    private static String text(TestMessage m, boolean bodyOnly) {
        byte[] b = bodyOnly ? MimeParts.section(m.content(), "TEXT") : m.content();
        return new String(b, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }
}
