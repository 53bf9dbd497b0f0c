package io.icesync.rules;

import java.util.List;

/** Forwarding (F9.5): where every message goes as well, whether a copy stays, whether spam is left out. */
public record Forwarding(List<String> to, boolean keepCopy, boolean skipSpam) {
    public Forwarding {
        to = to == null ? List.of() : List.copyOf(to);
        for (String a : to) {
            new Action.Forward(a); // same address rules as the forward action
        }
    }

    public static Forwarding off() {
        return new Forwarding(List.of(), true, false);
    }

    public boolean active() {
        return !to.isEmpty();
    }
}
