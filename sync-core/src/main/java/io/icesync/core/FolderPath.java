package io.icesync.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The position of a folder in a tree, as a list of names from the root. Independent of any
 * server's hierarchy separator or name encoding: {@code FolderPath.of("Projets", "Été 2026")}.
 * The string form joins the names with {@code /}.
 */
public final class FolderPath implements Comparable<FolderPath> {
    private static final FolderPath ROOT = new FolderPath(List.of());
    private final List<String> names;

    private FolderPath(List<String> names) {
        this.names = names;
    }

    /**
     * The empty path: the parent of top-level folders.
     *
     * @return the root path, with no names
     */
    public static FolderPath root() {
        return ROOT;
    }

    /**
     * A path from its names, root first.
     *
     * @param names the folder names, each kept whole (a {@code /} in a name is part of it); none empty
     * @return the path; the root when no name is given
     * @throws IllegalArgumentException when a name is null or empty
     */
    public static FolderPath of(String... names) {
        return of(Arrays.asList(names));
    }

    /**
     * A path from its names, root first.
     *
     * @param names the folder names, none null or empty; the list is copied
     * @return the path; the root for an empty list
     * @throws IllegalArgumentException when a name is null or empty
     */
    public static FolderPath of(List<String> names) {
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("a folder name may not be empty: " + names);
            }
        }
        return names.isEmpty() ? ROOT : new FolderPath(List.copyOf(names));
    }

    /**
     * Splits {@code path} on {@code separator}; empty segments are rejected.
     *
     * @param path      a folder name as a server writes it, such as {@code INBOX.Projets}; "" is the root
     * @param separator the server's hierarchy separator
     * @return the path
     * @throws IllegalArgumentException when a segment is empty (a leading, trailing or doubled separator)
     */
    public static FolderPath parse(String path, char separator) {
        if (path.isEmpty()) {
            return ROOT;
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == separator) {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return of(parts);
    }

    /**
     * Reads the text {@link #escaped()} writes: names joined by '/', a '/' or '\' inside a name
     * written with a '\' before it ({@code Q1\/Q2} is one folder named {@code Q1/Q2}); "" is the root.
     *
     * @param text the escaped text
     * @return the path
     * @throws IllegalArgumentException for a '\' followed by anything else, or an empty name
     */
    public static FolderPath parseEscaped(String text) {
        if (text.isEmpty()) {
            return ROOT;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 == text.length() || (text.charAt(i + 1) != '/' && text.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("a backslash must be followed by / or \\");
                }
                cur.append(text.charAt(++i));
            } else if (c == '/') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return of(parts);
    }

    /**
     * The path as one text that keeps every name whole ('/' and '\' in names escaped); see {@link #parseEscaped}.
     *
     * @return the escaped text; "" for the root
     */
    public String escaped() {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(name.replace("\\", "\\\\").replace("/", "\\/"));
        }
        return String.join("/", parts);
    }

    /**
     * The folder names from the root down.
     *
     * @return the names, unmodifiable; empty for the root
     */
    public List<String> names() {
        return names;
    }

    /**
     * Whether this is the root.
     *
     * @return true for the empty path
     */
    public boolean isRoot() {
        return names.isEmpty();
    }

    /**
     * How deep the folder lies.
     *
     * @return the number of names: 0 for the root, 1 for a top-level folder
     */
    public int depth() {
        return names.size();
    }

    /**
     * The folder's own name.
     *
     * @return the last name, or "" for the root
     */
    public String name() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    /**
     * The folder that holds this one.
     *
     * @return this path without its last name; the root for a top-level folder
     * @throws IllegalStateException for the root
     */
    public FolderPath parent() {
        if (names.isEmpty()) {
            throw new IllegalStateException("the root has no parent");
        }
        return of(names.subList(0, names.size() - 1));
    }

    /**
     * A folder inside this one.
     *
     * @param name the sub-folder's name; not empty
     * @return this path with {@code name} added
     * @throws IllegalArgumentException when {@code name} is null or empty
     */
    public FolderPath child(String name) {
        List<String> n = new ArrayList<>(names);
        n.add(name);
        return of(n);
    }

    /**
     * Whether this path is {@code other} or lies below it.
     *
     * @param other the possible ancestor; the root is an ancestor of every path
     * @return true when {@code other}'s names begin this path's
     */
    public boolean startsWith(FolderPath other) {
        return names.size() >= other.names.size() && names.subList(0, other.names.size()).equals(other.names);
    }

    /**
     * This path with its prefix {@code from} replaced by {@code to}, as a folder rename moves its sub-folders.
     *
     * @param from the prefix to replace
     * @param to   the prefix to put instead
     * @return the moved path
     * @throws IllegalArgumentException when this path does not start with {@code from}
     */
    public FolderPath rebase(FolderPath from, FolderPath to) {
        if (!startsWith(from)) {
            throw new IllegalArgumentException(this + " is not below " + from);
        }
        List<String> n = new ArrayList<>(to.names);
        n.addAll(names.subList(from.names.size(), names.size()));
        return of(n);
    }

    /**
     * The path as a server writes it.
     *
     * @param separator the server's hierarchy separator
     * @return the names joined with {@code separator}, unescaped; "" for the root
     */
    public String join(char separator) {
        return String.join(String.valueOf(separator), names);
    }

    @Override
    public int compareTo(FolderPath o) {
        int n = Math.min(names.size(), o.names.size());
        for (int i = 0; i < n; i++) {
            int c = names.get(i).compareTo(o.names.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.size(), o.names.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FolderPath p && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names);
    }

    /**
     * A folder name for a log line: control characters (a NUL from a broken name) escaped as in Java source.
     *
     * @param name a folder name or path text
     * @return the text with each control character written as {@code \}{@code uXXXX}
     */

    public static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return join('/');
    }
}
