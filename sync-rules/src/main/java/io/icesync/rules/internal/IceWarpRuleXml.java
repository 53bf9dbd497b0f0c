package io.icesync.rules.internal;

import static io.icesync.core.xml.SafeDom.append;
import static io.icesync.core.xml.SafeDom.child;
import static io.icesync.core.xml.SafeDom.children;
import static io.icesync.core.xml.SafeDom.text;
import static io.icesync.core.xml.SafeDom.trimmed;

import io.icesync.rules.Action;
import io.icesync.rules.Condition;
import io.icesync.rules.Rule;
import io.icesync.rules.StringTest;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A rule as IceWarp's API carries it ({@code TRuleSettings}: title, active, a flat list of
 * {@code TRule...Condition} items and a list of {@code TRule...Action} items, one element per field,
 * booleans as 0/1, enums as numbers). Element and class names follow the vendor's API reference
 * as public client libraries spell it; the server compares them without case.
 */
public final class IceWarpRuleXml {
    private static final String SOME_WORDS = "TRuleSomeWordsCondition";

    private IceWarpRuleXml() {
    }

    // ------------------------------------------------------------------ writing

    /** Fills {@code settings} with the rule; {@code notes} gets what IceWarp cannot hold as given. */
    public static void write(Element settings, Rule rule, String ruleId, List<String> notes) {
        Element conditions = append(settings, "conditions");
        for (FlatConditions.Entry e : FlatConditions.flatten(rule.when(), notes)) {
            writeCondition(append(conditions, "item"), e, notes);
        }
        Element actions = append(settings, "actions");
        for (Action a : rule.then()) {
            writeAction(append(actions, "item"), a, notes);
        }
        append(settings, "title", rule.name());
        append(settings, "active", bit(rule.enabled()));
        if (ruleId != null) {
            append(settings, "ruleid", ruleId);
        }
    }

    private static void head(Element item, String className, int type, FlatConditions.Entry e) {
        append(item, "classname", className);
        append(item, "conditiontype", Integer.toString(type));
        append(item, "operatorand", bit(e.and()));
        append(item, "logicalnot", bit(e.not()));
        append(item, "bracketsleft", Integer.toString(e.open()));
        append(item, "bracketsright", Integer.toString(e.close()));
    }

    private static void writeCondition(Element item, FlatConditions.Entry e, List<String> notes) {
        Condition c = e.leaf();
        if (c instanceof Condition.Header h) {
            words(item, e, headerType(h.field()), "", h.test(), notes);
        } else if (c instanceof Condition.CustomHeader h) {
            words(item, e, ConditionType.CUSTOM_HEADER, h.name(), h.test(), notes);
        } else if (c instanceof Condition.AnyHeader h) {
            words(item, e, ConditionType.ANY_HEADER, "", h.test(), notes);
        } else if (c instanceof Condition.Body b) {
            words(item, e, ConditionType.BODY, "", b.test(), notes);
        } else if (c instanceof Condition.AttachmentName a) {
            words(item, e, ConditionType.ATTACH_NAME, "", a.test(), notes);
        } else if (c instanceof Condition.SmtpSender s) {
            words(item, e, ConditionType.SENDER, "", s.test(), notes);
        } else if (c instanceof Condition.SmtpRecipient r) {
            words(item, e, ConditionType.RECIPIENT, "", r.test(), notes);
        } else if (c instanceof Condition.SenderIp s) {
            words(item, e, ConditionType.REMOTE_IP, "", s.test(), notes);
        } else if (c instanceof Condition.ReverseDns r) {
            words(item, e, ConditionType.RDNS, "", r.test(), notes);
        } else if (c instanceof Condition.Priority p) {
            head(item, "TRulePriorityCondition", ConditionType.PRIORITY, e);
            append(item, "priority", Integer.toString(p.level().ordinal() + 1));
        } else if (c instanceof Condition.IsSpam) {
            head(item, "TRuleIsSpamCondition", ConditionType.SPAM, e);
        } else if (c instanceof Condition.Size s) {
            head(item, "TRuleIsSizeCondition", ConditionType.SIZE, e);
            append(item, "comparetype", s.comparison() == Condition.Comparison.LESS_THAN ? "0" : "1");
            append(item, "size", Long.toString(s.bytes()));
            Condition.Size back = size(s.comparison(), s.bytes());
            if (!back.equals(s)) {
                notes.add("the size is stored in bytes and reads back as " + back.amount() + " " + back.unit());
            }
        } else if (c instanceof Condition.HasAttachment) {
            head(item, "TRuleHasAttachmentCondition", ConditionType.HAS_ATTACH, e);
        } else if (c instanceof Condition.Sender s) {
            senderRecipient(item, e, 0, s.is(), s.group());
        } else if (c instanceof Condition.Recipient r) {
            senderRecipient(item, e, 1, r.is(), r.group());
        } else if (c instanceof Condition.InDnsbl) {
            head(item, "TRuleDNSBLCondition", ConditionType.DNSBL, e);
            append(item, "server", "");
            append(item, "regex", "");
        } else if (c instanceof Condition.TrustedSession) {
            head(item, "TRuleTrustedSessionCondition", ConditionType.TRUSTED_SESSION, e);
        } else if (c instanceof Condition.SpamScore s) {
            head(item, "TRuleSpamScoreCondition", ConditionType.SPAM_SCORE, e);
            append(item, "comparetype", s.comparison() == Condition.Comparison.LESS_THAN ? "0" : "1");
            append(item, "spamscore", Double.toString(s.score()));
        } else if (c instanceof Condition.SmtpAuth) {
            head(item, "TRuleSMTPAuthCondition", ConditionType.SMTP_AUTH, e);
        } else if (c instanceof Condition.LocalTimeIs t) {
            localTime(item, e, t, notes);
        } else if (c instanceof Condition.AllMessages) {
            head(item, "TRuleAllCondition", ConditionType.ALL, e);
        } else {
            throw new IllegalStateException("no IceWarp form for " + c);
        }
    }

