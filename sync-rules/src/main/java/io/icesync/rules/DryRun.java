package io.icesync.rules;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Evaluates a rule set on a message as the server would at delivery (F9): which enabled rules
 * match, in order, the actions that follow (texts with their %%Variables%% filled in), where
 * "stop" ended processing, forwarding, and whether the auto-responder would answer.
 */
public final class DryRun {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    /** A rule that matched: its position, name and actions (variables filled in). */
    public record Match(int index, String rule, List<Action> actions) {
    }

    /** An auto-responder answer that would be sent. */
    public record Reply(String to, String from, String subject, String text) {
    }

    /** What would happen to the message. */
    public record Result(List<Match> matched, List<Action> actions, String stoppedBy, List<String> forwardedTo,
                         boolean keptAfterForward, Reply reply, String noReplyBecause) {
    }

    private DryRun() {
    }

    /**
     * Runs the rule set on a message as the server would on delivery, changing nothing.
     *
     * @param set     the rules, forwarding and auto-responder
     * @param message the message as RFC 5322 bytes
     * @param ctx     what the server knows of the delivery
     * @return which rules matched, what they did, and whether the auto-responder would reply
     * @throws InvalidRuleException when the message cannot be read
     */
    public static Result run(RuleSet set, byte[] message, DeliveryContext ctx) {
        MimeMessage m;
        try {
            m = new MimeMessage(Parsing.SESSION, new ByteArrayInputStream(message));
        } catch (MessagingException e) {
            throw new InvalidRuleException("message", "not a MIME message: " + e.getMessage());
        }
        Facts facts = new Facts(m, message.length, ctx, set);
        List<Match> matched = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        String stoppedBy = null;
        for (int i = 0; i < set.rules().size(); i++) {
            Rule r = set.rules().get(i);
            if (!r.enabled() || !facts.test(r.when())) {
                continue;
            }
            List<Action> done = r.then().stream().map(a -> fill(a, m, message.length, ctx)).toList();
            matched.add(new Match(i, r.name(), done));
            actions.addAll(done);
            if (done.stream().anyMatch(a -> a instanceof Action.Stop)) {
                stoppedBy = r.name();
                break;
            }
        }
        Forwarding fw = set.forwarding();
        List<String> forwarded = fw.active() && !(fw.skipSpam() && facts.spam()) ? fw.to() : List.of();
        String[] why = new String[1];
        Reply reply = reply(set.responder(), facts, m, message.length, ctx, why);
        return new Result(matched, actions, stoppedBy, forwarded, forwarded.isEmpty() || fw.keepCopy(), reply, why[0]);
    }

    private static Action fill(Action a, MimeMessage m, int size, DeliveryContext ctx) {
        if (a instanceof Action.SendMessage s) {
            return new Action.SendMessage(s.to(), Variables.apply(s.subject(), m, size, ctx),
                    Variables.apply(s.text(), m, size, ctx));
        }
        if (a instanceof Action.EditHeader h && h.value() != null) {
            return new Action.EditHeader(h.op(), h.name(), Variables.apply(h.value(), m, size, ctx));
        }
        return a;
    }

    private static Reply reply(AutoResponder r, Facts f, MimeMessage m, int size, DeliveryContext ctx, String[] why) {
        if (r.mode() == AutoResponder.Mode.OFF) {
            why[0] = "the auto-responder is off";
            return null;
        }
        LocalDate today = ctx.localTime().toLocalDate();
        if (r.from() != null && today.isBefore(r.from()) || r.until() != null && today.isAfter(r.until())) {
            why[0] = "outside the responder's dates";
            return null;
        }
        String sender = f.sender();
        if (sender == null || sender.isEmpty() || sender.toLowerCase(Locale.ROOT).startsWith("mailer-daemon")) {
            why[0] = "no sender to answer";
            return null;
        }
        // RFC 3834: never answer automatic messages or lists.
        String auto = Variables.header(m, "Auto-Submitted").toLowerCase(Locale.ROOT);
        String precedence = Variables.header(m, "Precedence").toLowerCase(Locale.ROOT);
        if (!auto.isEmpty() && !auto.equals("no") || List.of("bulk", "junk", "list").contains(precedence)
                || !Variables.header(m, "List-Id").isEmpty()) {
            why[0] = "an automatic or list message";
            return null;
        }
        for (String pattern : r.noReplyTo()) {
            if (glob(pattern, sender)) {
                why[0] = sender + " is on the no-reply list";
                return null;
            }
        }
        if (r.onlyIfToMe() && (ctx.account() == null || !f.headerRecipients().contains(ctx.account().toLowerCase(Locale.ROOT)))) {
            why[0] = "the message is not addressed to " + ctx.account();
            return null;
        }
        LocalDate last = ctx.repliedTo().get(sender);
        if (r.mode() == AutoResponder.Mode.ONCE_PER_SENDER && last != null) {
            why[0] = sender + " was answered on " + last;
            return null;
        }
        if (r.mode() == AutoResponder.Mode.AGAIN_AFTER_DAYS && last != null
                && ChronoUnit.DAYS.between(last, today) < r.againAfterDays()) {
            why[0] = sender + " was answered on " + last + ", less than " + r.againAfterDays() + " days ago";
            return null;
        }
        String from = r.sender() != null ? Variables.apply(r.sender(), m, size, ctx) : ctx.account();
        return new Reply(sender, from, Variables.apply(r.subject(), m, size, ctx), Variables.apply(r.text(), m, size, ctx));
    }

