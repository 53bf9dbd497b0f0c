package io.icesync.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL peer the interop tests share ({@code .ci/peers-up.sh}: 127.0.0.1:15432, database and
 * user {@code icesync}); override with {@code -Dicesync.fleet.db}. Tests key what they write by an
 * account of their own and remove it after.
 */
public final class TestDatabase {
    public static final String URL = System.getProperty("icesync.fleet.db", "jdbc:postgresql://127.0.0.1:15432/icesync");
    public static final String USER = System.getProperty("icesync.fleet.user", "icesync");
    public static final String PASSWORD = System.getProperty("icesync.fleet.password", "secret");

    private TestDatabase() {
    }

    public static FleetDatabase open() {
        return FleetDatabase.open(URL, USER, PASSWORD.toCharArray(), 6);
    }

    /** Removes every row of the accounts (and the jobs, nodes) whose names start with {@code prefix}. */
    public static void forget(FleetDatabase db, String prefix) {
        try (Connection c = db.dataSource().getConnection()) {
            for (String q : List.of("DELETE FROM qrtz_simple_triggers WHERE trigger_name LIKE ?",
                    "DELETE FROM qrtz_fired_triggers WHERE job_name LIKE ?", "DELETE FROM qrtz_triggers WHERE job_name LIKE ?",
                    "DELETE FROM qrtz_job_details WHERE job_name LIKE ?",
                    "DELETE FROM qrtz_scheduler_state WHERE instance_name LIKE ?")) {
                try (PreparedStatement p = c.prepareStatement(q)) {
                    p.setString(1, prefix + "%");
                    p.executeUpdate();
                }
            }
            for (String table : List.of("state_items", "state_pending", "state_failures", "state_log", "state_values",
                    "state_folders", "fleet_cycles")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE account LIKE ?")) {
                    p.setString(1, prefix + "%");
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM fleet_accounts WHERE email LIKE ?")) {
                p.setString(1, prefix + "%");
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean up the test accounts " + prefix + "*: " + e.getMessage(), e);
        }
    }
}