    private static void words(Element item, FlatConditions.Entry e, int type, String prefix, StringTest t,
                              List<String> notes) {
        head(item, SOME_WORDS, type, e);
        if (t.values().stream().anyMatch(v -> v.contains(";"))) {
            notes.add("a value holding ';' reads back as several values, as the guide's lists do");
        }
        append(item, "matchfunction", Integer.toString(function(t.function())));
        append(item, "matchvalue", prefix + String.join(";", t.values()));
        append(item, "matchcase", bit(t.caseSensitive()));
        append(item, "matchwholewordsonly", bit(t.wholeWord()));
        append(item, "notmatch", "0");
        append(item, "multipleitemsmatch", "0");
        append(item, "parsexml", "0");
    }

    private static void senderRecipient(Element item, FlatConditions.Entry e, int who, Condition.Locality is,
                                        String group) {
        head(item, "TRuleSenderRecipientCondition", ConditionType.SENDER_RECIPIENT, e);
        append(item, "recipientsender", Integer.toString(who));
        append(item, "remotelocal", is == Condition.Locality.REMOTE ? "0" : "1");
        append(item, "recipientcondition", "0");
        append(item, "account", is == Condition.Locality.MEMBER_OF ? group : "");
    }

    private static void localTime(Element item, FlatConditions.Entry e, Condition.LocalTimeIs t, List<String> notes) {
        head(item, "TRuleLocalTimeCondition", ConditionType.TIME, e);
        boolean someDays = t.days().size() < 7;
        append(item, "weekdays", bit(someDays));
        for (DayOfWeek d : DayOfWeek.values()) {
            append(item, d.name().toLowerCase(Locale.ROOT), bit(someDays && t.days().contains(d)));
        }
        boolean times = !t.from().equals(LocalTime.MIN) || !t.to().equals(LocalTime.MAX);
        append(item, "betweentimes", bit(times));
        append(item, "fromtime", times ? hhmm(t.from(), notes) : "");
        append(item, "totime", times ? hhmm(t.to(), notes) : "");
        append(item, "betweendates", "0");
        append(item, "fromdate", "");
        append(item, "todate", "");
    }

