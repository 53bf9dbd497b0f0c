package io.icesync.core.internal.state;

import java.util.List;

/** The state database's schema as an ordered list of migrations; PRAGMA user_version counts those applied. */
final class Schema {
    private Schema() {
    }

    static final List<String[]> MIGRATIONS = List.<String[]>of(
            new String[] {
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
                "CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            });

    static int version() {
        return MIGRATIONS.size();
    }
}
