package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * What a rule tests (F9.2, the guide's annex A), combined with {@link Not}, {@link AllOf} (AND) and
 * {@link AnyOf} (OR) as the dialog's NOT and brackets do. In JSON each condition is an object whose
 * {@code "if"} names its kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "if")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Condition.Header.class, name = "header"),
    @JsonSubTypes.Type(value = Condition.CustomHeader.class, name = "customHeader"),
    @JsonSubTypes.Type(value = Condition.AnyHeader.class, name = "anyHeader"),
    @JsonSubTypes.Type(value = Condition.Priority.class, name = "priority"),
    @JsonSubTypes.Type(value = Condition.IsSpam.class, name = "isSpam"),
    @JsonSubTypes.Type(value = Condition.Size.class, name = "size"),
    @JsonSubTypes.Type(value = Condition.Body.class, name = "body"),
    @JsonSubTypes.Type(value = Condition.AttachmentName.class, name = "attachmentName"),
    @JsonSubTypes.Type(value = Condition.HasAttachment.class, name = "hasAttachment"),
    @JsonSubTypes.Type(value = Condition.SmtpSender.class, name = "smtpSender"),
    @JsonSubTypes.Type(value = Condition.SmtpRecipient.class, name = "smtpRecipient"),
    @JsonSubTypes.Type(value = Condition.Sender.class, name = "sender"),
    @JsonSubTypes.Type(value = Condition.Recipient.class, name = "recipient"),
    @JsonSubTypes.Type(value = Condition.SenderIp.class, name = "senderIp"),
    @JsonSubTypes.Type(value = Condition.ReverseDns.class, name = "reverseDns"),
    @JsonSubTypes.Type(value = Condition.InDnsbl.class, name = "inDnsbl"),
    @JsonSubTypes.Type(value = Condition.TrustedSession.class, name = "trustedSession"),
    @JsonSubTypes.Type(value = Condition.SpamScore.class, name = "spamScore"),
    @JsonSubTypes.Type(value = Condition.SmtpAuth.class, name = "smtpAuth"),
    @JsonSubTypes.Type(value = Condition.LocalTimeIs.class, name = "localTime"),
    @JsonSubTypes.Type(value = Condition.AllMessages.class, name = "all"),
    @JsonSubTypes.Type(value = Condition.Not.class, name = "not"),
    @JsonSubTypes.Type(value = Condition.AllOf.class, name = "allOf"),
    @JsonSubTypes.Type(value = Condition.AnyOf.class, name = "anyOf")
})
public sealed interface Condition {
    /** The headers the dialog names. */
    enum Field {
        FROM("From"), TO("To"), SUBJECT("Subject"), CC("Cc"), REPLY_TO("Reply-To"), DATE("Date");

        private final String header;

        Field(String header) {
            this.header = header;
        }

        /** The header's name as messages spell it. */
        public String header() {
            return header;
        }

        /** Whether the header holds addresses: a test then matches the header or any address in it. */
        public boolean holdsAddresses() {
            return this != SUBJECT && this != DATE;
        }
    }

    /** Message priority, from X-Priority 1 (highest) to 5 (lowest). */
    enum Level { HIGHEST, HIGH, NORMAL, LOW, LOWEST }

    enum Comparison { LESS_THAN, MORE_THAN }

    enum Unit { B, KB, MB, GB }

    /** Where a sender or recipient address belongs. */
    enum Locality { LOCAL, REMOTE, MEMBER_OF }

    record Header(Field field, StringTest test) implements Condition {
        public Header {
            require(field, "field");
            require(test, "test");
        }
    }

    /** A header of the user's choice, named with its colon ({@code X-Mailer:}), as the guide's {@code header:cond}. */
    record CustomHeader(String name, StringTest test) implements Condition {
        public CustomHeader {
            if (name == null || !name.endsWith(":") || name.length() < 2 || name.contains(" ")) {
                throw new InvalidRuleException("name", "a header name ends with ':' and has no space, got '" + name + "'");
            }
            require(test, "test");
        }
    }

