package io.icesync.core.internal.state;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state store in one SQLite file per profile (WAL journal, synchronous FULL: a committed
 * transaction survives a kill and a power cut). The schema is versioned by PRAGMA user_version and
 * migrated forward at open; a file from a newer IceSync is refused rather than damaged.
 */
public final class SqliteStateStore implements SyncStateStore {
    private final Path file;
    private final Connection db;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int depth;

    public SqliteStateStore(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + this.file);
        } catch (Exception e) {
            throw new StoreException("cannot open the state database " + this.file, e);
        }
        try {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            migrate();
        } catch (SQLException e) {
            close();
            throw new StoreException("the state database " + this.file + " cannot be used (" + e.getMessage() + ")", e);
        }
    }

    private void migrate() throws SQLException {
        int have;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            have = r.getInt(1);
        }
        int want = Schema.version();
        if (have > want) {
            throw new StoreException("the state database " + file + " has schema version " + have
                    + ", newer than this IceSync knows (" + want + "): use a newer IceSync", null);
        }
        if (have == want) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            for (int v = have; v < want; v++) {
                for (String sql : Schema.MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version=" + want);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, p);
        }
        return p;
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private synchronized <T> T sql(String what, Sql<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new StoreException("state database " + file + ": cannot " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        PreparedStatement p = ps(sql);
        bind(p, args);
        return p.executeUpdate();
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                p.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                p.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                p.setInt(i + 1, n);
            } else if (a instanceof Boolean b) {
                p.setInt(i + 1, b ? 1 : 0);
            } else {
                p.setString(i + 1, a.toString());
            }
        }
    }

    private <T> List<T> query(String sql, RowMapper<T> m, Object... args) throws SQLException {
        PreparedStatement p = ps(sql);
        bind(p, args);
        List<T> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(m.map(r));
            }
        }
        return out;
    }

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        if (depth > 0) {
            depth++;
            try {
                work.run();
            } finally {
                depth--;
            }
            return;
        }
        sql("begin a transaction", () -> {
            db.setAutoCommit(false);
            return null;
        });
        depth = 1;
        try {
            work.run();
            sql("commit", () -> {
                db.commit();
                return null;
            });
        } catch (Throwable t) {
            try {
                db.rollback();
            } catch (SQLException e) {
                t.addSuppressed(e);
            }
            throw t;
        } finally {
            depth = 0;
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken; the next call reports it
            }
        }
    }

    // --- folders

    private static final String FOLDER_COLS = "id, path, kind, local_id, uid_validity, highest_modseq, uid_next";

    private static FolderState folderRow(ResultSet r) throws SQLException {
        long validity = r.getLong(5);
        boolean synced = !r.wasNull();
        RemoteCursor c = synced ? new RemoteCursor(validity, r.getLong(6), r.getLong(7)) : null;
        return new FolderState(r.getLong(1), Codec.path(r.getString(2)), FolderKind.valueOf(r.getString(3)),
                r.getString(4), c);
    }

    @Override
    public List<FolderState> folders() {
        return sql("read folders", () -> {
            List<FolderState> l = query("SELECT " + FOLDER_COLS + " FROM folders", SqliteStateStore::folderRow);
            l.sort(java.util.Comparator.comparing(FolderState::path));
            return l;
        });
    }

    @Override
    public Optional<FolderState> folder(long id) {
        return sql("read a folder", () -> query("SELECT " + FOLDER_COLS + " FROM folders WHERE id=?",
                SqliteStateStore::folderRow, id).stream().findFirst());
    }

    @Override
    public Optional<FolderState> folderByPath(FolderPath path) {
        return sql("read a folder", () -> query("SELECT " + FOLDER_COLS + " FROM folders WHERE path=?",
                SqliteStateStore::folderRow, Codec.path(path)).stream().findFirst());
    }

    @Override
    public FolderState putFolder(FolderState f) {
        return sql("save folder '" + f.path() + "'", () -> {
            RemoteCursor c = f.cursor();
            Object v = c == null ? null : c.uidValidity();
            Object m = c == null ? null : c.highestModSeq();
            Object n = c == null ? null : c.uidNext();
            if (f.id() == 0) {
                PreparedStatement p = ps("INSERT INTO folders(path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                        + " VALUES (?,?,?,?,?,?)");
                bind(p, Codec.path(f.path()), f.kind().name(), f.localId(), v, m, n);
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    return new FolderState(k.getLong(1), f.path(), f.kind(), f.localId(), c);
                }
            }
            int rows = update("UPDATE folders SET path=?, kind=?, local_id=?, uid_validity=?, highest_modseq=?, uid_next=?"
                    + " WHERE id=?", Codec.path(f.path()), f.kind().name(), f.localId(), v, m, n, f.id());
            if (rows == 0) {
                update("INSERT INTO folders(id, path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                        + " VALUES (?,?,?,?,?,?,?)", f.id(), Codec.path(f.path()), f.kind().name(), f.localId(), v, m, n);
            }
            return f;
        });
    }

    @Override
    public void removeFolder(long folderId) {
        inTransaction(() -> sql("remove a folder", () -> {
            Optional<FolderState> f = folder(folderId);
            update("DELETE FROM items WHERE folder_id=?", folderId);
            update("DELETE FROM folders WHERE id=?", folderId);
            if (f.isPresent()) {
                update("DELETE FROM failures WHERE folder=?", Codec.path(f.get().path()));
            }
            return null;
        }));
    }

    // --- items

    private static final String ITEM_COLS = "folder_id, uid, local_id, flags, size, message_id, partial";

    private static ItemState itemRow(ResultSet r) throws SQLException {
        return new ItemState(r.getLong(1), r.getLong(2), r.getString(3), Codec.flags(r.getString(4)), r.getLong(5),
                r.getString(6), r.getInt(7) != 0);
    }

    @Override
    public List<ItemState> items(long folderId) {
        return sql("read items", () -> query("SELECT " + ITEM_COLS + " FROM items WHERE folder_id=? ORDER BY uid",
                SqliteStateStore::itemRow, folderId));
    }

    @Override
    public Optional<ItemState> itemByUid(long folderId, long uid) {
        return sql("read an item", () -> query("SELECT " + ITEM_COLS + " FROM items WHERE folder_id=? AND uid=?",
                SqliteStateStore::itemRow, folderId, uid).stream().findFirst());
    }

    @Override
    public Optional<ItemState> itemByLocalId(String localId) {
        return sql("read an item", () -> query("SELECT " + ITEM_COLS + " FROM items WHERE local_id=?",
                SqliteStateStore::itemRow, localId).stream().findFirst());
    }

    @Override
    public void putItem(ItemState i) {
        sql("save an item", () -> update("INSERT OR REPLACE INTO items(" + ITEM_COLS + ") VALUES (?,?,?,?,?,?,?)",
                i.folderId(), i.uid(), i.localId(), Codec.flags(i.flags()), i.size(), i.messageId(), i.partial()));
    }

    @Override
    public void removeItem(String localId) {
        sql("remove an item", () -> update("DELETE FROM items WHERE local_id=?", localId));
    }

    @Override
    public void removeItems(long folderId) {
        sql("remove items", () -> update("DELETE FROM items WHERE folder_id=?", folderId));
    }

    @Override
    public long itemCount() {
        return sql("count items", () -> query("SELECT count(*) FROM items", r -> r.getLong(1)).get(0));
    }

    // --- intents

    @Override
    public PendingOp addPending(PendingOp op) {
        return sql("record an intent", () -> {
            PreparedStatement p = ps("INSERT INTO pending(kind, folder, target, local_id, uid, message_id, size)"
                    + " VALUES (?,?,?,?,?,?,?)");
            bind(p, op.kind().name(), Codec.path(op.folder()), op.target() == null ? null : Codec.path(op.target()),
                    op.localId(), op.uid(), op.messageId(), op.size());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return new PendingOp(k.getLong(1), op.kind(), op.folder(), op.target(), op.localId(), op.uid(),
                        op.messageId(), op.size());
            }
        });
    }

    @Override
    public void removePending(long id) {
        sql("remove an intent", () -> update("DELETE FROM pending WHERE id=?", id));
    }

    @Override
    public List<PendingOp> pending() {
        return sql("read intents", () -> query("SELECT id, kind, folder, target, local_id, uid, message_id, size"
                + " FROM pending ORDER BY id", r -> new PendingOp(r.getLong(1), PendingOp.Kind.valueOf(r.getString(2)),
                Codec.path(r.getString(3)), Codec.path(r.getString(4)), r.getString(5), r.getLong(6), r.getString(7),
                r.getLong(8))));
    }

    // --- failures

    private static IgnoredItem failureRow(ResultSet r) throws SQLException {
        return new IgnoredItem(Codec.path(r.getString(1)), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                Instant.ofEpochMilli(r.getLong(6)));
    }

    @Override
    public IgnoredItem recordFailure(FolderPath folder, String key, String description, String error) {
        long now = Instant.now().toEpochMilli();
        String f = Codec.path(folder);
        inTransaction(() -> sql("record a failure", () -> {
            long seq = query("SELECT coalesce(max(seq), 0) + 1 FROM failures", r -> r.getLong(1)).get(0);
            if (update("UPDATE failures SET failures=failures+1, description=?, last_error=?, last_failure=?, seq=?"
                    + " WHERE folder=? AND item_key=?", description, error, now, seq, f, key) == 0) {
                update("INSERT INTO failures(folder, item_key, description, failures, last_error, last_failure, seq)"
                        + " VALUES (?,?,?,1,?,?,?)", f, key, description, error, now, seq);
            }
            return null;
        }));
        return sql("read a failure", () -> query("SELECT folder, item_key, description, failures, last_error, last_failure"
                + " FROM failures WHERE folder=? AND item_key=?", SqliteStateStore::failureRow, f, key).get(0));
    }

    @Override
    public void clearFailure(FolderPath folder, String key) {
        sql("clear a failure", () -> update("DELETE FROM failures WHERE folder=? AND item_key=?", Codec.path(folder), key));
    }

    @Override
    public void clearFailures(FolderPath folder) {
        sql("clear failures", () -> folder == null ? update("DELETE FROM failures")
                : update("DELETE FROM failures WHERE folder=?", Codec.path(folder)));
    }

    @Override
    public List<IgnoredItem> failures() {
        return sql("read failures", () -> query("SELECT folder, item_key, description, failures, last_error, last_failure"
                + " FROM failures ORDER BY seq DESC", SqliteStateStore::failureRow));
    }

    // --- session log

    @Override
    public void log(SessionEvent e) {
        inTransaction(() -> sql("write the session log", () -> {
            update("INSERT INTO session_log(time, level, message, details) VALUES (?,?,?,?)",
                    e.time().toEpochMilli(), e.level().name(), e.message(), e.details());
            update("DELETE FROM session_log WHERE seq <= (SELECT max(seq) FROM session_log) - ?",
                    (long) MemoryStateStore.LOG_LIMIT);
            return null;
        }));
    }

    @Override
    public List<SessionEvent> recentEvents(int max) {
        return sql("read the session log", () -> {
            List<SessionEvent> l = query("SELECT time, level, message, details FROM session_log ORDER BY seq DESC LIMIT ?",
                    r -> new SessionEvent(Instant.ofEpochMilli(r.getLong(1)), SessionEvent.Level.valueOf(r.getString(2)),
                            r.getString(3), r.getString(4)), max);
            java.util.Collections.reverse(l);
            return l;
        });
    }

    // --- values

    @Override
    public Optional<String> value(String key) {
        return sql("read a value", () -> query("SELECT value FROM kv WHERE key=?", r -> r.getString(1), key)
                .stream().findFirst());
    }

    @Override
    public void putValue(String key, String value) {
        sql("save a value", () -> update("INSERT OR REPLACE INTO kv(key, value) VALUES (?,?)", key, value));
    }

    @Override
    public synchronized void close() {
        for (PreparedStatement p : statements.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // nothing left to do
        }
    }
}
