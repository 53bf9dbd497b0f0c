package io.icesync.fleet;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.NestedTransactions;
import io.icesync.fleet.internal.FleetSchema;
import io.icesync.fleet.internal.Sql;
import io.icesync.fleet.internal.StateText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * The state of one account's service in a PostgreSQL database shared by every account of a fleet
 * (one schema; every row keyed by account and scope, the scopes of the SQLite store: {@code ""} for
 * mail, then e.g. {@code dav}). The session log is the account's, shared by its scopes.
 *
 * <p>A transaction holds one connection of the pool from its start to its commit; a failed statement
 * inside it is undone alone (a savepoint before each statement), as SQLite does, so the caller may go
 * on. Writes outside a transaction commit at once. A read from a thread outside the transaction takes
 * another connection of the pool and sees the last commit, never the transaction's work.
 */
public final class PostgresStateStore implements SyncStateStore {
    private static final int LOG_LIMIT = 200;
    private static final String FOLDER_COLS = "id, path, kind, local_id, uid_validity, highest_modseq, uid_next";
    private static final String ITEM_COLS = "folder_id, uid, local_id, flags, keywords, size, message_id, partial,"
            + " object_key, local_version";
    private static final String FAILURE_COLS = "folder, item_key, description, failures, last_error, last_failure";

    private final DataSource ds;
    private final String account;
    private final String scope;
    private final Clock clock;
    private final String where;
    private final NestedTransactions tx;
    /** The connection of the transaction under way, or null; only touched under the store's lock. */
    private Connection txConnection;
    private volatile boolean closed;

    private PostgresStateStore(DataSource ds, String account, String scope, Clock clock) {
        this.ds = ds;
        this.account = account;
        this.scope = scope;
        this.clock = clock;
        this.where = "state of " + account + (scope.isEmpty() ? "" : " (" + scope + ")");
        this.tx = new NestedTransactions(new NestedTransactions.Backend() {
            @Override
            public void begin() {
                beginTransaction();
            }

            @Override
            public void commit() {
                endTransaction(true);
            }

            @Override
            public void rollback() {
                endTransaction(false);
            }
        }, where);
    }

    /**
     * Opens the state of {@code account}'s service {@code scope} in the database behind {@code ds},
     * bringing its schema up to date first.
     *
     * @param ds      the database
     * @param account the account's key, its e-mail address in a fleet
     * @param scope   {@code ""} (mail) or 1 to 32 of {@code a-z 0-9 -}
     * @param clock   the clock of the state's times
     * @return the state store, open; close it when done
     * @throws IllegalArgumentException for a bad scope
     * @throws StoreException if the database cannot be reached or has a newer schema
     */
    public static PostgresStateStore open(DataSource ds, String account, String scope, Clock clock) {
        Objects.requireNonNull(ds, "ds");
        openMigrated(ds, account, scope, clock); // checks the arguments before the database is touched
        FleetSchema.migrate(ds, "state of " + account);
        return openMigrated(ds, account, scope, clock);
    }

