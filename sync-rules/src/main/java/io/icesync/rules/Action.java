package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;

/**
 * What a rule does (F9.4, the guide's annex B). In JSON each action is an object whose
 * {@code "do"} names its kind. Texts may hold %%Variables%% ({@link Variables}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "do")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.SendMessage.class, name = "sendMessage"),
    @JsonSubTypes.Type(value = Action.Forward.class, name = "forward"),
    @JsonSubTypes.Type(value = Action.MoveTo.class, name = "moveTo"),
    @JsonSubTypes.Type(value = Action.CopyTo.class, name = "copyTo"),
    @JsonSubTypes.Type(value = Action.Encrypt.class, name = "encrypt"),
    @JsonSubTypes.Type(value = Action.SetPriority.class, name = "setPriority"),
    @JsonSubTypes.Type(value = Action.SetFlags.class, name = "setFlags"),
    @JsonSubTypes.Type(value = Action.EditHeader.class, name = "editHeader"),
    @JsonSubTypes.Type(value = Action.Accept.class, name = "accept"),
    @JsonSubTypes.Type(value = Action.Reject.class, name = "reject"),
    @JsonSubTypes.Type(value = Action.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = Action.MarkSpam.class, name = "markSpam"),
    @JsonSubTypes.Type(value = Action.Quarantine.class, name = "quarantine"),
    @JsonSubTypes.Type(value = Action.Stop.class, name = "stop")
})
public sealed interface Action {
    /** How {@link EditHeader} changes a header. */
    enum HeaderOp {
        /** Adds the header, keeping any of the same name. */
        ADD,
        /** Replaces the value of the header. */
        CHANGE,
        /** Removes the header. */
        DELETE
    }

    /** Sends a new message (a notification) to an address. */
    record SendMessage(String to, String subject, String text) implements Action {
        /**
         * Checks the address and fills the defaults.
         *
         * @param to      the recipient's e-mail address
         * @param subject the subject; null for none
         * @param text    the body; null for none
         * @throws InvalidRuleException when {@code to} is not an e-mail address
         */
        public SendMessage {
            address(to, "to", false);
            subject = subject == null ? "" : subject;
            text = text == null ? "" : text;
        }
    }

    /** Forwards the message: an e-mail address, {@code sms:NUMBER} or {@code xmpp:JID}. */
    record Forward(String to) implements Action {
        /**
         * Checks the target.
         *
         * @param to an e-mail address, {@code sms:NUMBER} or {@code xmpp:JID}
         * @throws InvalidRuleException when {@code to} is none of these
         */
        public Forward {
            address(to, "to", true);
        }
    }

    /** Moves the message into a folder of the account. */
    record MoveTo(String folder) implements Action {
        /**
         * Checks the folder.
         *
         * @param folder the folder's path, {@code /}-separated
         * @throws InvalidRuleException when the folder is empty or malformed
         */
        public MoveTo {
            checkFolder(folder);
        }
    }

    /** Puts a copy of the message into a folder of the account. */
    record CopyTo(String folder) implements Action {
        /**
         * Checks the folder.
         *
         * @param folder the folder's path, {@code /}-separated
         * @throws InvalidRuleException when the folder is empty or malformed
         */
        public CopyTo {
            checkFolder(folder);
        }
    }

    /** Encrypts the message with the recipient's certificate (S/MIME) before delivery. */
    record Encrypt() implements Action {
    }

    /** Sets the message's priority (X-Priority). */
    record SetPriority(Condition.Level level) implements Action {
        /**
         * Checks the level.
         *
         * @param level the priority to set
         * @throws InvalidRuleException when the level is null
         */
        public SetPriority {
            if (level == null) {
                throw new InvalidRuleException("level", "setPriority needs a level");
            }
        }
    }

    /** Sets IMAP flags and keywords ({@code \Seen}, {@code \Flagged}, {@code $label1}...). */
    record SetFlags(List<String> flags) implements Action {
        /**
         * Checks and copies the flags.
         *
         * @param flags IMAP flags or keywords, at least one
         * @throws InvalidRuleException when there is none or one is not a flag or keyword
         */
        public SetFlags {
            if (flags == null || flags.isEmpty()) {
                throw new InvalidRuleException("flags", "setFlags needs at least one flag");
            }
            for (String f : flags) {
                if (f == null || f.isEmpty() || f.chars().anyMatch(c -> c <= ' ' || "(){%*\"]".indexOf(c) >= 0)) {
                    throw new InvalidRuleException("flags", "'" + f + "' is not an IMAP flag or keyword");
                }
            }
            flags = List.copyOf(flags);
        }
    }

    /** Adds, changes or deletes a header; the name ends with ':' as in the guide. */
    record EditHeader(HeaderOp op, String name, String value) implements Action {
        /**
         * Checks the edit.
         *
         * @param op    add, change or delete
         * @param name  the header name with its colon, no space
         * @param value the one-line value; unused for delete
         * @throws InvalidRuleException when a part is missing or malformed
         */
        public EditHeader {
            if (op == null) {
                throw new InvalidRuleException("op", "editHeader needs add, change or delete");
            }
            if (name == null || !name.endsWith(":") || name.length() < 2 || name.contains(" ")) {
                throw new InvalidRuleException("name", "a header name ends with ':' and has no space, got '" + name + "'");
            }
            if (op != HeaderOp.DELETE && (value == null || value.contains("\n") || value.contains("\r"))) {
                throw new InvalidRuleException("value", op.name().toLowerCase(Locale.ROOT)
                        + " needs a one-line value");
            }
        }
    }

    /** Delivers the message as it is. */
    record Accept() implements Action {
    }

    /** Refuses the message, with a reason the sender receives. */
    record Reject(String reason) implements Action {
    }

    /** Deletes the message: it is not delivered. */
    record Delete() implements Action {
    }

    /** Marks the message as spam. */
    record MarkSpam() implements Action {
    }

    /** Puts the message in the server's quarantine. */
    record Quarantine() implements Action {
    }

    /** Stops processing the rules after this one. */
    record Stop() implements Action {
    }

    private static void checkFolder(String f) {
        if (f == null || f.isBlank()) {
            throw new InvalidRuleException("folder", "the target folder is empty");
        }
    }

    private static void address(String a, String field, boolean channels) {
        if (a == null || a.isBlank()) {
            throw new InvalidRuleException(field, "an address is required");
        }
        if (channels && (a.startsWith("sms:") || a.startsWith("xmpp:"))) {
            if (a.indexOf(':') == a.length() - 1) {
                throw new InvalidRuleException(field, "'" + a + "' names no number or JID");
            }
            return;
        }
        if (!a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidRuleException(field, "'" + a + "' is not an e-mail address"
                    + (channels ? " (nor sms:NUMBER, xmpp:JID)" : ""));
        }
    }
}
