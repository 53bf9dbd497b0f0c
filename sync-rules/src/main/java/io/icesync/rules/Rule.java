package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One rule (F9.1): a name, whether it runs, what it tests, and what it does when the test holds. */
public record Rule(String name, boolean enabled, Condition when, List<Action> then) {
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

    public Rule withEnabled(boolean on) {
        return new Rule(name, on, when, then);
    }

    public Rule withName(String n) {
        return new Rule(n, enabled, when, then);
    }
}