    record AnyHeader(StringTest test) implements Condition {
        public AnyHeader {
            require(test, "test");
        }
    }

    record Priority(Level level) implements Condition {
        public Priority {
            require(level, "level");
        }
    }

    record IsSpam() implements Condition {
    }

    record Size(Comparison comparison, long amount, Unit unit) implements Condition {
        public Size {
            require(comparison, "comparison");
            if (unit == null) {
                throw new InvalidRuleException("unit", "a size needs its unit (B, KB, MB or GB)");
            }
            if (amount < 0) {
                throw new InvalidRuleException("amount", "a size cannot be negative, got " + amount);
            }
        }

        public long bytes() {
            return amount * switch (unit) {
                case B -> 1L;
                case KB -> 1024L;
                case MB -> 1024L * 1024;
                case GB -> 1024L * 1024 * 1024;
            };
        }
    }

    record Body(StringTest test) implements Condition {
        public Body {
            require(test, "test");
        }
    }

    record AttachmentName(StringTest test) implements Condition {
        public AttachmentName {
            require(test, "test");
        }
    }

    record HasAttachment() implements Condition {
    }

    /** The envelope sender (SMTP MAIL FROM). */
    record SmtpSender(StringTest test) implements Condition {
        public SmtpSender {
            require(test, "test");
        }
    }

    /** Any envelope recipient (SMTP RCPT TO). */
    record SmtpRecipient(StringTest test) implements Condition {
        public SmtpRecipient {
            require(test, "test");
        }
    }

    /** The sender is a local account, a remote address, or a member of a group. */
    record Sender(Locality is, String group) implements Condition {
        public Sender {
            require(is, "is");
            if (is == Locality.MEMBER_OF && (group == null || group.isBlank())) {
                throw new InvalidRuleException("group", "memberOf needs the group's address");
            }
        }
    }

    record Recipient(Locality is, String group) implements Condition {
        public Recipient {
            require(is, "is");
            if (is == Locality.MEMBER_OF && (group == null || group.isBlank())) {
                throw new InvalidRuleException("group", "memberOf needs the group's address");
            }
        }
    }

    record SenderIp(StringTest test) implements Condition {
        public SenderIp {
            require(test, "test");
        }
    }

    /** The PTR name of the sender's IP. */
    record ReverseDns(StringTest test) implements Condition {
        public ReverseDns {
            require(test, "test");
        }
    }

    record InDnsbl() implements Condition {
    }

    record TrustedSession() implements Condition {
    }

    record SpamScore(Comparison comparison, double score) implements Condition {
        public SpamScore {
            require(comparison, "comparison");
        }
    }

    /** The sender authenticated with SMTP AUTH. */
    record SmtpAuth() implements Condition {
    }

    /** Delivery on one of these days, between two times of day (server's local time). */
    record LocalTimeIs(Set<DayOfWeek> days, LocalTime from, LocalTime to) implements Condition {
        public LocalTimeIs {
            days = days == null || days.isEmpty() ? Set.of(DayOfWeek.values()) : Set.copyOf(days);
            from = from == null ? LocalTime.MIN : from;
            to = to == null ? LocalTime.MAX : to;
        }
    }

    record AllMessages() implements Condition {
    }

    record Not(Condition condition) implements Condition {
        public Not {
            require(condition, "condition");
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = nonEmpty(conditions, "allOf");
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = nonEmpty(conditions, "anyOf");
        }
    }

    private static void require(Object o, String field) {
        if (o == null) {
            throw new InvalidRuleException(field, "'" + field + "' is required");
        }
    }

    private static List<Condition> nonEmpty(List<Condition> l, String what) {
        if (l == null || l.isEmpty() || l.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRuleException("conditions", what + " needs at least one condition");
        }
        return List.copyOf(l);
    }
}
