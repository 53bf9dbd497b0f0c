package io.icesync.rules;

import java.util.List;

/** Forwarding (F9.5): where every message goes as well, whether a copy stays, whether spam is left out. */
public record Forwarding(List<String> to, boolean keepCopy, boolean skipSpam) {
    /**
     * Checks the addresses.
     *
     * @param to       where every message goes as well (e-mail, {@code sms:} or {@code xmpp:}); null for nowhere
     * @param keepCopy whether the message is also delivered to the account
     * @param skipSpam whether spam is not forwarded
     * @throws InvalidRuleException when a target is not an address
     */
    public Forwarding {
        to = to == null ? List.of() : List.copyOf(to);
        for (String a : to) {
            new Action.Forward(a); // same address rules as the forward action
        }
    }

    /** {@return no forwarding: messages stay in the account} */
    public static Forwarding off() {
        return new Forwarding(List.of(), true, false);
    }

    /** {@return whether messages are forwarded anywhere} */
    public boolean active() {
        return !to.isEmpty();
    }
}
