package io.icesync.groupware.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A BEGIN/END block with its properties and sub-components in the order they were written. */
public record RawComponent(String name, String beginText, String endText, List<RawNode> children, int line)
        implements RawNode {

    public RawComponent {
        children = List.copyOf(children);
    }

    public static RawComponent create(String name, List<RawNode> children) {
        return new RawComponent(name, "BEGIN:" + name, "END:" + name, children, 0);
    }

    public List<RawProperty> properties() {
        List<RawProperty> out = new ArrayList<>();
        for (RawNode n : children) {
            if (n instanceof RawProperty p) {
                out.add(p);
            }
        }
        return out;
    }

    public List<RawProperty> properties(String name) {
        List<RawProperty> out = new ArrayList<>();
        for (RawNode n : children) {
            if (n instanceof RawProperty p && p.is(name)) {
                out.add(p);
            }
        }
        return out;
    }

    public RawProperty property(String name) {
        for (RawNode n : children) {
            if (n instanceof RawProperty p && p.is(name)) {
                return p;
            }
        }
        return null;
    }

    public String value(String name) {
        RawProperty p = property(name);
        return p == null ? null : p.value();
    }

    public List<RawComponent> components() {
        List<RawComponent> out = new ArrayList<>();
        for (RawNode n : children) {
            if (n instanceof RawComponent c) {
                out.add(c);
            }
        }
        return out;
    }

    public RawComponent withChildren(List<RawNode> newChildren) {
        return new RawComponent(name, beginText, endText, newChildren, line);
    }

    /**
     * Replaces every property named {@code name} by {@code replacement}: the new lines take the
     * place of the first old one (or go after the last property when there was none), so
     * everything else keeps its place and its bytes.
     */
    public RawComponent replace(String name, List<RawProperty> replacement) {
        List<RawNode> out = new ArrayList<>();
        boolean placed = false;
        int lastProperty = -1;
        for (RawNode n : children) {
            if (n instanceof RawProperty p && p.is(name)) {
                if (!placed) {
                    out.addAll(replacement);
                    placed = true;
                }
                continue;
            }
            out.add(n);
            if (n instanceof RawProperty) {
                lastProperty = out.size() - 1;
            }
        }
        if (!placed) {
            out.addAll(lastProperty + 1, replacement);
        }
        return withChildren(out);
    }

    public RawComponent replaceComponents(Predicate<RawComponent> which, List<RawComponent> replacement) {
        List<RawNode> out = new ArrayList<>();
        boolean placed = false;
        for (RawNode n : children) {
            if (n instanceof RawComponent c && which.test(c)) {
                if (!placed) {
                    out.addAll(replacement);
                    placed = true;
                }
                continue;
            }
            out.add(n);
        }
        if (!placed) {
            out.addAll(replacement);
        }
        return withChildren(out);
    }
}
