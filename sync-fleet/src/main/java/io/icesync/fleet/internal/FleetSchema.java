package io.icesync.fleet.internal;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet database's schema as an ordered list of migrations, like the SQLite state file's: the
 * table {@code icesync_schema} holds how many were applied, and a database is brought to
 * {@link #latest()} at open, all steps in one transaction under an advisory lock, so nodes that
 * start together migrate once. A released step is never edited: a change is a new step.
 */
public final class FleetSchema {
    private static final Logger LOG = LoggerFactory.getLogger(FleetSchema.class);
    /** Any number that no other user of the database takes as its advisory lock. */
    private static final long MIGRATION_LOCK = 0x1CE5_F1EE_7L;

    /** One step from version {@code n} to {@code n + 1}. */
    @FunctionalInterface
    interface Migration {
        void apply(Connection db) throws SQLException;
    }

    static final List<Migration> MIGRATIONS = List.of(FleetSchema::v1, FleetSchema::v2);

    private FleetSchema() {
    }

    /** The schema version this code writes. */
    public static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Brings the database to the latest schema.
     *
     * @throws StoreException if it cannot be reached, or was written by a newer IceSync
     */
    public static void migrate(DataSource ds, String where) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                s.execute("CREATE TABLE IF NOT EXISTS icesync_schema (version INT NOT NULL)");
                int from = version(s);
                if (from > latest()) {
                    throw new StoreException("the fleet database " + where + " has schema version " + from
                            + ", newer than this IceSync knows (" + latest() + "): use that IceSync or newer", null);
                }
                if (from < latest()) {
                    LOG.info("fleet database {}: migrating schema {} to {}", where, from, latest());
                    for (int v = from; v < latest(); v++) {
                        MIGRATIONS.get(v).apply(c);
                    }
                    s.execute("DELETE FROM icesync_schema");
                    s.execute("INSERT INTO icesync_schema(version) VALUES (" + latest() + ")");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("fleet database " + where + ": cannot prepare the schema (" + e.getMessage() + ")", e);
        }
    }

    private static int version(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT max(version) FROM icesync_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Schema 1: the state of every account (keyed by account and scope) and the fleet's own tables. */
    private static void v1(Connection db) throws SQLException {
        exec(db,
                "CREATE TABLE state_folders (id BIGSERIAL PRIMARY KEY, account TEXT NOT NULL, scope TEXT NOT NULL,"
                        + " path TEXT[] NOT NULL, kind TEXT NOT NULL, local_id TEXT, uid_validity BIGINT,"
                        + " highest_modseq BIGINT, uid_next BIGINT, UNIQUE (account, scope, path))",
                "CREATE TABLE state_items (account TEXT NOT NULL, scope TEXT NOT NULL, local_id TEXT NOT NULL,"
                        + " folder_id BIGINT NOT NULL REFERENCES state_folders(id), uid BIGINT NOT NULL,"
                        + " flags TEXT NOT NULL, keywords TEXT NOT NULL, size BIGINT NOT NULL, message_id TEXT,"
                        + " partial BOOLEAN NOT NULL, object_key TEXT, local_version TEXT,"
                        + " PRIMARY KEY (account, scope, local_id))",
                "CREATE INDEX state_items_by_folder ON state_items(folder_id, uid)",
                "CREATE TABLE state_pending (id BIGSERIAL PRIMARY KEY, account TEXT NOT NULL, scope TEXT NOT NULL,"
                        + " kind TEXT NOT NULL, folder TEXT[] NOT NULL, target TEXT[], local_id TEXT, uid BIGINT NOT NULL,"
                        + " message_id TEXT, size BIGINT NOT NULL)",
                "CREATE INDEX state_pending_by_account ON state_pending(account, scope, id)",
                "CREATE SEQUENCE state_failure_seq",
                "CREATE TABLE state_failures (account TEXT NOT NULL, scope TEXT NOT NULL, folder TEXT[] NOT NULL,"
                        + " item_key TEXT NOT NULL, description TEXT, failures INT NOT NULL, last_error TEXT,"
                        + " last_failure TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (account, scope, folder, item_key))",
                "CREATE TABLE state_log (seq BIGSERIAL PRIMARY KEY, account TEXT NOT NULL, scope TEXT NOT NULL,"
                        + " time TEXT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL, details TEXT)",
                "CREATE INDEX state_log_by_account ON state_log(account, seq)",
                "CREATE TABLE state_values (account TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL,"
                        + " value TEXT NOT NULL, PRIMARY KEY (account, scope, key))",
                // The accounts: the profile as JSON (never a password), and the backoff after errors.
                "CREATE TABLE fleet_accounts (email TEXT PRIMARY KEY, profile TEXT NOT NULL, added TIMESTAMPTZ NOT NULL,"
                        + " failures INT NOT NULL DEFAULT 0, retry_after TIMESTAMPTZ, last_error TEXT,"
                        + " last_full TIMESTAMPTZ)",
                // One row per cycle: who ran it, when, and what it did (metrics, and the proof of one node at a time).
                "CREATE TABLE fleet_cycles (id BIGSERIAL PRIMARY KEY, account TEXT NOT NULL, node TEXT NOT NULL,"
                        + " started TIMESTAMPTZ NOT NULL, ended TIMESTAMPTZ, ok BOOLEAN, error TEXT,"
                        + " downloaded BIGINT NOT NULL DEFAULT 0, uploaded BIGINT NOT NULL DEFAULT 0,"
                        + " changes BIGINT NOT NULL DEFAULT 0)",
                "CREATE INDEX fleet_cycles_by_account ON fleet_cycles(account, id)",
                "CREATE INDEX fleet_cycles_by_end ON fleet_cycles(ended)");
    }

    /** Schema 2: Quartz's tables for its clustered JDBC job store, from the script Quartz ships. */
    private static void v2(Connection db) throws SQLException {
        String script;
        try (InputStream in = FleetSchema.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) {
                throw new SQLException("Quartz's tables_postgres.sql is not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read Quartz's tables_postgres.sql: " + e.getMessage(), e);
        }
        StringBuilder body = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        try (Statement s = db.createStatement()) {
            for (String statement : body.toString().split(";")) {
                String sql = statement.strip();
                // The script drops the tables first: a fresh schema has none, and a rerun must not lose jobs.
                if (!sql.isEmpty() && !sql.toUpperCase(java.util.Locale.ROOT).startsWith("DROP ")
                        && !sql.equalsIgnoreCase("COMMIT")) {
                    s.execute(sql);
                }
            }
        }
    }

    private static void exec(Connection db, String... statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
