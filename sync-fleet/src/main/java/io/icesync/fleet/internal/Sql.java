package io.icesync.fleet.internal;

import io.icesync.core.FolderPath;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers of the fleet's PostgreSQL code: binding values, mapping rows, folder paths as {@code text[]}. */
public final class Sql {
    private Sql() {
    }

    /** One row to a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** A path as a {@code text[]}, one element per name, so any name but one holding NUL comes back as it was. */
    public static Array path(Connection c, FolderPath p) throws SQLException {
        if (p == null) {
            return null;
        }
        for (String name : p.names()) {
            if (name.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("a folder name with a NUL character cannot be stored: " + p);
            }
        }
        return c.createArrayOf("text", p.names().toArray());
    }

    public static FolderPath path(ResultSet r, int column) throws SQLException {
        Array a = r.getArray(column);
        if (a == null) {
            return null;
        }
        return FolderPath.of(List.of((String[]) a.getArray()));
    }

    public static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                p.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                p.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                p.setInt(i + 1, n);
            } else if (a instanceof Boolean b) {
                p.setBoolean(i + 1, b);
            } else if (a instanceof Array arr) {
                p.setArray(i + 1, arr);
            } else if (a instanceof java.sql.Timestamp t) {
                p.setTimestamp(i + 1, t);
            } else {
                p.setString(i + 1, a.toString());
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    /** Runs an INSERT ... RETURNING id and gives the id. */
    public static long insertReturningId(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql + " RETURNING id")) {
            bind(p, args);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no id returned for the new row");
                }
                return r.getLong(1);
            }
        }
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> m, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(m.map(r));
                }
            }
            return out;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, Row<T> m, Object... args) throws SQLException {
        List<T> l = query(c, sql, m, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** PostgreSQL refuses NUL in text: a server's message holding one is kept with U+FFFD instead. */
    public static String text(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }
}
