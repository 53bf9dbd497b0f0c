package io.icesync.core.internal.state;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The state store in one SQLite file per profile. WAL journal with {@code synchronous=FULL}: each
 * commit is fsynced, so a committed transaction survives a killed process and a power cut; the
 * price is one fsync per commit, which is why the engine commits in groups. Writes, and reads
 * made inside a transaction, go through one connection under the store's lock, so another thread
 * never slips its writes into a transaction in progress. A read from a thread outside the
 * transaction uses a second connection under its own lock: WAL lets it see the last commit without
 * waiting for the transaction (a status shown while a cycle runs).
 */
public final class SqliteSyncStateStore implements SyncStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSyncStateStore.class);

    private final Path file;
    private final String scope;
    private final Clock clock;
    private final Connection db;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final NestedTransactions tx;
    /** Guards {@link #reader} and its statements; never held while waiting for the store's lock. */
    private final Object readLock = new Object();
    private Connection reader;
    private final Map<String, PreparedStatement> readerStatements = new HashMap<>();
    private volatile boolean closed;

    private SqliteSyncStateStore(Path file, String scope, Clock clock, Connection db) {
        this.file = file;
        this.scope = scope;
        this.clock = clock;
        this.db = db;
        this.tx = new NestedTransactions(new NestedTransactions.Backend() {
            @Override
            public void begin() {
                sql("begin a transaction", () -> ps("BEGIN IMMEDIATE").execute());
            }

            @Override
            public void commit() {
                sql("commit", () -> ps("COMMIT").execute());
            }

            @Override
            public void rollback() {
                sql("roll back", () -> ps("ROLLBACK").execute());
            }
        }, "state database " + file);
    }

    /**
     * Opens {@code file}, creating it (and its folder) if missing and migrating an older schema.
     *
     * @throws StoreException if the file is not a SQLite database, is damaged, comes from a newer
     *                        IceSync, or cannot be created or written
     */
    public static SqliteSyncStateStore open(Path file, Clock clock) {
        return open(file, clock, "");
    }

    /**
     * Opens the part of {@code file} that belongs to {@code scope}: a service of the profile whose
     * folders, items, intents, failures and values are kept apart from the other services' in the same
     * file ({@code ""} is the default scope). The session log is shared: every scope reads all of it.
     *
     * @throws IllegalArgumentException if the scope is not "" or 1 to 32 of {@code a-z 0-9 -}
     */
    public static SqliteSyncStateStore open(Path file, Clock clock, String scope) {
        checkScope(scope);
        Path abs = file.toAbsolutePath();
        return new SqliteSyncStateStore(abs, scope, clock, connect(abs));
    }

    /**
     * A connection to the state database {@code file}, created if missing, checked and migrated to the
     * latest schema, with the journal and durability every writer of the file uses (WAL,
     * {@code synchronous=FULL}): for stores of the profile that keep their own tables in the file.
     *
     * @throws StoreException as {@link #open(Path, Clock)}
     */
    public static Connection connect(Path file) {
        Path abs = file.toAbsolutePath();
        Connection db;
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            // Waiting on a lock beats failing at once if another process briefly holds the file.
            config.setBusyTimeout(5_000);
            db = config.createConnection("jdbc:sqlite:" + abs);
        } catch (Exception e) {
            throw new StoreException("cannot open the state database " + abs + " (" + e.getMessage() + ")", e);
        }
        try {
            prepare(abs, db);
        } catch (SQLException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            if (notADatabase(e)) {
                throw new StoreException("the state database " + abs + " cannot be used: it is not an IceSync state"
                        + " database or it is damaged (" + e.getMessage() + ")", e);
            }
            throw new StoreException("cannot open the state database " + abs + " (" + e.getMessage() + ")", e);
        }
        return db;
    }

    static void checkScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        if (!scope.matches("|[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("a state scope is empty or 1 to 32 of a-z, 0-9 and '-', got '" + scope + "'");
        }
    }

    /** A session log line of another scope names its scope. */
    private String scoped(String lineScope, String message) {
        return lineScope.isEmpty() || lineScope.equals(scope) ? message : lineScope + ": " + message;
    }

    /** Checks the file, sets the journal, and brings the schema up to date. */
    private static void prepare(Path file, Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            // Read-only first: a garbage file or one from a newer IceSync must be left as it was.
            int found = userVersion(s);
            refuseNewer(file, found);
            // Reads every page (a few ms per 10,000 items): damage shows here, not in the middle of a sync.
            try (ResultSet r = s.executeQuery("PRAGMA quick_check(1)")) {
                String verdict = r.next() ? r.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new StoreException("the state database " + file + " is damaged (" + verdict + ")", null);
                }
            }
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = r.next() ? r.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    LOG.warn("state database {}: journal mode is '{}', not WAL (file system without shared memory?)",
                            file, mode);
                }
            }
            s.execute("PRAGMA synchronous=FULL");
            // BEGIN IMMEDIATE takes the write lock before reading the version: two processes opening
            // a new file at once migrate it once.
            s.execute("BEGIN IMMEDIATE");
            try {
                int from = userVersion(s);
                refuseNewer(file, from);
                if (from < Schema.latest()) {
                    LOG.info("state database {}: migrating schema {} to {}", file, from, Schema.latest());
                    for (int v = from; v < Schema.latest(); v++) {
                        Schema.MIGRATIONS.get(v).apply(db);
                    }
                    s.execute("PRAGMA user_version=" + Schema.latest());
                    try (ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
                        if (r.next()) {
                            throw new StoreException("state database " + file + ": migration to schema "
                                    + Schema.latest() + " left an item row without its folder", null);
                        }
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            // Not settable inside a transaction, and off during migrations (tables are rebuilt).
            s.execute("PRAGMA foreign_keys=ON");
            LOG.debug("state database {} open (schema {})", file, Schema.latest());
        }
    }

    /** SQLITE_NOTADB or SQLITE_CORRUPT, as opposed to a file that cannot be read or written at all. */
    private static boolean notADatabase(Exception e) {
        if (e instanceof SQLiteException x) {
            int primary = x.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code;
        }
        return false;
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }

    private static void refuseNewer(Path file, int found) {
        if (found > Schema.latest()) {
            throw new StoreException("the state database " + file + " has schema version " + found
                    + ", newer than the version this IceSync knows (" + Schema.latest()
                    + "): it was written by a newer IceSync; use that version or newer", null);
        }
    }

    // --- plumbing

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new StoreException("state database " + file + ": cannot " + what + ", the store is closed", null);
        }
    }

    private <T> T sql(String what, Sql<T> body) {
        checkOpen(what);
        try {
            return body.run();
        } catch (SQLException e) {
            throw new StoreException("state database " + file + ": cannot " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** A statement on the writing connection when this thread holds the store's lock, else on the reader. */
    private PreparedStatement ps(String sql) throws SQLException {
        boolean writing = Thread.holdsLock(this);
        Map<String, PreparedStatement> cache = writing ? statements : readerStatements;
        PreparedStatement p = cache.get(sql);
        if (p == null) {
            Connection c = writing ? db : reader();
            p = sql.startsWith("INSERT INTO") ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : c.prepareStatement(sql);
            cache.put(sql, p);
        }
        return p;
    }

    /** The reading connection, opened at the first read from outside the store's lock. */
    private Connection reader() throws SQLException {
        if (!Thread.holdsLock(readLock)) {
            throw new IllegalStateException("a read outside the store's lock must hold the read lock");
        }
        if (reader == null) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(5_000);
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=true");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            reader = c;
        }
        return reader;
    }

    /**
     * A read: on the writing connection when this thread is inside the store's lock (it must see its own
     * transaction), else on the reader, which does not wait for another thread's transaction.
     */
    private <T> T read(String what, Sql<T> body) {
        if (Thread.holdsLock(this)) {
            return sql(what, body);
        }
        synchronized (readLock) {
            return sql(what, body);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        PreparedStatement p = ps(sql);
        bind(p, args);
        return p.executeUpdate();
    }

    /** Runs an INSERT and returns the id SQLite gave the new row. */
    private long insert(String sql, Object... args) throws SQLException {
        PreparedStatement p = ps(sql);
        bind(p, args);
        p.executeUpdate();
        try (ResultSet k = p.getGeneratedKeys()) {
            if (!k.next()) {
                throw new SQLException("no id returned for the new row");
            }
            return k.getLong(1);
        }
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

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
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

    private <T> Optional<T> queryOne(String sql, RowMapper<T> m, Object... args) throws SQLException {
        List<T> l = query(sql, m, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        checkOpen("begin a transaction");
        tx.run(work);
    }

    // --- folders

    private static final String FOLDER_COLS = "id, path, kind, local_id, uid_validity, highest_modseq, uid_next";

    private static FolderState folderRow(ResultSet r) throws SQLException {
        long validity = r.getLong(5);
        RemoteCursor c = r.wasNull() ? null : new RemoteCursor(validity, r.getLong(6), r.getLong(7));
        return new FolderState(r.getLong(1), Codec.path(r.getString(2)), FolderKind.valueOf(r.getString(3)),
                r.getString(4), c);
    }

    @Override
    public List<FolderState> folders() {
        return read("read the folders", () -> {
            List<FolderState> l = query("SELECT " + FOLDER_COLS + " FROM folders WHERE scope=?", SqliteSyncStateStore::folderRow,
                    scope);
            l.sort(Comparator.comparing(FolderState::path));
            return l;
        });
    }

    @Override
    public Optional<FolderState> folder(long id) {
        return read("read folder " + id, () -> queryOne("SELECT " + FOLDER_COLS + " FROM folders WHERE id=? AND scope=?",
                SqliteSyncStateStore::folderRow, id, scope));
    }

    @Override
    public Optional<FolderState> folderByPath(FolderPath path) {
        String p = Codec.path(path);
        return read("read folder '" + path + "'", () -> queryOne("SELECT " + FOLDER_COLS
                + " FROM folders WHERE path=? AND scope=?", SqliteSyncStateStore::folderRow, p, scope));
    }

    @Override
    public synchronized FolderState putFolder(FolderState f) {
        String path = Codec.path(f.path());
        RemoteCursor c = f.cursor();
        Object validity = c == null ? null : c.uidValidity();
        Object modseq = c == null ? null : c.highestModSeq();
        Object next = c == null ? null : c.uidNext();
        return sql("save folder '" + f.path() + "'", () -> {
            if (f.id() != 0 && update("UPDATE folders SET path=?, kind=?, local_id=?, uid_validity=?, highest_modseq=?,"
                    + " uid_next=? WHERE id=? AND scope=?", path, f.kind().name(), f.localId(), validity, modseq, next, f.id(),
                    scope) > 0) {
                return f;
            }
            if (f.id() != 0) {
                // A row removed meanwhile comes back under its id, as the in-memory store does.
                update("INSERT INTO folders(id, scope, path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                        + " VALUES (?,?,?,?,?,?,?,?)", f.id(), scope, path, f.kind().name(), f.localId(), validity, modseq, next);
                return f;
            }
            long id = insert("INSERT INTO folders(scope, path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                    + " VALUES (?,?,?,?,?,?,?)", scope, path, f.kind().name(), f.localId(), validity, modseq, next);
            return new FolderState(id, f.path(), f.kind(), f.localId(), c);
        });
    }

    @Override
    public synchronized void removeFolder(long folderId) {
        inTransaction(() -> sql("remove folder " + folderId, () -> {
            Optional<FolderState> f = folder(folderId);
            if (f.isEmpty()) {
                return null; // no such folder in this scope
            }
            update("DELETE FROM items WHERE folder_id=?", folderId);
            update("DELETE FROM folders WHERE id=?", folderId);
            update("DELETE FROM failures WHERE scope=? AND folder=?", scope, Codec.path(f.get().path()));
            return null;
        }));
    }

    // --- items

    private static final String ITEM_COLS = "folder_id, uid, local_id, flags, keywords, size, message_id, partial,"
            + " object_key, local_version";

    private static ItemState itemRow(ResultSet r) throws SQLException {
        return new ItemState(r.getLong(1), r.getLong(2), r.getString(3), Codec.flags(r.getString(4), r.getString(5)),
                r.getLong(6), r.getString(7), r.getInt(8) != 0, r.getString(9), r.getString(10));
    }

    @Override
    public List<ItemState> items(long folderId) {
        return read("read the items of folder " + folderId, () -> query("SELECT " + ITEM_COLS
                + " FROM items WHERE folder_id=? AND scope=? ORDER BY uid, local_id", SqliteSyncStateStore::itemRow, folderId,
                scope));
    }

    @Override
    public Optional<ItemState> itemByUid(long folderId, long uid) {
        return read("read item " + uid + " of folder " + folderId, () -> queryOne("SELECT " + ITEM_COLS
                // Without the hint SQLite walks the primary key (scope, local_id) for the ORDER BY: every row of the scope.
                + " FROM items INDEXED BY items_by_folder WHERE folder_id=? AND uid=? AND scope=? ORDER BY local_id LIMIT 1",
                SqliteSyncStateStore::itemRow,
                folderId, uid, scope));
    }

    @Override
    public Optional<ItemState> itemByLocalId(String localId) {
        return read("read item '" + localId + "'", () -> queryOne("SELECT " + ITEM_COLS
                + " FROM items WHERE local_id=? AND scope=?", SqliteSyncStateStore::itemRow, localId, scope));
    }

    @Override
    public synchronized void putItem(ItemState i) {
        Objects.requireNonNull(i.localId(), "localId");
        // The message is built only on failure: this runs thousands of times per transaction.
        try {
            sql("save an item", () -> update("INSERT OR REPLACE INTO items(" + ITEM_COLS + ", scope)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", i.folderId(), i.uid(), i.localId(), Codec.systemFlags(i.flags()), Codec.keywords(i.flags()),
                    i.size(), i.messageId(), i.partial(), i.key(), i.localVersion(), scope));
        } catch (StoreException e) {
            if (folderMissing(i.folderId())) {
                throw new StoreException("state database " + file + ": cannot save item '" + i.localId()
                        + "': there is no folder " + i.folderId(), e);
            }
            throw e;
        }
    }

    private boolean folderMissing(long folderId) {
        try {
            return folder(folderId).isEmpty();
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public synchronized void removeItem(String localId) {
        sql("remove item '" + localId + "'", () -> update("DELETE FROM items WHERE local_id=? AND scope=?", localId,
                scope));
    }

    @Override
    public synchronized void removeItems(long folderId) {
        sql("remove the items of folder " + folderId, () -> update("DELETE FROM items WHERE folder_id=? AND scope=?",
                folderId, scope));
    }

    @Override
    public long itemCount() {
        return read("count items", () -> query("SELECT count(*) FROM items WHERE scope=?", r -> r.getLong(1),
                scope).get(0));
    }

    // --- intents

    @Override
    public synchronized PendingOp addPending(PendingOp op) {
        return sql("record a " + op.kind() + " intent", () -> {
            long id = insert("INSERT INTO pending(scope, kind, folder, target, local_id, uid, message_id, size)"
                    + " VALUES (?,?,?,?,?,?,?,?)", scope, op.kind().name(), Codec.path(op.folder()),
                    op.target() == null ? null : Codec.path(op.target()), op.localId(), op.uid(), op.messageId(),
                    op.size());
            return new PendingOp(id, op.kind(), op.folder(), op.target(), op.localId(), op.uid(), op.messageId(),
                    op.size());
        });
    }

    @Override
    public synchronized void removePending(long id) {
        sql("remove intent " + id, () -> update("DELETE FROM pending WHERE id=? AND scope=?", id, scope));
    }

    @Override
    public List<PendingOp> pending() {
        return read("read the intents", () -> query("SELECT id, kind, folder, target, local_id, uid, message_id, size"
                + " FROM pending WHERE scope=? ORDER BY id", r -> new PendingOp(r.getLong(1), PendingOp.Kind.valueOf(r.getString(2)),
                Codec.path(r.getString(3)), Codec.path(r.getString(4)), r.getString(5), r.getLong(6), r.getString(7),
                r.getLong(8)), scope));
    }

    // --- failures

    private static final String FAILURE_COLS = "folder, item_key, description, failures, last_error, last_failure";

    private static IgnoredItem failureRow(ResultSet r) throws SQLException {
        return new IgnoredItem(Codec.path(r.getString(1)), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                Codec.time(r.getString(6)));
    }

    @Override
    public synchronized IgnoredItem recordFailure(FolderPath folder, String key, String description, String error) {
        String f = Codec.path(folder);
        String now = Codec.time(clock.now());
        String what = "record a failure of '" + key + "' in '" + folder + "'";
        inTransaction(() -> sql(what, () -> {
            long seq = query("SELECT coalesce(max(seq), 0) + 1 FROM failures", r -> r.getLong(1)).get(0);
            if (update("UPDATE failures SET failures=failures+1, description=?, last_error=?, last_failure=?, seq=?"
                    + " WHERE scope=? AND folder=? AND item_key=?", description, error, now, seq, scope, f, key) == 0) {
                update("INSERT INTO failures(" + FAILURE_COLS + ", seq, scope) VALUES (?,?,?,1,?,?,?,?)", f, key,
                        description, error, now, seq, scope);
            }
            return null;
        }));
        return sql(what, () -> query("SELECT " + FAILURE_COLS + " FROM failures WHERE scope=? AND folder=? AND item_key=?",
                SqliteSyncStateStore::failureRow, scope, f, key).get(0));
    }

    @Override
    public synchronized void clearFailure(FolderPath folder, String key) {
        sql("clear the failures of '" + key + "' in '" + folder + "'",
                () -> update("DELETE FROM failures WHERE scope=? AND folder=? AND item_key=?", scope, Codec.path(folder),
                        key));
    }

    @Override
    public synchronized void clearFailures(FolderPath folder) {
        sql("clear failures", () -> folder == null ? update("DELETE FROM failures WHERE scope=?", scope)
                : update("DELETE FROM failures WHERE scope=? AND folder=?", scope, Codec.path(folder)));
    }

    @Override
    public List<IgnoredItem> failures() {
        return read("read the failures", () -> query("SELECT " + FAILURE_COLS + " FROM failures WHERE scope=? ORDER BY seq DESC",
                SqliteSyncStateStore::failureRow, scope));
    }

    // --- session log

    @Override
    public synchronized void log(SessionEvent e) {
        Objects.requireNonNull(e.time(), "time");
        Objects.requireNonNull(e.level(), "level");
        Objects.requireNonNull(e.message(), "message");
        inTransaction(() -> sql("write the session log", () -> {
            update("INSERT INTO session_log(scope, time, level, message, details) VALUES (?,?,?,?,?)",
                    scope, Codec.time(e.time()), e.level().name(), e.message(), e.details());
            // Trim on insert: seq grows by one per event (AUTOINCREMENT), so this keeps exactly the last ones.
            update("DELETE FROM session_log WHERE seq <= (SELECT max(seq) FROM session_log) - ?",
                    (long) InMemorySyncStateStore.LOG_LIMIT);
            return null;
        }));
    }

    @Override
    public List<SessionEvent> recentEvents(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        return read("read the session log", () -> {
            List<SessionEvent> l = query("SELECT time, level, message, details, scope FROM session_log ORDER BY seq DESC"
                    + " LIMIT ?", r -> new SessionEvent(Codec.time(r.getString(1)), SessionEvent.Level.valueOf(r.getString(2)),
                            scoped(r.getString(5), r.getString(3)), r.getString(4)), max);
            Collections.reverse(l);
            return l;
        });
    }

    // --- values

    @Override
    public Optional<String> value(String key) {
        Objects.requireNonNull(key, "key");
        return read("read value '" + key + "'", () -> queryOne("SELECT value FROM kv WHERE scope=? AND key=?", r -> r.getString(1),
                scope, key));
    }

    @Override
    public synchronized void putValue(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        sql("save value '" + key + "'", () -> update("INSERT OR REPLACE INTO kv(scope, key, value) VALUES (?,?,?)", scope,
                key, value));
    }

    // --- rights and shares (F8)

    @Override
    public boolean keepsSharing() {
        return true;
    }

    @Override
    public List<io.icesync.core.spi.FolderAccess> folderAccess() {
        return read("read the folder rights", () -> query(
                "SELECT path, my_rights, acl, inherits FROM folder_access WHERE scope=? ORDER BY path",
                r -> new io.icesync.core.spi.FolderAccess(Codec.path(r.getString(1)), r.getString(2),
                        Codec.acl(r.getString(3)), r.getInt(4) != 0), scope));
    }

    @Override
    public synchronized void putFolderAccess(io.icesync.core.spi.FolderAccess a) {
        sql("save the rights of '" + a.path() + "'", () -> update(
                "INSERT OR REPLACE INTO folder_access(scope, path, my_rights, acl, inherits) VALUES (?,?,?,?,?)",
                scope, Codec.path(a.path()), a.myRights(), Codec.acl(a.acl()), a.inherits() ? 1 : 0));
    }

    @Override
    public synchronized void removeFolderAccess(FolderPath path) {
        sql("forget the rights of '" + path + "'", () -> update("DELETE FROM folder_access WHERE scope=? AND path=?",
                scope, Codec.path(path)));
    }

    @Override
    public List<io.icesync.core.spi.ShareState> shares() {
        return read("read the shares", () -> query(
                "SELECT path, owner, rights, status FROM shares WHERE scope=? ORDER BY path",
                r -> new io.icesync.core.spi.ShareState(Codec.path(r.getString(1)), r.getString(2), r.getString(3),
                        io.icesync.core.spi.ShareState.Status.valueOf(r.getString(4))), scope));
    }

    @Override
    public synchronized void putShare(io.icesync.core.spi.ShareState s) {
        sql("save the share '" + s.path() + "'", () -> update(
                "INSERT OR REPLACE INTO shares(scope, path, owner, rights, status) VALUES (?,?,?,?,?)",
                scope, Codec.path(s.path()), s.owner(), s.rights(), s.status().name()));
    }

    @Override
    public synchronized void removeShare(FolderPath path) {
        sql("forget the share '" + path + "'", () -> update("DELETE FROM shares WHERE scope=? AND path=?",
                scope, Codec.path(path)));
    }

    @Override
    public Map<String, String> accountGrants() {
        return read("read the account grants", () -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            query("SELECT identifier, rights FROM account_grants WHERE scope=? ORDER BY identifier",
                    r -> out.put(r.getString(1), r.getString(2)), scope);
            return out;
        });
    }

    @Override
    public synchronized void putAccountGrant(String identifier, String letters) {
        sql("save the account grant of '" + identifier + "'", () -> letters == null
                ? update("DELETE FROM account_grants WHERE scope=? AND identifier=?", scope, identifier)
                : update("INSERT OR REPLACE INTO account_grants(scope, identifier, rights) VALUES (?,?,?)",
                scope, identifier, letters));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (tx.active()) {
            LOG.warn("state database {} closed inside a transaction: its work is rolled back", file);
        }
        closed = true;
        for (PreparedStatement p : statements.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            db.close();
        } catch (SQLException e) {
            LOG.warn("state database {}: close failed ({})", file, e.getMessage());
        }
        synchronized (readLock) {
            readerStatements.clear();
            if (reader != null) {
                try {
                    reader.close();
                } catch (SQLException e) {
                    // closing anyway
                }
                reader = null;
            }
        }
    }

    @Override
    public String toString() {
        return "SqliteSyncStateStore[" + file + (scope.isEmpty() ? "" : ", scope " + scope) + "]";
    }
}
