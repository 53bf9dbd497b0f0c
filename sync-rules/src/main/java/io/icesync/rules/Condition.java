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
        /** The From header. */
        FROM("From"),
        /** The To header. */
        TO("To"),
        /** The Subject header. */
        SUBJECT("Subject"),
        /** The Cc header. */
        CC("Cc"),
        /** The Reply-To header. */
        REPLY_TO("Reply-To"),
        /** The Date header. */
        DATE("Date");

        private final String header;

        Field(String header) {
            this.header = header;
        }

        /** {@return the header's name as messages spell it} */
        public String header() {
            return header;
        }

        /** {@return whether the header holds addresses: a test then matches the header or any address in it} */
        public boolean holdsAddresses() {
            return this != SUBJECT && this != DATE;
        }
    }

    /** Message priority, from X-Priority 1 (highest) to 5 (lowest). */
    enum Level {
        /** X-Priority 1. */
        HIGHEST,
        /** X-Priority 2. */
        HIGH,
        /** X-Priority 3, or no priority header. */
        NORMAL,
        /** X-Priority 4. */
        LOW,
        /** X-Priority 5. */
        LOWEST
    }

    /** How a size or score compares with the amount. */
    enum Comparison {
        /** Strictly below the amount. */
        LESS_THAN,
        /** Strictly above the amount. */
        MORE_THAN
    }

    /** The unit of a size. */
    enum Unit {
        /** Bytes. */
        B,
        /** 1024 bytes. */
        KB,
        /** 1024 KB. */
        MB,
        /** 1024 MB. */
        GB
    }

    /** Where a sender or recipient address belongs. */
    enum Locality {
        /** An account of this server. */
        LOCAL,
        /** An address of another server. */
        REMOTE,
        /** A member of the group named beside it. */
        MEMBER_OF
    }

    /** A message header among those the dialog names. */
    record Header(Field field, StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param field which header
         * @param test how the text is compared
         * @throws InvalidRuleException when either is null
         */
        public Header {
            require(field, "field");
            require(test, "test");
        }
    }

    /** A header of the user's choice, named with its colon ({@code X-Mailer:}), as the guide's {@code header:cond}. */
    record CustomHeader(String name, StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param name the header name with its colon, no space
         * @param test how the text is compared
         * @throws InvalidRuleException when the name is malformed or the test is null
         */
        public CustomHeader {
            if (name == null || !name.endsWith(":") || name.length() < 2 || name.contains(" ")) {
                throw new InvalidRuleException("name", "a header name ends with ':' and has no space, got '" + name + "'");
            }
            require(test, "test");
        }
    }

    /** Any header of the message. */
    record AnyHeader(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public AnyHeader {
            require(test, "test");
        }
    }

    /** The message's priority (X-Priority). */
    record Priority(Level level) implements Condition {
        /**
         * Checks the parts.
         *
         * @param level the priority it has
         * @throws InvalidRuleException when the level is null
         */
        public Priority {
            require(level, "level");
        }
    }

    /** The message was classed as spam. */
    record IsSpam() implements Condition {
    }

    /** The message's size against an amount. */
    record Size(Comparison comparison, long amount, Unit unit) implements Condition {
        /**
         * Checks the parts.
         *
         * @param comparison less or more than the amount
         * @param amount     the amount in {@code unit}, not negative
         * @param unit       B, KB, MB or GB
         * @throws InvalidRuleException when a part is missing or the amount negative
         */
        public Size {
            require(comparison, "comparison");
            if (unit == null) {
                throw new InvalidRuleException("unit", "a size needs its unit (B, KB, MB or GB)");
            }
            if (amount < 0) {
                throw new InvalidRuleException("amount", "a size cannot be negative, got " + amount);
            }
        }

        /** {@return the amount in bytes} */
        public long bytes() {
            return amount * switch (unit) {
                case B -> 1L;
                case KB -> 1024L;
                case MB -> 1024L * 1024;
                case GB -> 1024L * 1024 * 1024;
            };
        }
    }

    /** The text of the message body. */
    record Body(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public Body {
            require(test, "test");
        }
    }

    /** The file name of any attachment. */
    record AttachmentName(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public AttachmentName {
            require(test, "test");
        }
    }

    /** The message has at least one attachment. */
    record HasAttachment() implements Condition {
    }

    /** The envelope sender (SMTP MAIL FROM). */
    record SmtpSender(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public SmtpSender {
            require(test, "test");
        }
    }

    /** Any envelope recipient (SMTP RCPT TO). */
    record SmtpRecipient(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public SmtpRecipient {
            require(test, "test");
        }
    }

    /** The sender is a local account, a remote address, or a member of a group. */
    record Sender(Locality is, String group) implements Condition {
        /**
         * Checks the parts.
         *
         * @param is    local, remote, or member of a group
         * @param group the group's address for {@link Locality#MEMBER_OF}, else unused
         * @throws InvalidRuleException when {@code is} is null, or a group is needed and missing
         */
        public Sender {
            require(is, "is");
            if (is == Locality.MEMBER_OF && (group == null || group.isBlank())) {
                throw new InvalidRuleException("group", "memberOf needs the group's address");
            }
        }
    }

    /** A recipient is a local account, a remote address, or a member of a group. */
    record Recipient(Locality is, String group) implements Condition {
        /**
         * Checks the parts.
         *
         * @param is    local, remote, or member of a group
         * @param group the group's address for {@link Locality#MEMBER_OF}, else unused
         * @throws InvalidRuleException when {@code is} is null, or a group is needed and missing
         */
        public Recipient {
            require(is, "is");
            if (is == Locality.MEMBER_OF && (group == null || group.isBlank())) {
                throw new InvalidRuleException("group", "memberOf needs the group's address");
            }
        }
    }

    /** The IP address the message came from. */
    record SenderIp(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public SenderIp {
            require(test, "test");
        }
    }

    /** The PTR name of the sender's IP. */
    record ReverseDns(StringTest test) implements Condition {
        /**
         * Checks the parts.
         *
         * @param test how the text is compared
         * @throws InvalidRuleException when the test is null
         */
        public ReverseDns {
            require(test, "test");
        }
    }

    /** The sender's IP is listed on a DNS block list the server uses. */
    record InDnsbl() implements Condition {
    }

    /** The SMTP session is trusted (an authenticated or allowed host). */
    record TrustedSession() implements Condition {
    }

    /** The spam score against a threshold. */
    record SpamScore(Comparison comparison, double score) implements Condition {
        /**
         * Checks the parts.
         *
         * @param comparison less or more than the score
         * @param score      the threshold
         * @throws InvalidRuleException when the comparison is null
         */
        public SpamScore {
            require(comparison, "comparison");
        }
    }

    /** The sender authenticated with SMTP AUTH. */
    record SmtpAuth() implements Condition {
    }

    /** Delivery on one of these days, between two times of day (server's local time). */
    record LocalTimeIs(Set<DayOfWeek> days, LocalTime from, LocalTime to) implements Condition {
        /**
         * Fills the defaults.
         *
         * @param days days of the week; null or empty for every day
         * @param from the earliest time of day; null for midnight
         * @param to   the latest time of day; null for the end of the day
         */
        public LocalTimeIs {
            days = days == null || days.isEmpty() ? Set.of(DayOfWeek.values()) : Set.copyOf(days);
            from = from == null ? LocalTime.MIN : from;
            to = to == null ? LocalTime.MAX : to;
        }
    }

    /** Every message. */
    record AllMessages() implements Condition {
    }

    /** The opposite of a condition. */
    record Not(Condition condition) implements Condition {
        /**
         * Checks the parts.
         *
         * @param condition the condition negated
         * @throws InvalidRuleException when it is null
         */
        public Not {
            require(condition, "condition");
        }
    }

    /** All of the conditions hold. */
    record AllOf(List<Condition> conditions) implements Condition {
        /**
         * Checks the parts.
         *
         * @param conditions at least one
         * @throws InvalidRuleException when there is none
         */
        public AllOf {
            conditions = nonEmpty(conditions, "allOf");
        }
    }

    /** At least one of the conditions holds. */
    record AnyOf(List<Condition> conditions) implements Condition {
        /**
         * Checks the parts.
         *
         * @param conditions at least one
         * @throws InvalidRuleException when there is none
         */
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
