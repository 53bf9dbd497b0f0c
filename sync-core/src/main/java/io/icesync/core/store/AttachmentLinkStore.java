package io.icesync.core.store;

import io.icesync.core.StoreException;
import io.icesync.core.internal.state.SqliteSyncStateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The attachment links found in a profile's synced items (SmartAttach links of mail, {@code ATTACH}
 * URLs of events), kept in the profile's state file beside the sync state: one row per link of an
 * item, and a mark for every item already scanned (so that a rescan finds nothing new to add). Each
 * change is one committed transaction of the file (WAL, {@code synchronous=FULL}): after a kill the
 * table holds what was committed, never half an item. Methods are synchronized: one connection.
 */
public final class AttachmentLinkStore implements AutoCloseable {
    /** Where a link is. */
    public enum State {
        /** Recorded, not fetched yet. */
        NOT_FETCHED,
        /** Fetched; {@link Row#file()} says where. */
        FETCHED,
        /** The last fetch failed; {@link Row#error()} says why. */
        FAILED
    }

    /**
     * One recorded link.
     *
     * @param id       short and stable: derived from the scope, the item and the URL
     * @param scope    the state scope of the service that synced the item ("" for mail)
     * @param folder   the item's folder path, as {@link io.icesync.core.FolderPath#escaped()} writes it
     * @param localId  the item's id in its local store
     * @param item     the Message-ID of a message or the UID of an event, or null
     * @param title    the subject or summary, or null
     * @param url      where the file is
     * @param fileName the file name the item gives
     * @param size     bytes, or -1 when the item does not say
     * @param sha256   the content's SHA-256 (lower-case hex), or null when the item does not say
     * @param state    fetched or not, or failed
     * @param error    why the last fetch failed, or null
     * @param file     where it was fetched to, relative to the profile folder, or null
     */
    public record Row(String id, String scope, String folder, String localId, String item, String title, String url,
                      String fileName, long size, String sha256, State state, String error, String file) {
        /**
         * Checks that the required components are present.
         *
         * @param id short and stable: derived from the scope, the item and the URL; not null
         * @param scope the state scope of the service that synced the item; not null
         * @param folder the item's escaped folder path; not null
         * @param localId the item's id in its local store; not null
         * @param item the Message-ID or event UID, or null
         * @param title the subject or summary, or null
         * @param url where the file is; not null
         * @param fileName the file name the item gives; not null
         * @param size bytes, or -1 when unknown
         * @param sha256 lower-case hex SHA-256, or null
         * @param state fetched or not, or failed; not null
         * @param error why the last fetch failed, or null
         * @param file where it was fetched to, relative to the profile folder, or null
         * @throws NullPointerException if a required component is null
         */
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(localId, "localId");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(state, "state");
        }
    }

    private static final String COLUMNS = "id, scope, folder, local_id, item, title, url, file_name, size, sha256,"
            + " state, error, file";

    private final Path file;
    private final Connection db;

    private AttachmentLinkStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens the table in a profile's state file (created and migrated if needed).
     *
     * @param stateFile the profile's SQLite state file, created if missing
     * @return the open store; close it when done
     * @throws StoreException if the file cannot be opened or migrated
     * @throws io.icesync.core.MissingDependencyException if {@code org.xerial:sqlite-jdbc} is not on the class path
     */
    public static AttachmentLinkStore open(Path stateFile) {
        io.icesync.core.internal.OptionalLibraries.requireSqlite("the attachment links in " + stateFile);
        return new AttachmentLinkStore(stateFile.toAbsolutePath(), SqliteSyncStateStore.connect(stateFile));
    }

    /**
     * The local ids of the items of {@code scope} already scanned.
     *
     * @param scope the state scope, "" for mail
     * @return a new mutable set of local ids, possibly empty
     * @throws StoreException if the file cannot be read
     */
    public synchronized Set<String> scanned(String scope) {
        return sql("read the scanned items", () -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement p = db.prepareStatement("SELECT local_id FROM attachment_scans WHERE scope = ?")) {
                p.setString(1, scope);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Records the links of one item, in one transaction: rows already there (same id) keep their state;
     * with {@code complete}, the item is marked scanned (an item known only by its headers is not).
     *
     * @param scope the state scope, "" for mail
     * @param localId the item's id in its local store
     * @param links the links found in it, possibly empty
     * @param complete true if the whole item was read, so that it counts as scanned
     * @throws StoreException if the transaction fails; nothing is recorded then
     */
    public synchronized void record(String scope, String localId, List<Row> links, boolean complete) {
        recordAll(scope, List.of(new Scan(localId, links, complete)));
    }

    /**
     * What the scan of one item found: its links, and whether it now counts as scanned.
     *
     * @param localId the item's id in its local store
     * @param links the links found in it, possibly empty
     * @param complete true if the whole item was read, so that it counts as scanned
     */
    public record Scan(String localId, List<Row> links, boolean complete) {
    }

    /**
     * Records the scans of several items in one transaction (one fsync for a whole batch).
     *
     * @param scope the state scope, "" for mail
     * @param scans the scans to record; an empty list does nothing
     * @throws StoreException if the transaction fails; nothing is recorded then
     */
    public synchronized void recordAll(String scope, List<Scan> scans) {
        if (scans.isEmpty()) {
            return;
        }
        inTransaction("record the links of " + scans.size() + " items", () -> {
            try (PreparedStatement links = db.prepareStatement("INSERT OR IGNORE INTO attachment_links (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement marks = db.prepareStatement(
                         "INSERT OR IGNORE INTO attachment_scans (scope, local_id) VALUES (?, ?)")) {
                for (Scan sc : scans) {
                    for (Row r : sc.links()) {
                        bind(links, r);
                        links.executeUpdate();
                    }
                    if (sc.complete()) {
                        marks.setString(1, scope);
                        marks.setString(2, sc.localId());
                        marks.executeUpdate();
                    }
                }
            }
        });
    }

    /**
     * Drops the links and the scan mark of an item that is gone (files already fetched stay on disk).
     *
     * @param scope the state scope, "" for mail
     * @param localId the item's id in its local store
     * @throws StoreException if the transaction fails
     */
    public synchronized void forget(String scope, String localId) {
        inTransaction("forget the links of item " + localId, () -> {
            for (String table : List.of("attachment_links", "attachment_scans")) {
                try (PreparedStatement p = db.prepareStatement("DELETE FROM " + table
                        + " WHERE scope = ? AND local_id = ?")) {
                    p.setString(1, scope);
                    p.setString(2, localId);
                    p.executeUpdate();
                }
            }
        });
    }

    /**
     * Every link, by folder, item and file name.
     *
     * @return a new list of every row, possibly empty
     * @throws StoreException if the file cannot be read
     */
    public synchronized List<Row> all() {
        return query("SELECT " + COLUMNS + " FROM attachment_links ORDER BY folder, local_id, file_name, id");
    }

    /**
     * The links of one item.
     *
     * @param scope the state scope, "" for mail
     * @param localId the item's id in its local store
     * @return its rows by file name, possibly empty
     * @throws StoreException if the file cannot be read
     */
    public synchronized List<Row> ofItem(String scope, String localId) {
        return query("SELECT " + COLUMNS + " FROM attachment_links WHERE scope = ? AND local_id = ?"
                + " ORDER BY file_name, id", scope, localId);
    }

    /**
     * The link with the given {@link Row#id()}.
     *
     * @param id the link's id
     * @return the row, or empty if there is none
     * @throws StoreException if the file cannot be read
     */
    public synchronized Optional<Row> byId(String id) {
        return query("SELECT " + COLUMNS + " FROM attachment_links WHERE id = ?", id).stream().findFirst();
    }

    /**
     * Records the outcome of a fetch: the file (relative to the profile folder), or the reason it failed.
     *
     * @param id the link's id; an unknown id changes nothing
     * @param state the new state; not null
     * @param error why the fetch failed, or null
     * @param fetchedFile the file, relative to the profile folder, or null
     * @throws StoreException if the transaction fails
     */
    public synchronized void update(String id, State state, String error, String fetchedFile) {
        inTransaction("record the fetch of " + id, () -> {
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE attachment_links SET state = ?, error = ?, file = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setString(2, error);
                p.setString(3, fetchedFile);
                p.setString(4, id);
                p.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("state database " + file + ": cannot close (" + e.getMessage() + ")", e);
        }
    }

    private static void bind(PreparedStatement p, Row r) throws SQLException {
        p.setString(1, r.id());
        p.setString(2, r.scope());
        p.setString(3, r.folder());
        p.setString(4, r.localId());
        p.setString(5, r.item());
        p.setString(6, r.title());
        p.setString(7, r.url());
        p.setString(8, r.fileName());
        p.setLong(9, r.size());
        p.setString(10, r.sha256());
        p.setString(11, r.state().name());
        p.setString(12, r.error());
        p.setString(13, r.file());
    }

    private List<Row> query(String select, String... args) {
        return sql("read the attachment links", () -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(select)) {
                for (int i = 0; i < args.length; i++) {
                    p.setString(i + 1, args[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8), r.getLong(9), r.getString(10),
                                State.valueOf(r.getString(11)), r.getString(12), r.getString(13)));
                    }
                }
            }
            return rows;
        });
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        sql(what, () -> {
            try (var s = db.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try {
                work.run();
                try (var s = db.createStatement()) {
                    s.execute("COMMIT");
                }
            } catch (SQLException | RuntimeException e) {
                try (var s = db.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException x) {
                    e.addSuppressed(x);
                }
                throw e;
            }
            return null;
        });
    }

    private <T> T sql(String what, Sql<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new StoreException("state database " + file + ": cannot " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
