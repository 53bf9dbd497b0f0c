package io.icesync.rules;

import io.icesync.rules.internal.PosixRegex;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a {@link RuleSet} as a Sieve script (RFC 5228 with fileinto, copy, imap4flags, body, regex,
 * envelope, editheader, reject, date, relational, vacation, variables), and reads back a script
 * IceSync wrote. What Sieve cannot say is listed per rule in {@link Result#unsupported()}, never
 * silently dropped; the whole rule set also travels in a comment, so that reading it back loses
 * nothing.
 */
public final class SieveExport {
    private static final String MARK = "# icesync-rules v1 ";

    /** The script, and what it leaves out (rule name: what). */
    public record Result(String script, List<String> unsupported) {
    }

    private final Set<String> require = new TreeSet<>();
    private final Set<String> offered;
    private final List<String> unsupported = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private String rule;
    private RuleSet set;

    private SieveExport(Set<String> offered) {
        this.offered = offered;
    }

    /**
     * The script for a server that offers every extension used.
     *
     * @param set the rule set
     * @return the script and what Sieve cannot hold
     */
    public static Result export(RuleSet set) {
        return new SieveExport(null).write(set);
    }

    /**
     * The script for a server that offers these extensions (ManageSieve's SIEVE capability); what
     * needs another one is left out and reported.
     *
     * @param set        the rule set
     * @param extensions the extensions the server offers, lower case
     * @return the script and what was left out
     */
    public static Result export(RuleSet set, Set<String> extensions) {
        return new SieveExport(Set.copyOf(extensions)).write(set);
    }

    /** Whether the server offers an extension; when it does not, what needed it is reported. */
    private boolean has(String extension, String what) {
        if (offered != null && !offered.contains(extension)) {
            unsupported(what + " needs the Sieve extension '" + extension + "', which the server does not offer");
            return false;
        }
        require.add(extension);
        return true;
    }

    /**
     * The rule set a script written by {@link #export} carries; fails on any other script.
     *
     * @param script a script's text
     * @return the rule set it carries
     * @throws InvalidRuleException when the script was not written by IceSync or its rules are unreadable
     */
    public static RuleSet read(String script) {
        for (String line : script.split("\n")) {
            if (line.startsWith(MARK)) {
                String json = new String(Base64.getDecoder().decode(line.substring(MARK.length()).trim()),
                        StandardCharsets.UTF_8);
                return RulesJson.read(json, "the IceSync Sieve script");
            }
        }
        throw new InvalidRuleException("script", "this Sieve script was not written by IceSync (no '" + MARK.trim()
                + "' line): its rules cannot be read back");
    }

    private Result write(RuleSet set) {
        this.set = set;
        for (Rule r : set.rules()) {
            rule = r.name();
            out.append("\n# rule: ").append(r.name().replace("\n", " ")).append('\n');
            if (!r.enabled()) {
                out.append("# (disabled)\n");
                continue;
            }
            String test = test(r.when());
            List<String> actions = new ArrayList<>();
            // imap4flags: flags first, so that the fileinto and keep below carry them.
            r.then().stream().filter(a -> a instanceof Action.SetFlags).forEach(a -> actions.add(action(a)));
            r.then().stream().filter(a -> !(a instanceof Action.SetFlags)).forEach(a -> actions.add(action(a)));
            out.append("if ").append(test).append(" {\n");
            actions.stream().filter(s -> s != null).forEach(s -> out.append("  ").append(s).append('\n'));
            out.append("}\n");
        }
        rule = "forwarding";
        forwarding(set.forwarding());
        rule = "responder";
        responder(set.responder());
        StringBuilder script = new StringBuilder("# Written by IceSync: edits here are lost at the next push.\n");
        script.append(MARK).append(Base64.getEncoder().encodeToString(RulesJson.write(set).getBytes(StandardCharsets.UTF_8)))
                .append('\n');
        if (!require.isEmpty()) {
            script.append("require [").append(require.stream().map(SieveExport::q).collect(Collectors.joining(", ")))
                    .append("];\n");
        }
        script.append(out);
        return new Result(script.toString(), List.copyOf(unsupported));
    }

    private void unsupported(String what) {
        unsupported.add(rule + ": " + what);
    }

    // ---- tests

    private String test(Condition c) {
        if (c instanceof Condition.Header h) {
            String name = q(h.field().header().toLowerCase(java.util.Locale.ROOT));
            String header = strings("header", name, h.test());
            if (!h.field().holdsAddresses() || header.equals("false")) {
                return header;
            }
            // "@partner.example" ends the address, not the header with its display name and '>'.
            return "anyof(" + header + ", " + strings("address :all", name, h.test()) + ")";
        }
        if (c instanceof Condition.CustomHeader h) {
            return strings("header", q(h.name().substring(0, h.name().length() - 1)), h.test());
        }
        if (c instanceof Condition.Priority p) {
            int n = p.level().ordinal() + 1;
            return "header :matches \"x-priority\" \"" + n + "*\"";
        }
        if (c instanceof Condition.IsSpam) {
            return "header :is \"x-spam-flag\" \"YES\"";
        }
        if (c instanceof Condition.Size s) {
            return "size " + (s.comparison() == Condition.Comparison.MORE_THAN ? ":over " : ":under ") + s.bytes();
        }
        if (c instanceof Condition.Body b) {
            return has("body", "condition body") ? strings("body :text", null, b.test()) : "false";
        }
        if (c instanceof Condition.HasAttachment) {
            // A part with a file name, or one its sender calls an attachment, as the dry run counts them.
            return has("mime", "condition hasAttachment")
                    ? "anyof(header :mime :anychild :matches \"content-disposition\" \"attachment*\", "
                    + "header :mime :anychild :param \"filename\" :matches \"content-disposition\" \"*\", "
                    + "header :mime :anychild :param \"name\" :matches \"content-type\" \"*\")" : "false";
        }
        if (c instanceof Condition.AttachmentName a) {
            if (!has("mime", "condition attachmentName")) {
                return "false";
            }
            String byDisposition = strings("header :mime :anychild :param \"filename\"", q("content-disposition"), a.test());
            String byType = strings("header :mime :anychild :param \"name\"", q("content-type"), a.test());
            return byDisposition.equals("false") ? "false" : "anyof(" + byDisposition + ", " + byType + ")";
        }
        if (c instanceof Condition.SmtpSender s) {
            return has("envelope", "condition smtpSender") ? strings("envelope :all", q("from"), s.test()) : "false";
        }
        if (c instanceof Condition.SmtpRecipient s) {
            return has("envelope", "condition smtpRecipient") ? strings("envelope :all", q("to"), s.test()) : "false";
        }
        if (c instanceof Condition.LocalTimeIs t) {
            if (!has("date", "condition localTime") || !has("relational", "condition localTime")) {
                return "false";
            }
            List<String> parts = new ArrayList<>();
            if (t.days().size() < 7) {
                parts.add("currentdate :is \"weekday\" [" + t.days().stream().sorted().map(d -> q(String.valueOf(
                        d == DayOfWeek.SUNDAY ? 0 : d.getValue()))).collect(Collectors.joining(", ")) + "]");
            }
            String from = "currentdate :value \"ge\" \"time\" " + q(t.from().toString().length() == 5
                    ? t.from() + ":00" : t.from().toString().substring(0, 8));
            String to = "currentdate :value \"le\" \"time\" " + q(t.to().toString().length() == 5
                    ? t.to() + ":00" : t.to().toString().substring(0, 8));
            parts.add(t.from().isAfter(t.to()) ? "anyof(" + from + ", " + to + ")" : "allof(" + from + ", " + to + ")");
            return parts.size() == 1 ? parts.get(0) : "allof(" + String.join(", ", parts) + ")";
        }
        if (c instanceof Condition.AllMessages) {
            return "true";
        }
        if (c instanceof Condition.Not n) {
            return "not " + test(n.condition());
        }
        if (c instanceof Condition.AllOf a) {
            return "allof(" + a.conditions().stream().map(this::test).collect(Collectors.joining(", ")) + ")";
        }
        if (c instanceof Condition.AnyOf a) {
            return "anyof(" + a.conditions().stream().map(this::test).collect(Collectors.joining(", ")) + ")";
        }
        // What only IceWarp's delivery knows (IP, DNSBL, AUTH...) or Sieve cannot look at here.
        unsupported("condition " + kind(c) + " cannot be written in Sieve; the rule tests 'false' in its place");
        return "false";
    }

    private String strings(String command, String name, StringTest t) {
        List<String> values = new ArrayList<>(t.values());
        if (t.function() == StringTest.Function.IN_LIST) {
            // The values of the named lists, as the dry run compares them.
            values = t.values().stream().flatMap(l -> set.lists().getOrDefault(l, List.of()).stream()).distinct().toList();
            if (values.isEmpty()) {
                unsupported("the lists " + t.values() + " are empty or missing; the test is 'false'");
                return "false";
            }
            values = new ArrayList<>(values);
        }
        String match;
        switch (t.function()) {
            case CONTAINS, IN_LIST -> match = ":contains";
            case EQUALS -> match = ":is";
            case STARTS_WITH -> {
                match = ":matches";
                values.replaceAll(v -> wildcardEscape(v) + "*");
            }
            case ENDS_WITH -> {
                match = ":matches";
                values.replaceAll(v -> "*" + wildcardEscape(v));
            }
            default -> {
                if (!has("regex", "a regular expression test")) {
                    return "false";
                }
                match = ":regex";
                for (int i = 0; i < values.size(); i++) {
                    PosixRegex.Result ere = PosixRegex.translate(values.get(i));
                    if (!ere.ok()) {
                        unsupported("the regular expression '" + values.get(i) + "' cannot be written for Sieve ("
                                + ere.refused() + "); the test is 'false'");
                        return "false";
                    }
                    values.set(i, ere.ere());
                }
            }
        }
        if (t.function() == StringTest.Function.IN_LIST) {
            unsupported("a list test is written with the list's values of the time of the push");
        }
        if (t.wholeWord()) {
            unsupported("'whole word' is not in Sieve; the test matches parts of words too");
        }
        String comparator = t.caseSensitive() ? " :comparator \"i;octet\"" : "";
        return command + " " + match + comparator + (name == null ? "" : " " + name) + " "
                + list(values.stream().map(SieveExport::q).toList());
    }

    // ---- actions

    private String action(Action a) {
        if (a instanceof Action.MoveTo m) {
            return has("fileinto", "action moveTo") ? "fileinto " + q(m.folder()) + ";" : null;
        }
        if (a instanceof Action.CopyTo m) {
            return has("fileinto", "action copyTo") && has("copy", "action copyTo")
                    ? "fileinto :copy " + q(m.folder()) + ";" : null;
        }
        if (a instanceof Action.SetFlags f) {
            return has("imap4flags", "action setFlags")
                    ? "addflag " + list(f.flags().stream().map(SieveExport::q).toList()) + ";" : null;
        }
        if (a instanceof Action.Forward f) {
            if (f.to().startsWith("sms:") || f.to().startsWith("xmpp:")) {
                unsupported("forward to " + f.to() + " (only e-mail addresses in Sieve)");
                return null;
            }
            return "redirect " + q(f.to()) + ";";
        }
        if (a instanceof Action.EditHeader h) {
            if (!has("editheader", "action editHeader")) {
                return null;
            }
            String name = q(h.name().substring(0, h.name().length() - 1));
            if (h.value() != null && h.value().contains("%%")) {
                unsupported("%%Variables%% in header " + h.name() + " are written as they are");
            }
            return switch (h.op()) {
                case ADD -> "addheader " + name + " " + q(h.value()) + ";";
                case DELETE -> "deleteheader " + name + ";";
                case CHANGE -> "deleteheader " + name + "; addheader " + name + " " + q(h.value()) + ";";
            };
        }
        if (a instanceof Action.SetPriority p) {
            if (!has("editheader", "action setPriority")) {
                return null;
            }
            return "deleteheader \"X-Priority\"; addheader \"X-Priority\" \"" + (p.level().ordinal() + 1) + "\";";
        }
        if (a instanceof Action.Accept) {
            return "keep;";
        }
        if (a instanceof Action.Reject r) {
            return has("reject", "action reject") ? "reject " + q(r.reason() == null ? "Message rejected" : r.reason())
                    + ";" : null;
        }
        if (a instanceof Action.Delete) {
            return "discard;";
        }
        if (a instanceof Action.Stop) {
            return "stop;";
        }
        unsupported("action " + kind(a) + " cannot be written in Sieve; left out");
        return null;
    }

    private void forwarding(Forwarding f) {
        if (!f.active()) {
            return;
        }
        if (f.keepCopy() && !has("copy", "forwarding with a kept copy")) {
            return;
        }
        out.append("\n# forwarding\n");
        String body = f.to().stream().map(t -> "  redirect " + (f.keepCopy() ? ":copy " : "") + q(t) + ";\n")
                .collect(Collectors.joining());
        out.append(f.skipSpam() ? "if not header :is \"x-spam-flag\" \"YES\" {\n" + body + "}\n" : "if true {\n" + body + "}\n");
    }

    private void responder(AutoResponder r) {
        if (r.mode() == AutoResponder.Mode.OFF) {
            return;
        }
        if (!has("vacation", "the auto-responder")) {
            return;
        }
        out.append("\n# auto-responder\n");
        List<String> tests = new ArrayList<>();
        if ((r.from() != null || r.until() != null) && has("date", "the responder's dates")
                && has("relational", "the responder's dates")) {
            if (r.from() != null) {
                tests.add("currentdate :value \"ge\" \"date\" " + q(r.from().toString()));
            }
            if (r.until() != null) {
                tests.add("currentdate :value \"le\" \"date\" " + q(r.until().toString()));
            }
        }
        if (!r.noReplyTo().isEmpty()) {
            tests.add("not address :all :matches \"from\" " + list(r.noReplyTo().stream().map(SieveExport::q).toList()));
        }
        int days = switch (r.mode()) {
            case ALWAYS -> {
                unsupported("'always' answers at most once a day per sender in Sieve");
                yield 1;
            }
            case ONCE_PER_SENDER -> {
                unsupported("'once per sender' is written as once a year per sender");
                yield 365;
            }
            default -> r.againAfterDays();
        };
        if (!r.onlyIfToMe()) {
            unsupported("Sieve vacation answers only messages addressed to the account");
        }
        String subject = r.subject();
        StringBuilder v = new StringBuilder();
        if (subject.contains("%%Subject%%") && has("variables", "%%Subject%% in the responder's subject")) {
            v.append("  if header :matches \"subject\" \"*\" { set \"subject\" \"${1}\"; }\n");
            subject = subject.replace("%%Subject%%", "${subject}");
        }
        String text = r.text();
        if ((subject + text).replaceAll("%%Subject%%", "").contains("%%")) {
            unsupported("%%Variables%% other than %%Subject%% are written as they are");
        }
        v.append("  vacation :days ").append(days).append(" :subject ").append(q(subject));
        if (r.sender() != null) {
            v.append(" :from ").append(q(r.sender()));
        }
        v.append(' ').append(q(text)).append(";\n");
        out.append("if ").append(tests.isEmpty() ? "true" : tests.size() == 1 ? tests.get(0)
                : "allof(" + String.join(", ", tests) + ")").append(" {\n").append(v).append("}\n");
    }

    // ---- quoting

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<String> quoted) {
        return quoted.size() == 1 ? quoted.get(0) : "[" + String.join(", ", quoted) + "]";
    }

    private static String wildcardEscape(String v) {
        return v.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private static String kind(Object o) {
        String n = o.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
