package io.icesync.rules.internal;

import io.icesync.rules.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * IceWarp keeps a rule's conditions as a flat list, as its dialog shows them: each one negatable,
 * joined to the one before by AND or OR, with brackets opened before it and closed after it. This
 * turns the model's tree into that list and back. Every nested group gets its own brackets, so the
 * tree comes back as it went; a list written by someone else without brackets reads with AND
 * binding tighter than OR.
 */
public final class FlatConditions {
    /** One condition of the list. {@code and} joins it to the previous one (ignored on the first). */
    public record Entry(Condition leaf, boolean not, boolean and, int open, int close) {
    }

    private FlatConditions() {
    }

    /** The list for a rule's condition; {@code notes} gets what had to change form on the way. */
    public static List<Entry> flatten(Condition c, List<String> notes) {
        List<Entry> out = new ArrayList<>();
        emit(c, true, true, out, notes);
        return out;
    }

    private static void emit(Condition c, boolean andWithPrevious, boolean top, List<Entry> out, List<String> notes) {
        if (c instanceof Condition.Not n) {
            Condition inner = n.condition();
            if (inner instanceof Condition.Not nn) {
                notes.add("a double NOT is stored as the condition itself");
                emit(nn.condition(), andWithPrevious, top, out, notes);
            } else if (inner instanceof Condition.AllOf all) {
                notes.add("NOT over a group is stored in its equivalent form, each condition negated and AND turned into OR");
                emit(new Condition.AnyOf(all.conditions().stream().map(FlatConditions::negate).toList()),
                        andWithPrevious, top, out, notes);
            } else if (inner instanceof Condition.AnyOf any) {
                notes.add("NOT over a group is stored in its equivalent form, each condition negated and OR turned into AND");
                emit(new Condition.AllOf(any.conditions().stream().map(FlatConditions::negate).toList()),
                        andWithPrevious, top, out, notes);
            } else {
                out.add(new Entry(inner, true, andWithPrevious, 0, 0));
            }
            return;
        }
        List<Condition> members;
        boolean and;
        if (c instanceof Condition.AllOf all) {
            members = all.conditions();
            and = true;
        } else if (c instanceof Condition.AnyOf any) {
            members = any.conditions();
            and = false;
        } else {
            out.add(new Entry(c, false, andWithPrevious, 0, 0));
            return;
        }
        if (members.size() == 1) {
            notes.add("a group of one condition is stored as that condition");
        }
        int first = out.size();
        for (int i = 0; i < members.size(); i++) {
            emit(members.get(i), i == 0 ? andWithPrevious : and, false, out, notes);
        }
        if (!top) {
            Entry f = out.get(first);
            out.set(first, new Entry(f.leaf(), f.not(), f.and(), f.open() + 1, f.close()));
            Entry l = out.get(out.size() - 1);
            out.set(out.size() - 1, new Entry(l.leaf(), l.not(), l.and(), l.open(), l.close() + 1));
        }
    }

    private static Condition negate(Condition c) {
        return c instanceof Condition.Not n ? n.condition() : new Condition.Not(c);
    }

    /** The tree for a list; unbalanced brackets are an IllegalArgumentException saying where. */
    public static Condition unflatten(List<Entry> entries) {
        if (entries.isEmpty()) {
            return new Condition.AllMessages();
        }
        List<Object> tokens = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.open() < 0 || e.close() < 0) {
                throw new IllegalArgumentException("condition " + (i + 1) + " has a negative bracket count");
            }
            if (i > 0) {
                tokens.add(e.and() ? Op.AND : Op.OR);
            }
            for (int k = 0; k < e.open(); k++) {
                tokens.add(Op.OPEN);
            }
            tokens.add(e.not() ? new Condition.Not(e.leaf()) : e.leaf());
            for (int k = 0; k < e.close(); k++) {
                tokens.add(Op.CLOSE);
            }
        }
        Parser p = new Parser(tokens);
        Condition c = p.expression();
        if (p.at < tokens.size()) {
            throw new IllegalArgumentException("a closing bracket has no opening one");
        }
        return c;
    }

    private enum Op { AND, OR, OPEN, CLOSE }

    private static final class Parser {
        private final List<Object> tokens;
        private int at;

        Parser(List<Object> tokens) {
            this.tokens = tokens;
        }

        /** operand (op operand)*, AND before OR. */
        Condition expression() {
            List<List<Condition>> orTerms = new ArrayList<>();
            List<Condition> andTerm = new ArrayList<>();
            andTerm.add(operand());
            boolean sawAnd = false;
            while (at < tokens.size() && (tokens.get(at) == Op.AND || tokens.get(at) == Op.OR)) {
                Op op = (Op) tokens.get(at++);
                if (op == Op.OR) {
                    orTerms.add(andTerm);
                    andTerm = new ArrayList<>();
                } else {
                    sawAnd = true;
                }
                andTerm.add(operand());
            }
            orTerms.add(andTerm);
            if (orTerms.size() == 1) {
                List<Condition> only = orTerms.get(0);
                return only.size() == 1 ? only.get(0) : new Condition.AllOf(only);
            }
            List<Condition> any = new ArrayList<>();
            for (List<Condition> t : orTerms) {
                any.add(t.size() == 1 ? t.get(0) : new Condition.AllOf(t));
            }
            return sawAnd || any.size() > 1 ? new Condition.AnyOf(any) : any.get(0);
        }

        Condition operand() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("the conditions end inside an open bracket");
            }
            Object t = tokens.get(at++);
            if (t == Op.OPEN) {
                Condition inner = expression();
                if (at >= tokens.size() || tokens.get(at) != Op.CLOSE) {
                    throw new IllegalArgumentException("a bracket is opened and never closed");
                }
                at++;
                return inner;
            }
            if (t instanceof Condition c) {
                return c;
            }
            throw new IllegalArgumentException("a condition is missing where " + t + " stands");
        }
    }
}