    private static String hhmm(LocalTime t, List<String> notes) {
        if (t.getSecond() != 0 || t.getNano() != 0) {
            notes.add("times are stored to the minute: " + t + " reads back as " + t.withSecond(0).withNano(0));
        }
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    private static void action(Element item, String className, int type) {
        append(item, "classname", className);
        append(item, "actiontype", Integer.toString(type));
    }

    private static void writeAction(Element item, Action a, List<String> notes) {
        if (a instanceof Action.SendMessage m) {
            action(item, "TRuleSendMessageAction", 1);
            append(item, "messagefrom", "");
            append(item, "messageto", m.to());
            append(item, "messagesubject", m.subject());
            append(item, "messagetext", m.text());
        } else if (a instanceof Action.Forward f) {
            action(item, "TRuleForwardToEmailAction", 2);
            append(item, "email", f.to());
        } else if (a instanceof Action.MoveTo m) {
            action(item, "TRuleMoveToFolderAction", 4);
            append(item, "folder", m.folder());
        } else if (a instanceof Action.CopyTo m) {
            action(item, "TRuleCopyToFolderAction", 5);
            append(item, "folder", m.folder());
        } else if (a instanceof Action.Encrypt) {
            action(item, "TRuleEncryptAction", 6);
        } else if (a instanceof Action.SetPriority p) {
            action(item, "TRulePriorityAction", 7);
            append(item, "priority", Integer.toString(p.level().ordinal() + 1));
        } else if (a instanceof Action.SetFlags f) {
            action(item, "TRuleSetFlagsAction", 9);
            List<String> stored = new ArrayList<>();
            for (String flag : KNOWN_FLAGS) {
                boolean on = f.flags().stream().anyMatch(x -> x.equalsIgnoreCase(flag));
                append(item, flagElement(flag), bit(on));
                if (on) {
                    stored.add(flag);
                }
            }
            List<String> unknown = f.flags().stream()
                    .filter(x -> KNOWN_FLAGS.stream().noneMatch(k -> k.equalsIgnoreCase(x))).toList();
            if (!unknown.isEmpty()) {
                notes.add("IceWarp sets only " + String.join(" ", KNOWN_FLAGS) + "; " + String.join(" ", unknown)
                        + " cannot be set");
            } else if (!stored.equals(f.flags())) {
                notes.add("the flags are stored as a set and read back as " + String.join(" ", stored));
            }
        } else if (a instanceof Action.EditHeader h) {
            action(item, "TRuleEditHeaderAction", 10);
            Element entry = append(append(item, "headers"), "item");
            append(entry, "editheadertype", h.op() == Action.HeaderOp.DELETE ? "1" : "0");
            append(entry, "header", h.name());
            append(entry, "hasregex", "0");
            append(entry, "regex", "");
            append(entry, "value", h.op() == Action.HeaderOp.DELETE ? "" : h.value());
            if (h.op() == Action.HeaderOp.ADD) {
                notes.add("IceWarp adds or changes a header in one operation: add " + h.name() + " reads back as change");
            }
        } else if (a instanceof Action.Accept) {
            messageAction(item, 0);
        } else if (a instanceof Action.Delete) {
            messageAction(item, 1);
        } else if (a instanceof Action.Reject r) {
            messageAction(item, 2);
            if (r.reason() != null && !r.reason().isEmpty()) {
                notes.add("IceWarp's reject has no reason text; '" + r.reason() + "' is not stored");
            }
        } else if (a instanceof Action.MarkSpam) {
            messageAction(item, 3);
        } else if (a instanceof Action.Quarantine) {
            messageAction(item, 4);
        } else if (a instanceof Action.Stop) {
            action(item, "TRuleStopAction", 27);
        } else {
            throw new IllegalStateException("no IceWarp form for " + a);
        }
    }

    private static void messageAction(Element item, int type) {
        action(item, "TRuleMessageActionAction", 25);
        append(item, "messageactiontype", Integer.toString(type));
    }

    // ------------------------------------------------------------------ reading

    /** The rule in {@code settings}; an IllegalArgumentException says what IceSync cannot read in it. */
    public static Rule read(Element settings) {
        String title = text(settings, "title");
        List<FlatConditions.Entry> entries = new ArrayList<>();
        List<Element> items = children(child(settings, "conditions"), "item");
        for (int i = 0; i < items.size(); i++) {
            entries.add(readCondition(items.get(i), i + 1));
        }
        List<Action> actions = new ArrayList<>();
        for (Element item : children(child(settings, "actions"), "item")) {
            actions.add(readAction(item));
        }
        return new Rule(title == null || title.isEmpty() ? "(untitled)" : title, isTrue(text(settings, "active")),
                FlatConditions.unflatten(entries), actions);
    }

    private static FlatConditions.Entry readCondition(Element item, int position) {
        String cls = required(item, "classname").trim();
        int type = number(item, "conditiontype");
        Condition leaf;
        boolean not = isTrue(text(item, "logicalnot"));
        if (cls.equalsIgnoreCase(SOME_WORDS)) {
            String value = text(item, "matchvalue");
            value = value == null ? "" : value;
            String prefix = null;
            if (type == ConditionType.CUSTOM_HEADER) {
                int colon = value.indexOf(':');
                if (colon < 1) {
                    throw new IllegalArgumentException("condition " + position + ": a custom header condition without "
                            + "'header:' before its value");
                }
                prefix = value.substring(0, colon + 1);
                value = value.substring(colon + 1);
            }
            StringTest t = new StringTest(function(number(item, "matchfunction"), position), List.of(value.split(";", -1)),
                    isTrue(text(item, "matchcase")), isTrue(text(item, "matchwholewordsonly")));
            leaf = wordsCondition(type, prefix, t, position);
            if (isTrue(text(item, "notmatch"))) {
                not = !not;
            }
        } else if (cls.equalsIgnoreCase("TRulePriorityCondition")) {
            leaf = new Condition.Priority(level(number(item, "priority")));
        } else if (cls.equalsIgnoreCase("TRuleIsSpamCondition")) {
            leaf = new Condition.IsSpam();
        } else if (cls.equalsIgnoreCase("TRuleIsSizeCondition")) {
            leaf = size(comparison(item), bytes(item));
        } else if (cls.equalsIgnoreCase("TRuleHasAttachmentCondition")) {
            leaf = new Condition.HasAttachment();
        } else if (cls.equalsIgnoreCase("TRuleSenderRecipientCondition")) {
            String account = text(item, "account");
            Condition.Locality is = account != null && !account.isEmpty() ? Condition.Locality.MEMBER_OF
                    : number(item, "remotelocal") == 0 ? Condition.Locality.REMOTE : Condition.Locality.LOCAL;
            String group = is == Condition.Locality.MEMBER_OF ? account : null;
            leaf = number(item, "recipientsender") == 0 ? new Condition.Sender(is, group) : new Condition.Recipient(is, group);
        } else if (cls.equalsIgnoreCase("TRuleDNSBLCondition")) {
            leaf = new Condition.InDnsbl();
        } else if (cls.equalsIgnoreCase("TRuleTrustedSessionCondition")) {
            leaf = new Condition.TrustedSession();
        } else if (cls.equalsIgnoreCase("TRuleSpamScoreCondition")) {
            try {
                leaf = new Condition.SpamScore(comparison(item), Double.parseDouble(required(item, "spamscore").trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("condition " + position + ": the spam score is not a number");
            }
        } else if (cls.equalsIgnoreCase("TRuleSMTPAuthCondition")) {
            leaf = new Condition.SmtpAuth();
        } else if (cls.equalsIgnoreCase("TRuleLocalTimeCondition")) {
            leaf = readLocalTime(item, position);
        } else if (cls.equalsIgnoreCase("TRuleAllCondition")) {
            leaf = new Condition.AllMessages();
        } else {
            throw new IllegalArgumentException("condition " + position + " is a " + cls + ", which IceSync does not read");
        }
        return new FlatConditions.Entry(leaf, not, isTrue(text(item, "operatorand")),
                number(item, "bracketsleft"), number(item, "bracketsright"));
    }

    private static Condition wordsCondition(int type, String prefix, StringTest t, int position) {
        switch (type) {
            case ConditionType.FROM: return new Condition.Header(Condition.Field.FROM, t);
            case ConditionType.TO: return new Condition.Header(Condition.Field.TO, t);
            case ConditionType.SUBJECT: return new Condition.Header(Condition.Field.SUBJECT, t);
            case ConditionType.CC: return new Condition.Header(Condition.Field.CC, t);
            case ConditionType.REPLY_TO: return new Condition.Header(Condition.Field.REPLY_TO, t);
            case ConditionType.DATE: return new Condition.Header(Condition.Field.DATE, t);
            case ConditionType.BODY: return new Condition.Body(t);
            case ConditionType.CUSTOM_HEADER: return new Condition.CustomHeader(prefix, t);
            case ConditionType.ANY_HEADER: return new Condition.AnyHeader(t);
            case ConditionType.ATTACH_NAME: return new Condition.AttachmentName(t);
            case ConditionType.SENDER: return new Condition.SmtpSender(t);
            case ConditionType.RECIPIENT: return new Condition.SmtpRecipient(t);
            case ConditionType.REMOTE_IP: return new Condition.SenderIp(t);
            case ConditionType.RDNS: return new Condition.ReverseDns(t);
            default:
                throw new IllegalArgumentException("condition " + position + " compares text of condition type " + type
                        + ", which IceSync does not read");
        }
    }

    private static Condition readLocalTime(Element item, int position) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (isTrue(text(item, "weekdays"))) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (isTrue(text(item, d.name().toLowerCase(Locale.ROOT)))) {
                    days.add(d);
                }
            }
        }
        LocalTime from = null;
        LocalTime to = null;
        if (isTrue(text(item, "betweentimes"))) {
            try {
                from = LocalTime.parse(required(item, "fromtime").trim());
                to = LocalTime.parse(required(item, "totime").trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("condition " + position + ": a time is not HH:MM");
            }
        }
        if (isTrue(text(item, "betweendates"))) {
            throw new IllegalArgumentException("condition " + position + " limits dates, which IceSync does not read");
        }
        return new Condition.LocalTimeIs(days, from, to);
    }

    private static Action readAction(Element item) {
        String cls = required(item, "classname").trim();
        switch (cls.toLowerCase(Locale.ROOT)) {
            case "trulesendmessageaction":
                return new Action.SendMessage(required(item, "messageto"), text(item, "messagesubject"),
                        text(item, "messagetext"));
            case "truleforwardtoemailaction":
                return new Action.Forward(required(item, "email"));
            case "trulemovetofolderaction":
                return new Action.MoveTo(required(item, "folder"));
            case "trulecopytofolderaction":
                return new Action.CopyTo(required(item, "folder"));
            case "truleencryptaction":
                return new Action.Encrypt();
            case "trulepriorityaction":
                return new Action.SetPriority(level(number(item, "priority")));
            case "trulesetflagsaction": {
                List<String> flags = new ArrayList<>();
                for (String f : KNOWN_FLAGS) {
                    if (isTrue(text(item, flagElement(f)))) {
                        flags.add(f);
                    }
                }
                return new Action.SetFlags(flags);
            }
            case "truleeditheaderaction": {
                List<Element> entries = children(child(item, "headers"), "item");
                if (entries.size() != 1) {
                    throw new IllegalArgumentException("a header action edits " + entries.size()
                            + " headers; IceSync reads one per action");
                }
                Element h = entries.get(0);
                if (isTrue(text(h, "hasregex"))) {
                    throw new IllegalArgumentException("a header action with a regular expression, which IceSync does not read");
                }
                boolean delete = number(h, "editheadertype") == 1;
                return new Action.EditHeader(delete ? Action.HeaderOp.DELETE : Action.HeaderOp.CHANGE,
                        required(h, "header"), delete ? null : text(h, "value"));
            }
            case "trulemessageactionaction":
                switch (number(item, "messageactiontype")) {
                    case 0: return new Action.Accept();
                    case 1: return new Action.Delete();
                    case 2: return new Action.Reject(null);
                    case 3: return new Action.MarkSpam();
                    case 4: return new Action.Quarantine();
                    default: throw new IllegalArgumentException("unknown message action " + text(item, "messageactiontype"));
                }
            case "trulestopaction":
                return new Action.Stop();
            default:
                throw new IllegalArgumentException("an action " + cls + ", which IceSync does not read");
        }
    }

    // ------------------------------------------------------------------ shared

    /** IceWarp's TRuleConditionType numbers that IceSync uses. */
    private static final class ConditionType {
        static final int FROM = 1;
        static final int TO = 2;
        static final int SUBJECT = 3;
        static final int CC = 4;
        static final int REPLY_TO = 5;
        static final int DATE = 7;
        static final int PRIORITY = 8;
        static final int SPAM = 9;
        static final int SIZE = 10;
        static final int BODY = 11;
        static final int CUSTOM_HEADER = 12;
        static final int ANY_HEADER = 13;
        static final int ATTACH_NAME = 14;
        static final int HAS_ATTACH = 17;
        static final int SENDER = 19;
        static final int RECIPIENT = 20;
        static final int SENDER_RECIPIENT = 21;
        static final int REMOTE_IP = 25;
        static final int RDNS = 26;
        static final int DNSBL = 27;
        static final int TRUSTED_SESSION = 28;
        static final int SPAM_SCORE = 29;
        static final int SMTP_AUTH = 31;
        static final int TIME = 33;
        static final int ALL = 35;

        private ConditionType() {
        }
    }

    /** The flags TRuleSetFlagsAction can set, as IMAP names them, in the order the class lists them. */
    private static final List<String> KNOWN_FLAGS = List.of("\\Flagged", "\\Seen", "$Junk", "$NotJunk",
            "$label1", "$label2", "$label3", "$label4", "$label5", "$label6");

    private static String flagElement(String flag) {
        return flag.substring(1).toLowerCase(Locale.ROOT);
    }

    private static int headerType(Condition.Field f) {
        switch (f) {
            case FROM: return ConditionType.FROM;
            case TO: return ConditionType.TO;
            case SUBJECT: return ConditionType.SUBJECT;
            case CC: return ConditionType.CC;
            case REPLY_TO: return ConditionType.REPLY_TO;
            default: return ConditionType.DATE;
        }
    }

    /** TRuleSomeWordsFunctionType. */
    private static int function(StringTest.Function f) {
        switch (f) {
            case CONTAINS: return 1;
            case IN_LIST: return 2;
            case REGEX: return 3;
            case STARTS_WITH: return 4;
            case ENDS_WITH: return 5;
            default: return 6;
        }
    }

    private static StringTest.Function function(int n, int position) {
        switch (n) {
            case 1: return StringTest.Function.CONTAINS;
            case 2: return StringTest.Function.IN_LIST;
            case 3: return StringTest.Function.REGEX;
            case 4: return StringTest.Function.STARTS_WITH;
            case 5: return StringTest.Function.ENDS_WITH;
            case 6: return StringTest.Function.EQUALS;
            default:
                throw new IllegalArgumentException("condition " + position + " uses match function " + n
                        + ", which IceSync does not read");
        }
    }

    /** Bytes as the largest unit that holds them exactly, so that 1048576 reads as 1 MB. */
    static Condition.Size size(Condition.Comparison c, long bytes) {
        Condition.Unit[] units = {Condition.Unit.GB, Condition.Unit.MB, Condition.Unit.KB};
        long[] factors = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % factors[i] == 0) {
                return new Condition.Size(c, bytes / factors[i], units[i]);
            }
        }
        return new Condition.Size(c, bytes, Condition.Unit.B);
    }

    private static Condition.Comparison comparison(Element item) {
        return number(item, "comparetype") == 0 ? Condition.Comparison.LESS_THAN : Condition.Comparison.MORE_THAN;
    }

    private static Condition.Level level(int n) {
        if (n < 1 || n > 5) {
            throw new IllegalArgumentException("priority " + n + " is not 1 (highest) to 5 (lowest)");
        }
        return Condition.Level.values()[n - 1];
    }

    static String bit(boolean b) {
        return b ? "1" : "0";
    }

    static boolean isTrue(String s) {
        return s != null && (s.trim().equals("1") || s.trim().equalsIgnoreCase("true"));
    }

    private static int number(Element item, String name) {
        String s = trimmed(item, name);
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<" + name + "> is '" + s + "', not a number");
        }
    }

    private static long bytes(Element item) {
        String s = trimmed(item, "size");
        try {
            long n = Long.parseLong(s == null ? "" : s);
            if (n < 0) {
                throw new IllegalArgumentException("<size> is negative: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<size> is '" + s + "', not a number of bytes");
        }
    }

    private static String required(Element item, String name) {
        String s = text(item, name);
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("<" + name + "> is missing");
        }
        return s;
    }
}
