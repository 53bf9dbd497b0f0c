package io.icesync.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The auto-responder (F9.6): off, always, once per sender, or again after some days; only between
 * two dates when given; never to the listed senders (patterns with {@code *}); From, Subject and
 * text may hold %%Variables%%.
 */
public record AutoResponder(Mode mode, int againAfterDays, LocalDate from, LocalDate until, List<String> noReplyTo,
                            boolean onlyIfToMe, String sender, String subject, String text) {
    /** The guide's modes, as IceWarp's ResponderType 0-3. */
    public enum Mode { OFF, ALWAYS, ONCE_PER_SENDER, AGAIN_AFTER_DAYS }

    public AutoResponder {
        mode = mode == null ? Mode.OFF : mode;
        noReplyTo = noReplyTo == null ? List.of() : List.copyOf(noReplyTo);
        subject = subject == null ? "Re: %%Subject%%" : subject;
        text = text == null ? "" : text;
        if (mode == Mode.AGAIN_AFTER_DAYS && againAfterDays < 1) {
            throw new InvalidRuleException("againAfterDays", "again after N days needs N >= 1, got " + againAfterDays);
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new InvalidRuleException("until", "the end date " + until + " is before the start " + from);
        }
        if (mode != Mode.OFF && text.isBlank()) {
            throw new InvalidRuleException("text", "an active auto-responder needs a text");
        }
    }

    public static AutoResponder off() {
        return new AutoResponder(Mode.OFF, 0, null, null, List.of(), false, null, null, null);
    }
}