    private static boolean glob(String pattern, String s) {
        String re = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
        return s.toLowerCase(Locale.ROOT).matches(re);
    }

    /** The message's facts, computed once, and the condition tests on them. */
    private static final class Facts {
        final MimeMessage m;
        final int size;
        final DeliveryContext ctx;
        final RuleSet set;
        private String body;
        private List<String> attachments;

        Facts(MimeMessage m, int size, DeliveryContext ctx, RuleSet set) {
            this.m = m;
            this.size = size;
            this.ctx = ctx;
            this.set = set;
        }

        boolean test(Condition c) {
            if (c instanceof Condition.Header h) {
                String name = h.field().header();
                return str(h.test(), Variables.header(m, name))
                        || (h.field().holdsAddresses() && rawAddresses(name).stream().anyMatch(a -> str(h.test(), a)));
            }
            if (c instanceof Condition.CustomHeader h) {
                return str(h.test(), Variables.header(m, h.name().substring(0, h.name().length() - 1)));
            }
            if (c instanceof Condition.AnyHeader h) {
                return allHeaders().stream().anyMatch(v -> str(h.test(), v));
            }
            if (c instanceof Condition.Priority p) {
                return priority() == p.level();
            }
            if (c instanceof Condition.IsSpam s) {
                return spam();
            }
            if (c instanceof Condition.Size s) {
                return s.comparison() == Condition.Comparison.LESS_THAN ? size < s.bytes() : size > s.bytes();
            }
            if (c instanceof Condition.Body b) {
                return str(b.test(), body());
            }
            if (c instanceof Condition.AttachmentName a) {
                return attachments().stream().anyMatch(n -> str(a.test(), n));
            }
            if (c instanceof Condition.HasAttachment a) {
                return !attachments().isEmpty();
            }
            if (c instanceof Condition.SmtpSender s) {
                return str(s.test(), sender());
            }
            if (c instanceof Condition.SmtpRecipient s) {
                return recipients().stream().anyMatch(r -> str(s.test(), r));
            }
            if (c instanceof Condition.Sender s) {
                return locality(s.is(), s.group(), List.of(sender() == null ? "" : sender()));
            }
            if (c instanceof Condition.Recipient r) {
                return locality(r.is(), r.group(), recipients());
            }
            if (c instanceof Condition.SenderIp s) {
                return str(s.test(), ctx.senderIp());
            }
            if (c instanceof Condition.ReverseDns s) {
                return str(s.test(), ctx.reverseDns());
            }
            if (c instanceof Condition.InDnsbl d) {
                return ctx.inDnsbl();
            }
            if (c instanceof Condition.TrustedSession t) {
                return ctx.trustedSession();
            }
            if (c instanceof Condition.SpamScore s) {
                return ctx.spamScore() != null && (s.comparison() == Condition.Comparison.LESS_THAN ? ctx.spamScore() < s.score() : ctx.spamScore() > s.score());
            }
            if (c instanceof Condition.SmtpAuth a) {
                return ctx.smtpAuth();
            }
            if (c instanceof Condition.LocalTimeIs t) {
                return localTime(t);
            }
            if (c instanceof Condition.AllMessages a) {
                return true;
            }
            if (c instanceof Condition.Not n) {
                return !test(n.condition());
            }
            if (c instanceof Condition.AllOf a) {
                return a.conditions().stream().allMatch(this::test);
            }
            if (c instanceof Condition.AnyOf a) {
                return a.conditions().stream().anyMatch(this::test);
            }
            throw new IllegalStateException("unknown condition " + c);
        }

        private boolean str(StringTest t, String value) {
            return t.matches(value, set.lists());
        }

        boolean spam() {
            return ctx.spam() || Variables.header(m, "X-Spam-Flag").equalsIgnoreCase("YES");
        }