    /** As {@link #open}, on a database the caller brought up to date already (a fleet opens one per cycle). */
    static PostgresStateStore openMigrated(DataSource ds, String account, String scope, Clock clock) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clock, "clock");
        if (scope == null || !scope.matches("|[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("a state scope is empty or 1 to 32 of a-z, 0-9 and '-', got '" + scope + "'");
        }
        return new PostgresStateStore(ds, account, scope, clock);
    }

    // --- plumbing

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private void beginTransaction() {
        try {
            Connection c = ds.getConnection();
            try {
                c.setAutoCommit(false);
                // A savepoint before each statement: one that fails is undone alone, as in SQLite.
                c.unwrap(PGConnection.class).setAutosave(AutoSave.ALWAYS);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            txConnection = c;
        } catch (SQLException e) {
            throw failure("begin a transaction", e);
        }
    }

    private void endTransaction(boolean commit) {
        Connection c = txConnection;
        txConnection = null;
        if (c == null) {
            return;
        }
        try (c) {
            try {
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } finally {
                c.unwrap(PGConnection.class).setAutosave(AutoSave.NEVER);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(commit ? "commit" : "roll back", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(where + ": cannot " + what + " (" + e.getMessage() + ")", e);
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new StoreException(where + ": cannot " + what + ", the store is closed", null);
        }
    }

    /**
     * Runs {@code body} on the transaction's connection when this thread holds the store's lock inside
     * one (it must see its own work), else on a connection of the pool that commits at once.
     */
    private <T> T run(String what, Work<T> body) {
        checkOpen(what);
        try {
            if (Thread.holdsLock(this) && txConnection != null) {
                return body.run(txConnection);
            }
            try (Connection c = ds.getConnection()) {
                return body.run(c);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        checkOpen("begin a transaction");
        tx.run(work);
    }

    // --- folders

    private static FolderState folderRow(ResultSet r) throws SQLException {
        long validity = r.getLong(5);
        RemoteCursor c = r.wasNull() ? null : new RemoteCursor(validity, r.getLong(6), r.getLong(7));
        return new FolderState(r.getLong(1), Sql.path(r, 2), FolderKind.valueOf(r.getString(3)), r.getString(4), c);
    }

    @Override
    public List<FolderState> folders() {
        return run("read the folders", c -> {
            List<FolderState> l = Sql.query(c, "SELECT " + FOLDER_COLS + " FROM state_folders WHERE account=? AND scope=?",
                    PostgresStateStore::folderRow, account, scope);
            l.sort(Comparator.comparing(FolderState::path));
            return l;
        });
    }

    @Override
    public Optional<FolderState> folder(long id) {
        return run("read folder " + id, c -> Sql.queryOne(c, "SELECT " + FOLDER_COLS
                + " FROM state_folders WHERE id=? AND account=? AND scope=?", PostgresStateStore::folderRow, id, account, scope));
    }

    @Override
    public Optional<FolderState> folderByPath(FolderPath path) {
        return run("read folder '" + path + "'", c -> Sql.queryOne(c, "SELECT " + FOLDER_COLS
                + " FROM state_folders WHERE path=? AND account=? AND scope=?", PostgresStateStore::folderRow,
                Sql.path(c, path), account, scope));
    }

    @Override
    public synchronized FolderState putFolder(FolderState f) {
        RemoteCursor cur = f.cursor();
        Object validity = cur == null ? null : cur.uidValidity();
        Object modseq = cur == null ? null : cur.highestModSeq();
        Object next = cur == null ? null : cur.uidNext();
        return run("save folder '" + f.path() + "'", c -> {
            Object path = Sql.path(c, f.path());
            if (f.id() != 0 && Sql.update(c, "UPDATE state_folders SET path=?, kind=?, local_id=?, uid_validity=?,"
                    + " highest_modseq=?, uid_next=? WHERE id=? AND account=? AND scope=?", path, f.kind().name(), f.localId(),
                    validity, modseq, next, f.id(), account, scope) > 0) {
                return f;
            }
            if (f.id() != 0) {
                // A row removed meanwhile comes back under its id, as the other stores do.
                Sql.update(c, "INSERT INTO state_folders(id, account, scope, path, kind, local_id, uid_validity,"
                        + " highest_modseq, uid_next) VALUES (?,?,?,?,?,?,?,?,?)", f.id(), account, scope, path,
                        f.kind().name(), f.localId(), validity, modseq, next);
                return f;
            }
            long id = Sql.insertReturningId(c, "INSERT INTO state_folders(account, scope, path, kind, local_id,"
                    + " uid_validity, highest_modseq, uid_next) VALUES (?,?,?,?,?,?,?,?)", account, scope, path,
                    f.kind().name(), f.localId(), validity, modseq, next);
            return new FolderState(id, f.path(), f.kind(), f.localId(), cur);
        });
    }

    @Override
    public synchronized void removeFolder(long folderId) {
        inTransaction(() -> run("remove folder " + folderId, c -> {
            Optional<FolderState> f = folder(folderId);
            if (f.isEmpty()) {
                return null; // no such folder in this scope
            }
            Sql.update(c, "DELETE FROM state_items WHERE folder_id=?", folderId);
            Sql.update(c, "DELETE FROM state_folders WHERE id=?", folderId);
            Sql.update(c, "DELETE FROM state_failures WHERE account=? AND scope=? AND folder=?", account, scope,
                    Sql.path(c, f.get().path()));
            return null;
        }));
    }

    // --- items

    private static ItemState itemRow(ResultSet r) throws SQLException {
        return new ItemState(r.getLong(1), r.getLong(2), r.getString(3), StateText.flags(r.getString(4), r.getString(5)),
                r.getLong(6), r.getString(7), r.getBoolean(8), r.getString(9), r.getString(10));
    }

    @Override
    public List<ItemState> items(long folderId) {
        return run("read the items of folder " + folderId, c -> Sql.query(c, "SELECT " + ITEM_COLS
                + " FROM state_items WHERE folder_id=? AND account=? AND scope=? ORDER BY uid, local_id",
                PostgresStateStore::itemRow, folderId, account, scope));
    }

    @Override
    public Optional<ItemState> itemByUid(long folderId, long uid) {
        return run("read item " + uid + " of folder " + folderId, c -> Sql.queryOne(c, "SELECT " + ITEM_COLS
                + " FROM state_items WHERE folder_id=? AND uid=? AND account=? AND scope=? ORDER BY local_id LIMIT 1",
                PostgresStateStore::itemRow, folderId, uid, account, scope));
    }

    @Override
    public Optional<ItemState> itemByLocalId(String localId) {
        return run("read item '" + localId + "'", c -> Sql.queryOne(c, "SELECT " + ITEM_COLS
                + " FROM state_items WHERE local_id=? AND account=? AND scope=?", PostgresStateStore::itemRow, localId,
                account, scope));
    }

    @Override
    public synchronized void putItem(ItemState i) {
        Objects.requireNonNull(i.localId(), "localId");
        try {
            run("save an item", c -> {
                if (Sql.queryOne(c, "SELECT 1 FROM state_folders WHERE id=? AND account=? AND scope=?", r -> 1,
                        i.folderId(), account, scope).isEmpty()) {
                    throw new SQLException("there is no folder " + i.folderId());
                }
                return Sql.update(c, "INSERT INTO state_items(" + ITEM_COLS + ", account, scope)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (account, scope, local_id) DO UPDATE SET"
                        + " folder_id=EXCLUDED.folder_id, uid=EXCLUDED.uid, flags=EXCLUDED.flags, keywords=EXCLUDED.keywords,"
                        + " size=EXCLUDED.size, message_id=EXCLUDED.message_id, partial=EXCLUDED.partial,"
                        + " object_key=EXCLUDED.object_key, local_version=EXCLUDED.local_version", i.folderId(), i.uid(),
                        i.localId(), StateText.systemFlags(i.flags()), StateText.keywords(i.flags()), i.size(), i.messageId(),
                        i.partial(), i.key(), i.localVersion(), account, scope);
            });
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException cause)) {
                throw e;
            }
            throw new StoreException(where + ": cannot save item '" + i.localId() + "' of folder " + i.folderId() + " ("
                    + cause.getMessage() + ")", cause);
        }
    }

    @Override
    public synchronized void removeItem(String localId) {
        run("remove item '" + localId + "'", c -> Sql.update(c,
                "DELETE FROM state_items WHERE local_id=? AND account=? AND scope=?", localId, account, scope));
    }

    @Override
    public synchronized void removeItems(long folderId) {
        run("remove the items of folder " + folderId, c -> Sql.update(c,
                "DELETE FROM state_items WHERE folder_id=? AND account=? AND scope=?", folderId, account, scope));
    }

    @Override
    public long itemCount() {
        return run("count items", c -> Sql.query(c, "SELECT count(*) FROM state_items WHERE account=? AND scope=?",
                r -> r.getLong(1), account, scope).get(0));
    }

    // --- intents

    @Override
    public synchronized PendingOp addPending(PendingOp op) {
        return run("record a " + op.kind() + " intent", c -> {
            long id = Sql.insertReturningId(c, "INSERT INTO state_pending(account, scope, kind, folder, target, local_id,"
                    + " uid, message_id, size) VALUES (?,?,?,?,?,?,?,?,?)", account, scope, op.kind().name(),
                    Sql.path(c, op.folder()), Sql.path(c, op.target()), op.localId(), op.uid(), op.messageId(), op.size());
            return new PendingOp(id, op.kind(), op.folder(), op.target(), op.localId(), op.uid(), op.messageId(),
                    op.size());
        });
    }

    @Override
    public synchronized void removePending(long id) {
        run("remove intent " + id, c -> Sql.update(c, "DELETE FROM state_pending WHERE id=? AND account=? AND scope=?",
                id, account, scope));
    }

    @Override
    public List<PendingOp> pending() {
        return run("read the intents", c -> Sql.query(c, "SELECT id, kind, folder, target, local_id, uid, message_id,"
                + " size FROM state_pending WHERE account=? AND scope=? ORDER BY id", r -> new PendingOp(r.getLong(1),
                PendingOp.Kind.valueOf(r.getString(2)), Sql.path(r, 3), Sql.path(r, 4), r.getString(5), r.getLong(6),
                r.getString(7), r.getLong(8)), account, scope));
    }

    // --- failures

    private static IgnoredItem failureRow(ResultSet r) throws SQLException {
        return new IgnoredItem(Sql.path(r, 1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                StateText.time(r.getString(6)));
    }

    @Override
    public synchronized IgnoredItem recordFailure(FolderPath folder, String key, String description, String error) {
        String now = StateText.time(clock.now());
        String what = "record a failure of '" + key + "' in '" + folder + "'";
        return run(what, c -> {
            Object f = Sql.path(c, folder);
            return Sql.query(c, "INSERT INTO state_failures(account, scope, folder, item_key, description, failures,"
                    + " last_error, last_failure, seq) VALUES (?,?,?,?,?,1,?,?,nextval('state_failure_seq'))"
                    + " ON CONFLICT (account, scope, folder, item_key) DO UPDATE SET failures=state_failures.failures+1,"
                    + " description=EXCLUDED.description, last_error=EXCLUDED.last_error,"
                    + " last_failure=EXCLUDED.last_failure, seq=EXCLUDED.seq RETURNING " + FAILURE_COLS,
                    PostgresStateStore::failureRow, account, scope, f, key, Sql.text(description), Sql.text(error), now).get(0);
        });
    }

    @Override
    public synchronized void clearFailure(FolderPath folder, String key) {
        run("clear the failures of '" + key + "' in '" + folder + "'", c -> Sql.update(c,
                "DELETE FROM state_failures WHERE account=? AND scope=? AND folder=? AND item_key=?", account, scope,
                Sql.path(c, folder), key));
    }

    @Override
    public synchronized void clearFailures(FolderPath folder) {
        run("clear failures", c -> folder == null
                ? Sql.update(c, "DELETE FROM state_failures WHERE account=? AND scope=?", account, scope)
                : Sql.update(c, "DELETE FROM state_failures WHERE account=? AND scope=? AND folder=?", account, scope,
                Sql.path(c, folder)));
    }

    @Override
    public List<IgnoredItem> failures() {
        return run("read the failures", c -> Sql.query(c, "SELECT " + FAILURE_COLS
                + " FROM state_failures WHERE account=? AND scope=? ORDER BY seq DESC", PostgresStateStore::failureRow,
                account, scope));
    }

    // --- session log

    @Override
    public synchronized void log(SessionEvent e) {
        Objects.requireNonNull(e.time(), "time");
        Objects.requireNonNull(e.level(), "level");
        Objects.requireNonNull(e.message(), "message");
        inTransaction(() -> run("write the session log", c -> {
            Sql.update(c, "INSERT INTO state_log(account, scope, time, level, message, details) VALUES (?,?,?,?,?,?)",
                    account, scope, StateText.time(e.time()), e.level().name(), Sql.text(e.message()), Sql.text(e.details()));
            // The account's rows are not numbered one by one (other accounts share the sequence): keep the last ones.
            Sql.update(c, "DELETE FROM state_log WHERE account=? AND seq < (SELECT seq FROM state_log WHERE account=?"
                    + " ORDER BY seq DESC OFFSET ? LIMIT 1)", account, account, LOG_LIMIT - 1);
            return null;
        }));
    }

    @Override
    public List<SessionEvent> recentEvents(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        return run("read the session log", c -> {
            List<SessionEvent> l = Sql.query(c, "SELECT time, level, message, details, scope FROM state_log"
                    + " WHERE account=? ORDER BY seq DESC LIMIT ?", r -> new SessionEvent(StateText.time(r.getString(1)),
                    SessionEvent.Level.valueOf(r.getString(2)), scoped(r.getString(5), r.getString(3)), r.getString(4)),
                    account, max);
            Collections.reverse(l);
            return l;
        });
    }

    /** A session log line of another scope names its scope. */
    private String scoped(String lineScope, String message) {
        return lineScope.isEmpty() || lineScope.equals(scope) ? message : lineScope + ": " + message;
    }

    // --- values

    @Override
    public Optional<String> value(String key) {
        Objects.requireNonNull(key, "key");
        return run("read value '" + key + "'", c -> Sql.queryOne(c, "SELECT value FROM state_values WHERE account=?"
                + " AND scope=? AND key=?", r -> r.getString(1), account, scope, key));
    }

    @Override
    public synchronized void putValue(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        run("save value '" + key + "'", c -> Sql.update(c, "INSERT INTO state_values(account, scope, key, value)"
                + " VALUES (?,?,?,?) ON CONFLICT (account, scope, key) DO UPDATE SET value=EXCLUDED.value", account, scope,
                key, Sql.text(value)));
    }

    /** Closes this store; the pool stays open for the fleet's other accounts. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (txConnection != null) {
            endTransaction(false);
        }
    }

    @Override
    public String toString() {
        return "PostgresStateStore[" + account + (scope.isEmpty() ? "" : ", scope " + scope) + "]";
    }
}
