package io.icesync.rules;

import java.util.List;
import java.util.Set;

/**
 * Where an account's rules live on a server: IceWarp's API, or a Sieve script over ManageSieve. The
 * provider is chosen by what the server offers.
 */
public interface RulesProvider extends AutoCloseable {
    /** What a push stored, and what the server's language could not hold (rule: what). */
    record PushReport(List<String> unsupported) {
        /**
         * Copies the list.
         *
         * @param unsupported what the server's language could not hold, as "rule: what"
         */
        public PushReport {
            unsupported = List.copyOf(unsupported);
        }
    }

    /**
     * The rules now on the server (an empty set when none were stored).
     *
     * @return the account's rule set
     * @throws io.icesync.core.IceSyncException when the server cannot be reached or answers with an error
     */
    RuleSet pull();

    /**
     * Replaces the rules on the server.
     *
     * @param rules the rule set to store
     * @return what was stored and what the server could not hold
     * @throws io.icesync.core.PolicyLockedException when it changes a part the administrator locked
     * @throws io.icesync.core.IceSyncException when the server cannot be reached or answers with an error
     */
    PushReport push(RuleSet rules);

    /**
     * The parts of the rule set the server's administrator locked ({@link #FORWARDING},
     * {@link #RESPONDER}): they read, but a push that changes them is refused with a
     * {@link io.icesync.core.PolicyLockedException} before anything is written.
     *
     * @return the locked parts' names; empty when none is locked
     */
    default Set<String> locked() {
        return Set.of();
    }

    /**
     * {@return the rules on the server that IceSync cannot read (name: why), as of the last pull or push; push leaves them be}
     */
    default List<String> skipped() {
        return List.of();
    }

    /** The name {@link #locked()} gives forwarding. */
    String FORWARDING = "forwarding";
    /** The name {@link #locked()} gives the auto-responder. */
    String RESPONDER = "responder";

    @Override
    void close();
}
