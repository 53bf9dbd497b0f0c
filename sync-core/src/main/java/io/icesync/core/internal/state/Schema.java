package io.icesync.core.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The state database's schema as an ordered list of migrations. {@code PRAGMA user_version} counts
 * those applied; a file is brought to {@link #latest()} at open, all steps in one transaction.
 * A released step is never edited (files of that version exist): a change is a new step.
 */
final class Schema {
    /** One step from version {@code n} to {@code n + 1}; runs inside the migration transaction. */
    @FunctionalInterface
    interface Migration {
        void apply(Connection db) throws SQLException;
    }

    static final List<Migration> MIGRATIONS = List.of(Schema::v1, Schema::v2, Schema::v3, Schema::v4,
            Schema::v5, Schema::v6);

    private Schema() {
    }

    static int latest() {
        return MIGRATIONS.size();
    }

    /** Schema 1, as the first state files were written. */
    private static void v1(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE folders (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
                        + " local_id TEXT, uid_validity INTEGER, highest_modseq INTEGER, uid_next INTEGER)",
                "CREATE TABLE items (local_id TEXT PRIMARY KEY, folder_id INTEGER NOT NULL, uid INTEGER NOT NULL,"
                        + " flags TEXT NOT NULL, size INTEGER NOT NULL, message_id TEXT, partial INTEGER NOT NULL)",
                "CREATE INDEX items_by_folder ON items(folder_id, uid)",
                "CREATE TABLE pending (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, folder TEXT NOT NULL, target TEXT,"
                        + " local_id TEXT, uid INTEGER NOT NULL, message_id TEXT, size INTEGER NOT NULL)",
                "CREATE TABLE failures (folder TEXT NOT NULL, item_key TEXT NOT NULL, description TEXT,"
                        + " failures INTEGER NOT NULL, last_error TEXT, last_failure INTEGER NOT NULL,"
                        + " seq INTEGER NOT NULL, PRIMARY KEY (folder, item_key))",
                "CREATE TABLE session_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL,"
                        + " level TEXT NOT NULL, message TEXT NOT NULL, details TEXT)",
                "CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }

    /**
     * Schema 2: keywords in a column of their own; folder and intent ids never reused (a stale id
     * must not reach another folder); an item row cannot point at a missing folder; times kept
     * exactly as ISO-8601 text instead of milliseconds.
     */
    private static void v2(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE folders_v2 (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE,"
                        + " kind TEXT NOT NULL, local_id TEXT, uid_validity INTEGER, highest_modseq INTEGER,"
                        + " uid_next INTEGER)",
                "INSERT INTO folders_v2 (id, path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                        + " SELECT id, path, kind, local_id, uid_validity, highest_modseq, uid_next FROM folders",
                "DROP TABLE folders",
                "ALTER TABLE folders_v2 RENAME TO folders",

                "CREATE TABLE items_v2 (local_id TEXT NOT NULL PRIMARY KEY,"
                        + " folder_id INTEGER NOT NULL REFERENCES folders(id), uid INTEGER NOT NULL,"
                        + " flags TEXT NOT NULL, keywords TEXT NOT NULL, size INTEGER NOT NULL, message_id TEXT,"
                        + " partial INTEGER NOT NULL)",

                "CREATE TABLE pending_v2 (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                        + " folder TEXT NOT NULL, target TEXT, local_id TEXT, uid INTEGER NOT NULL, message_id TEXT,"
                        + " size INTEGER NOT NULL)",
                "INSERT INTO pending_v2 (id, kind, folder, target, local_id, uid, message_id, size)"
                        + " SELECT id, kind, folder, target, local_id, uid, message_id, size FROM pending",
                "DROP TABLE pending",
                "ALTER TABLE pending_v2 RENAME TO pending",

                "CREATE TABLE failures_v2 (folder TEXT NOT NULL, item_key TEXT NOT NULL, description TEXT,"
                        + " failures INTEGER NOT NULL, last_error TEXT, last_failure TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL, PRIMARY KEY (folder, item_key))",
                "CREATE TABLE session_log_v2 (seq INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
                        + " level TEXT NOT NULL, message TEXT NOT NULL, details TEXT)");

        // Rows of items whose folder row is gone could never be listed; they are left behind here.
        copy(db, "SELECT local_id, folder_id, uid, flags, size, message_id, partial FROM items"
                        + " WHERE folder_id IN (SELECT id FROM folders)",
                "INSERT INTO items_v2 (local_id, folder_id, uid, flags, keywords, size, message_id, partial)"
                        + " VALUES (?,?,?,?,?,?,?,?)",
                (r, p) -> {
                    var flags = Codec.legacyFlags(r.getString(4));
                    p.setString(1, r.getString(1));
                    p.setLong(2, r.getLong(2));
                    p.setLong(3, r.getLong(3));
                    p.setString(4, Codec.systemFlags(flags));
                    p.setString(5, Codec.keywords(flags));
                    p.setLong(6, r.getLong(5));
                    p.setString(7, r.getString(6));
                    p.setInt(8, r.getInt(7));
                });
        copy(db, "SELECT folder, item_key, description, failures, last_error, last_failure, seq FROM failures",
                "INSERT INTO failures_v2 (folder, item_key, description, failures, last_error, last_failure, seq)"
                        + " VALUES (?,?,?,?,?,?,?)",
                (r, p) -> {
                    p.setString(1, r.getString(1));
                    p.setString(2, r.getString(2));
                    p.setString(3, r.getString(3));
                    p.setInt(4, r.getInt(4));
                    p.setString(5, r.getString(5));
                    p.setString(6, Codec.time(Instant.ofEpochMilli(r.getLong(6))));
                    p.setLong(7, r.getLong(7));
                });
        copy(db, "SELECT seq, time, level, message, details FROM session_log",
                "INSERT INTO session_log_v2 (seq, time, level, message, details) VALUES (?,?,?,?,?)",
                (r, p) -> {
                    p.setLong(1, r.getLong(1));
                    p.setString(2, Codec.time(Instant.ofEpochMilli(r.getLong(2))));
                    p.setString(3, r.getString(3));
                    p.setString(4, r.getString(4));
                    p.setString(5, r.getString(5));
                });
        exec(db,
                "DROP TABLE items",
                "ALTER TABLE items_v2 RENAME TO items",
                "CREATE INDEX items_by_folder ON items(folder_id, uid)",
                "DROP TABLE failures",
                "ALTER TABLE failures_v2 RENAME TO failures",
                "DROP TABLE session_log",
                "ALTER TABLE session_log_v2 RENAME TO session_log");
    }

    /** Schema 3: items whose content changes keep their object key and the local version last synced. */
    private static void v3(Connection db) throws SQLException {
        exec(db,
                "ALTER TABLE items ADD COLUMN object_key TEXT",
                "ALTER TABLE items ADD COLUMN local_version TEXT");
    }

    /**
     * Schema 4: one file holds the state of several services of a profile (mail over IMAP, groupware
     * over CalDAV/CardDAV, documents over WebDAV), each in a scope of its own: folder paths, item ids,
     * intents, failures and values are unique per scope; the session log is shared, each line naming
     * its scope. What was there before is the default scope ''.
     */
    private static void v4(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE folders_v4 (id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL DEFAULT '',"
                        + " path TEXT NOT NULL, kind TEXT NOT NULL, local_id TEXT, uid_validity INTEGER,"
                        + " highest_modseq INTEGER, uid_next INTEGER, UNIQUE (scope, path))",
                "INSERT INTO folders_v4 (id, path, kind, local_id, uid_validity, highest_modseq, uid_next)"
                        + " SELECT id, path, kind, local_id, uid_validity, highest_modseq, uid_next FROM folders",
                "CREATE TABLE items_v4 (scope TEXT NOT NULL DEFAULT '', local_id TEXT NOT NULL,"
                        + " folder_id INTEGER NOT NULL REFERENCES folders(id), uid INTEGER NOT NULL,"
                        + " flags TEXT NOT NULL, keywords TEXT NOT NULL, size INTEGER NOT NULL, message_id TEXT,"
                        + " partial INTEGER NOT NULL, object_key TEXT, local_version TEXT, PRIMARY KEY (scope, local_id))",
                "INSERT INTO items_v4 (local_id, folder_id, uid, flags, keywords, size, message_id, partial, object_key,"
                        + " local_version) SELECT local_id, folder_id, uid, flags, keywords, size, message_id, partial,"
                        + " object_key, local_version FROM items",
                "DROP TABLE items",
                "DROP TABLE folders",
                "ALTER TABLE folders_v4 RENAME TO folders",
                "ALTER TABLE items_v4 RENAME TO items",
                "CREATE INDEX items_by_folder ON items(folder_id, uid)",

                "ALTER TABLE pending ADD COLUMN scope TEXT NOT NULL DEFAULT ''",

                "CREATE TABLE failures_v4 (scope TEXT NOT NULL DEFAULT '', folder TEXT NOT NULL, item_key TEXT NOT NULL,"
                        + " description TEXT, failures INTEGER NOT NULL, last_error TEXT, last_failure TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL, PRIMARY KEY (scope, folder, item_key))",
                "INSERT INTO failures_v4 (folder, item_key, description, failures, last_error, last_failure, seq)"
                        + " SELECT folder, item_key, description, failures, last_error, last_failure, seq FROM failures",
                "DROP TABLE failures",
                "ALTER TABLE failures_v4 RENAME TO failures",

                "ALTER TABLE session_log ADD COLUMN scope TEXT NOT NULL DEFAULT ''",

                "CREATE TABLE kv_v4 (scope TEXT NOT NULL DEFAULT '', key TEXT NOT NULL, value TEXT NOT NULL,"
                        + " PRIMARY KEY (scope, key))",
                "INSERT INTO kv_v4 (key, value) SELECT key, value FROM kv",
                "DROP TABLE kv",
                "ALTER TABLE kv_v4 RENAME TO kv");
    }

    /**
     * Schema 5: the attachment links found in synced mail and events (SmartAttach, F6.2, F7.1), one row
     * per link of an item, and the items already scanned for links (those without any too), per scope.
     */
    private static void v5(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE attachment_links (id TEXT NOT NULL PRIMARY KEY, scope TEXT NOT NULL, folder TEXT NOT NULL,"
                        + " local_id TEXT NOT NULL, item TEXT, title TEXT, url TEXT NOT NULL, file_name TEXT NOT NULL,"
                        + " size INTEGER NOT NULL, sha256 TEXT, state TEXT NOT NULL, error TEXT, file TEXT,"
                        + " UNIQUE (scope, local_id, url))",
                "CREATE TABLE attachment_scans (scope TEXT NOT NULL, local_id TEXT NOT NULL,"
                        + " PRIMARY KEY (scope, local_id))");
    }

    /**
     * Schema 6: rights and shares (F8). Each folder's rights as last seen on the server (the user's own
     * and, once read, its access list; whether it follows its parent's), the folders other users share
     * and the user's answer, and the grants of a whole-account share.
     */
    private static void v6(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE folder_access (scope TEXT NOT NULL DEFAULT '', path TEXT NOT NULL,"
                        + " my_rights TEXT NOT NULL, acl TEXT, inherits INTEGER NOT NULL, PRIMARY KEY (scope, path))",
                "CREATE TABLE shares (scope TEXT NOT NULL DEFAULT '', path TEXT NOT NULL, owner TEXT NOT NULL,"
                        + " rights TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (scope, path))",
                "CREATE TABLE account_grants (scope TEXT NOT NULL DEFAULT '', identifier TEXT NOT NULL,"
                        + " rights TEXT NOT NULL, PRIMARY KEY (scope, identifier))");
    }

    private static void exec(Connection db, String... statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private interface RowCopy {
        void bind(ResultSet from, PreparedStatement to) throws SQLException;
    }

    private static void copy(Connection db, String select, String insert, RowCopy row) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(select);
             PreparedStatement p = db.prepareStatement(insert)) {
            while (r.next()) {
                row.bind(r, p);
                p.executeUpdate();
            }
        }
    }
}
