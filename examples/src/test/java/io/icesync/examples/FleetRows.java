package io.icesync.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Removes what a fleet test or benchmark wrote in the shared PostgreSQL: its accounts, their state, cycles and jobs. */
final class FleetRows {
    private FleetRows() {
    }

    /** Every row of the accounts and nodes whose names start with {@code prefix}. */
    static void forget(DataSource ds, String prefix) throws SQLException {
        String like = prefix + "%";
        try (Connection c = ds.getConnection()) {
            run(c, "DELETE FROM qrtz_simple_triggers WHERE trigger_name LIKE ?", like);
            run(c, "DELETE FROM qrtz_fired_triggers WHERE job_name LIKE ?", like);
            run(c, "DELETE FROM qrtz_triggers WHERE job_name LIKE ?", like);
            run(c, "DELETE FROM qrtz_job_details WHERE job_name LIKE ?", like);
            run(c, "DELETE FROM qrtz_scheduler_state WHERE instance_name LIKE ?", like);
            for (String t : List.of("state_items", "state_pending", "state_failures", "state_log", "state_values",
                    "state_folders", "fleet_cycles")) {
                run(c, "DELETE FROM " + t + " WHERE account LIKE ?", like);
            }
            run(c, "DELETE FROM fleet_accounts WHERE email LIKE ?", like);
        }
    }

    private static void run(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            p.executeUpdate();
        }
    }
}
