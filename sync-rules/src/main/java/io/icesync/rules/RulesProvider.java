package io.icesync.rules;

import java.util.List;

/**
 * Where an account's rules live on a server: IceWarp's API, or a Sieve script over ManageSieve. The
 * provider is chosen by what the server offers.
 */
public interface RulesProvider extends AutoCloseable {
    /** What a push stored, and what the server's language could not hold (rule: what). */
    record PushReport(List<String> unsupported) {
        public PushReport {
            unsupported = List.copyOf(unsupported);
        }
    }

    /** The rules now on the server (an empty set when none were stored). */
    RuleSet pull();

    /** Replaces the rules on the server. */
    PushReport push(RuleSet rules);

    @Override
    void close();
}
