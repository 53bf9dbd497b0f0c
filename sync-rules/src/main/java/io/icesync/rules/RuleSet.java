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
    /**
     * Copies the parts and fills the defaults.
     *
     * @param rules      the rules in the order they run; null for none
     * @param lists      named value lists for IN_LIST tests; null for none
     * @param forwarding forwarding; null for off
     * @param responder  the auto-responder; null for off
     */
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

    /** {@return a set with no rule, no list, no forwarding and no auto-responder} */
    public static RuleSet empty() {
        return new RuleSet(List.of(), Map.of(), null, null);
    }

    /**
     * @param r the rule to run last
     * @return this set with {@code r} at the end
     */
    public RuleSet add(Rule r) {
        List<Rule> l = new ArrayList<>(rules);
        l.add(r);
        return with(l);
    }

    /**
     * @param index the rule's position, from 0
     * @param r     its replacement
     * @return this set with rule {@code index} replaced
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet edit(int index, Rule r) {
        List<Rule> l = new ArrayList<>(rules);
        l.set(check(index), r);
        return with(l);
    }

    /**
     * A copy of rule {@code index} right after it, named "… (copy)".
     *
     * @param index the rule's position, from 0
     * @return this set with the copy
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet copy(int index) {
        List<Rule> l = new ArrayList<>(rules);
        Rule r = rules.get(check(index));
        l.add(index + 1, r.withName(r.name() + " (copy)"));
        return with(l);
    }

    /**
     * @param index the rule's position, from 0
     * @return this set without rule {@code index}
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet delete(int index) {
        List<Rule> l = new ArrayList<>(rules);
        l.remove(check(index));
        return with(l);
    }

    /**
     * @param index the rule's position, from 0
     * @return this set with rule {@code index} one place earlier (unchanged for the first)
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet moveUp(int index) {
        check(index);
        if (index == 0) {
            return this;
        }
        List<Rule> l = new ArrayList<>(rules);
        l.add(index - 1, l.remove(index));
        return with(l);
    }

    /**
     * @param index the rule's position, from 0
     * @return this set with rule {@code index} one place later (unchanged for the last)
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet moveDown(int index) {
        check(index);
        if (index == rules.size() - 1) {
            return this;
        }
        List<Rule> l = new ArrayList<>(rules);
        l.add(index + 1, l.remove(index));
        return with(l);
    }

    /**
     * @param index the rule's position, from 0
     * @param on    whether it runs
     * @return this set with rule {@code index} enabled or not
     * @throws IndexOutOfBoundsException when there is no rule {@code index}
     */
    public RuleSet enable(int index, boolean on) {
        return edit(index, rules.get(check(index)).withEnabled(on));
    }

    /**
     * @param f the forwarding; null for off
     * @return this set with that forwarding
     */
    public RuleSet withForwarding(Forwarding f) {
        return new RuleSet(rules, lists, f, responder);
    }

    /**
     * @param a the auto-responder; null for off
     * @return this set with that auto-responder
     */
    public RuleSet withResponder(AutoResponder a) {
        return new RuleSet(rules, lists, forwarding, a);
    }

    /**
     * @param name   the list's name, as IN_LIST tests give it
     * @param values its values, replacing any list of that name
     * @return this set with that list
     */
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
