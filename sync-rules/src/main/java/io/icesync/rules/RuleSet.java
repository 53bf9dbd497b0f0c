package io.icesync.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's server-side tools (F9): the ordered rules, the named value lists their IN_LIST tests
 * use, forwarding and the auto-responder. Immutable: each operation of the guide's dialog returns a
 * new set.
 */
public record RuleSet(List<Rule> rules, Map<String, List<String>> lists, Forwarding forwarding, AutoResponder responder) {
    public RuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
        Map<String, List<String>> l = new LinkedHashMap<>();
        if (lists != null) {
            lists.forEach((k, v) -> l.put(k, List.copyOf(v)));
        }
        lists = Map.copyOf(l);
        forwarding = forwarding == null ? Forwarding.off() : forwarding;
        responder = responder == null ? AutoResponder.off() : responder;
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), Map.of(), null, null);
    }

    public RuleSet add(Rule r) {
        List<Rule> l = new ArrayList<>(rules);
        l.add(r);
        return with(l);
    }

    public RuleSet edit(int index, Rule r) {
        List<Rule> l = new ArrayList<>(rules);
        l.set(check(index), r);
        return with(l);
    }

    /** A copy of rule {@code index} right after it, named "… (copy)". */
    public RuleSet copy(int index) {
        List<Rule> l = new ArrayList<>(rules);
        Rule r = rules.get(check(index));
        l.add(index + 1, r.withName(r.name() + " (copy)"));
        return with(l);
    }

    public RuleSet delete(int index) {
        List<Rule> l = new ArrayList<>(rules);
        l.remove(check(index));
        return with(l);
    }

    public RuleSet moveUp(int index) {
        check(index);
        if (index == 0) {
            return this;
        }
        List<Rule> l = new ArrayList<>(rules);
        l.add(index - 1, l.remove(index));
        return with(l);
    }

    public RuleSet moveDown(int index) {
        check(index);
        if (index == rules.size() - 1) {
            return this;
        }
        List<Rule> l = new ArrayList<>(rules);
        l.add(index + 1, l.remove(index));
        return with(l);
    }

    public RuleSet enable(int index, boolean on) {
        return edit(index, rules.get(check(index)).withEnabled(on));
    }

    public RuleSet withForwarding(Forwarding f) {
        return new RuleSet(rules, lists, f, responder);
    }

    public RuleSet withResponder(AutoResponder a) {
        return new RuleSet(rules, lists, forwarding, a);
    }

    public RuleSet withList(String name, List<String> values) {
        Map<String, List<String>> l = new LinkedHashMap<>(lists);
        l.put(name, values);
        return new RuleSet(rules, l, forwarding, responder);
    }

    private RuleSet with(List<Rule> l) {
        return new RuleSet(l, lists, forwarding, responder);
    }

    private int check(int index) {
        if (index < 0 || index >= rules.size()) {
            throw new IndexOutOfBoundsException("no rule " + index + " (there are " + rules.size() + ")");
        }
        return index;
    }
}