        Condition.Level priority() {
            String x = Variables.header(m, "X-Priority");
            if (!x.isEmpty() && Character.isDigit(x.charAt(0))) {
                int p = x.charAt(0) - '0';
                return p <= 1 ? Condition.Level.HIGHEST : p == 2 ? Condition.Level.HIGH : p == 3 ? Condition.Level.NORMAL
                        : p == 4 ? Condition.Level.LOW : Condition.Level.LOWEST;
            }
            String imp = Variables.header(m, "Importance").toLowerCase(Locale.ROOT);
            return imp.equals("high") ? Condition.Level.HIGH : imp.equals("low") ? Condition.Level.LOW : Condition.Level.NORMAL;
        }

        String sender() {
            if (ctx.smtpSender() != null) {
                return ctx.smtpSender().toLowerCase(Locale.ROOT);
            }
            List<String> from = addresses("From");
            return from.isEmpty() ? null : from.get(0);
        }

        List<String> recipients() {
            if (!ctx.smtpRecipients().isEmpty()) {
                return ctx.smtpRecipients().stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
            }
            return headerRecipients();
        }

        List<String> headerRecipients() {
            List<String> out = new ArrayList<>(addresses("To"));
            out.addAll(addresses("Cc"));
            return out;
        }

        /** The addresses of a header as written (a test's case rule applies to them), each header of that name. */
        private List<String> rawAddresses(String header) {
            try {
                List<String> out = new ArrayList<>();
                String[] all = m.getHeader(header);
                for (String v : all == null ? new String[0] : all) {
                    for (InternetAddress a : InternetAddress.parseHeader(MimeUtility.unfold(v), false)) {
                        if (a.getAddress() != null) {
                            out.add(a.getAddress());
                        }
                    }
                }
                return out;
            } catch (MessagingException e) {
                return List.of();
            }
        }

        private List<String> addresses(String header) {
            try {
                List<String> out = new ArrayList<>();
                for (InternetAddress a : InternetAddress.parseHeader(Variables.header(m, header), false)) {
                    if (a.getAddress() != null) {
                        out.add(a.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
                return out;
            } catch (jakarta.mail.internet.AddressException e) {
                return List.of();
            }
        }

        private boolean locality(Condition.Locality is, String group, List<String> who) {
            return who.stream().anyMatch(a -> switch (is) {
                case LOCAL -> ctx.localAccounts().stream().anyMatch(a::equalsIgnoreCase);
                case REMOTE -> !a.isEmpty() && ctx.localAccounts().stream().noneMatch(a::equalsIgnoreCase);
                case MEMBER_OF -> ctx.groups().getOrDefault(group.toLowerCase(Locale.ROOT), java.util.Set.of()).stream()
                        .anyMatch(a::equalsIgnoreCase);
            });
        }

        private boolean localTime(Condition.LocalTimeIs t) {
            if (!t.days().contains(ctx.localTime().getDayOfWeek())) {
                return false;
            }
            LocalTime now = ctx.localTime().toLocalTime();
            return t.from().isAfter(t.to()) ? !now.isBefore(t.from()) || !now.isAfter(t.to())
                    : !now.isBefore(t.from()) && !now.isAfter(t.to());
        }

        private List<String> allHeaders() {
            List<String> out = new ArrayList<>();
            try {
                Enumeration<String> lines = m.getAllHeaderLines();
                while (lines.hasMoreElements()) {
                    out.add(jakarta.mail.internet.MimeUtility.unfold(lines.nextElement()));
                }
            } catch (MessagingException e) {
                // no headers readable: none match
            }
            return out;
        }

        String body() {
            if (body == null) {
                StringBuilder b = new StringBuilder();
                List<String> names = new ArrayList<>();
                walk(m, b, names);
                body = b.toString();
                attachments = names;
            }
            return body;
        }

        List<String> attachments() {
            body();
            return attachments;
        }

        private static void walk(Part p, StringBuilder text, List<String> names) {
            try {
                String name = p.getFileName();
                if (name != null || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                    names.add(name == null ? "" : jakarta.mail.internet.MimeUtility.decodeText(name));
                    return;
                }
                if (p.isMimeType("multipart/*")) {
                    Multipart mp = (Multipart) p.getContent();
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart bp = mp.getBodyPart(i);
                        walk(bp, text, names);
                    }
                } else if (p.isMimeType("text/*")) {
                    Object c = p.getContent();
                    text.append(c instanceof String s ? s : "").append('\n');
                }
            } catch (MessagingException | IOException e) {
                // an unreadable part adds nothing
            }
        }
    }
}
