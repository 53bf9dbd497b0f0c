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
    public enum Mode {
        /** No replies (ResponderType 0). */
        OFF,
        /** A reply to every message (1). */
        ALWAYS,
        /** One reply per sender (2). */
        ONCE_PER_SENDER,
        /** A reply per sender again after {@code againAfterDays} days (3). */
        AGAIN_AFTER_DAYS
    }

    /**
     * Checks the settings and fills the defaults.
     *
     * @param mode           when to reply; null for off
     * @param againAfterDays days before a sender gets another reply, at least 1 for {@link Mode#AGAIN_AFTER_DAYS}
     * @param from           the first day it replies; null for no start
     * @param until          the last day it replies, not before {@code from}; null for no end
     * @param noReplyTo      senders never answered, patterns with {@code *}; null for none
     * @param onlyIfToMe     whether only messages addressed to the account itself are answered
     * @param sender         the From of the replies; null for the account's
     * @param subject        the subject of the replies; null for {@code Re: %%Subject%%}
     * @param text           the text of the replies, needed unless off
     * @throws InvalidRuleException for days below 1 in mode again-after-days, an end before the start, or no text
     */
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

    /** {@return an auto-responder that replies to nothing} */
    public static AutoResponder off() {
        return new AutoResponder(Mode.OFF, 0, null, null, List.of(), false, null, null, null);
    }
}
