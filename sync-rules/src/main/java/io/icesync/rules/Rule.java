package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One rule (F9.1): a name, whether it runs, what it tests, and what it does when the test holds. */
public record Rule(String name, boolean enabled, Condition when, List<Action> then) {
    /**
     * Checks the rule and copies its actions.
     *
     * @param name    the rule's name, not blank
     * @param enabled whether it runs
     * @param when    what it tests ({@link Condition.AllMessages} for every message)
     * @param then    what it does, at least one action
     * @throws InvalidRuleException when a part is missing
     */
    public Rule {
        if (name == null || name.isBlank()) {
            throw new InvalidRuleException("name", "a rule needs a name");
        }
        if (when == null) {
            throw new InvalidRuleException("when", "rule '" + name + "' has no condition (use {\"if\": \"all\"} for every message)");
        }
        if (then == null || then.isEmpty() || then.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRuleException("then", "rule '" + name + "' has no action");
        }
        then = List.copyOf(then);
    }

    /** From JSON: a rule that does not say {@code "enabled"} is enabled. */
    @JsonCreator
    static Rule fromJson(@JsonProperty("name") String name, @JsonProperty("enabled") Boolean enabled,
                         @JsonProperty("when") Condition when, @JsonProperty("then") List<Action> then) {
        return new Rule(name, enabled == null || enabled, when, then);
    }

    /**
     * @param on whether the rule runs
     * @return this rule, enabled or not
     */
    public Rule withEnabled(boolean on) {
        return new Rule(name, on, when, then);
    }

    /**
     * @param n the new name, not blank
     * @return this rule under that name
     * @throws InvalidRuleException when the name is blank
     */
    public Rule withName(String n) {
        return new Rule(n, enabled, when, then);
    }
}
