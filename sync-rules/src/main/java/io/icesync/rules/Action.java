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
    enum HeaderOp { ADD, CHANGE, DELETE }

    /** Sends a new message (a notification) to an address. */
    record SendMessage(String to, String subject, String text) implements Action {
        public SendMessage {
            address(to, "to", false);
            subject = subject == null ? "" : subject;
            text = text == null ? "" : text;
        }
    }

    /** Forwards the message: an e-mail address, {@code sms:NUMBER} or {@code xmpp:JID}. */
    record Forward(String to) implements Action {
        public Forward {
            address(to, "to", true);
        }
    }

    record MoveTo(String folder) implements Action {
        public MoveTo {
            checkFolder(folder);
        }
    }

    record CopyTo(String folder) implements Action {
        public CopyTo {
            checkFolder(folder);
        }
    }

    record Encrypt() implements Action {
    }

    record SetPriority(Condition.Level level) implements Action {
        public SetPriority {
            if (level == null) {
                throw new InvalidRuleException("level", "setPriority needs a level");
            }
        }
    }

    /** Sets IMAP flags and keywords ({@code \Seen}, {@code \Flagged}, {@code $label1}...). */
    record SetFlags(List<String> flags) implements Action {
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

    record Accept() implements Action {
    }

    record Reject(String reason) implements Action {
    }

    record Delete() implements Action {
    }

    record MarkSpam() implements Action {
    }

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
