-- A state database as IceSync wrote it with schema 1 (single flags column, times in epoch
-- milliseconds, folder names joined with NUL). Kept frozen: it checks the migration to today's schema.
CREATE TABLE folders (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, local_id TEXT, uid_validity INTEGER, highest_modseq INTEGER, uid_next INTEGER);
CREATE TABLE items (local_id TEXT PRIMARY KEY, folder_id INTEGER NOT NULL, uid INTEGER NOT NULL, flags TEXT NOT NULL, size INTEGER NOT NULL, message_id TEXT, partial INTEGER NOT NULL);
CREATE INDEX items_by_folder ON items(folder_id, uid);
CREATE TABLE pending (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, folder TEXT NOT NULL, target TEXT, local_id TEXT, uid INTEGER NOT NULL, message_id TEXT, size INTEGER NOT NULL);
CREATE TABLE failures (folder TEXT NOT NULL, item_key TEXT NOT NULL, description TEXT, failures INTEGER NOT NULL, last_error TEXT, last_failure INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (folder, item_key));
CREATE TABLE session_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL, details TEXT);
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO folders VALUES (1, 'INBOX', 'MAIL', 'L-inbox', 1700000000, 4242, 17);
INSERT INTO folders VALUES (3, 'Archives' || char(0) || '2025', 'MAIL', 'L-arch', NULL, NULL, NULL);
INSERT INTO items VALUES ('m-1', 1, 11, '\Seen \Flagged $label1 Work work', 2048, '<1@x>', 0);
INSERT INTO items VALUES ('m-2', 1, 12, '', 10, NULL, 1);
INSERT INTO items VALUES ('m-3', 3, 5, '\Answered', 99, '<3@x>', 0);
INSERT INTO items VALUES ('orphan', 2, 1, '\Seen', 1, NULL, 0);
INSERT INTO pending VALUES (4, 'MOVE', 'INBOX', 'Archives' || char(0) || '2025', 'm-1', 11, '<1@x>', 2048);
INSERT INTO failures VALUES ('INBOX', 'uid:13', 'download of server item 13', 2, 'NO no such message', 1772357400123, 1);
INSERT INTO session_log (time, level, message, details) VALUES (1772357400123, 'INFO', 'item synchronisation of INBOX', NULL);
INSERT INTO session_log (time, level, message, details) VALUES (1772357401000, 'WARNING', 'connection', 'slow');
INSERT INTO kv VALUES ('firstSync', 'MERGE');
PRAGMA user_version = 1;
