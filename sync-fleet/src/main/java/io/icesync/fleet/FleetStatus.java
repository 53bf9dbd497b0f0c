package io.icesync.fleet;

import io.icesync.core.StoreException;
import io.icesync.fleet.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a fleet did, read from its database: per account its last cycle, its errors and counters;
 * per node its cycles of the last minute and its last cycle.
 *
 * @param accounts every account, by address
 * @param nodes    every node that recorded a cycle in the last hour, by name
 */
public record FleetStatus(List<AccountStatus> accounts, List<NodeStatus> nodes) {
    /**
     * Copies the lists.
     *
     * @param accounts every account, not null
     * @param nodes    every node that recorded a cycle in the last hour, not null
     */
    public FleetStatus {
        accounts = List.copyOf(accounts);
        nodes = List.copyOf(nodes);
    }

    /**
     * One account.
     *
     * @param email            the account
     * @param lastNode         the node of its last cycle, or null before any
     * @param lastStarted      when its last cycle started, or null
     * @param lastEnded        when it ended, or null (never ran, running, or its node died)
     * @param lastOk           whether it went well (null when it has not ended)
     * @param lastError        the error of the last failed cycle, or null
     * @param cycles           cycles recorded
     * @param errors           failed cycles recorded
     * @param failuresInARow   failed cycles since the last good one
     * @param retryAfter       no cycle before this time (backoff), or null
     * @param downloaded       items downloaded, all cycles
     * @param uploaded         items uploaded, all cycles
     */
    public record AccountStatus(String email, String lastNode, Instant lastStarted, Instant lastEnded, Boolean lastOk,
                                String lastError, long cycles, long errors, int failuresInARow, Instant retryAfter,
                                long downloaded, long uploaded) {
    }

    /**
     * One node.
     *
     * @param node             its name
     * @param cyclesLastMinute cycles it ended in the last minute
     * @param cyclesLastHour   cycles it ended in the last hour
     * @param lastCycleEnded   the end of its last cycle
     */
    public record NodeStatus(String node, long cyclesLastMinute, long cyclesLastHour, Instant lastCycleEnded) {
    }

    static FleetStatus read(DataSource ds, String where) {
        try (Connection c = ds.getConnection()) {
            List<AccountStatus> accounts = Sql.query(c, "SELECT a.email, l.node, l.started, l.ended, l.ok, a.last_error,"
                    + " coalesce(s.cycles, 0), coalesce(s.errors, 0), a.failures, a.retry_after,"
                    + " coalesce(s.downloaded, 0), coalesce(s.uploaded, 0) FROM fleet_accounts a"
                    + " LEFT JOIN (SELECT account, count(*) AS cycles, count(*) FILTER (WHERE ok = false) AS errors,"
                    + " sum(downloaded) AS downloaded, sum(uploaded) AS uploaded, max(id) AS last FROM fleet_cycles"
                    + " GROUP BY account) s ON s.account = a.email LEFT JOIN fleet_cycles l ON l.id = s.last"
                    + " ORDER BY a.email", FleetStatus::account);
            List<NodeStatus> nodes = Sql.query(c, "SELECT node, count(*) FILTER (WHERE ended > now() - interval '1 minute'),"
                    + " count(*), max(ended) FROM fleet_cycles WHERE ended > now() - interval '1 hour' GROUP BY node"
                    + " ORDER BY node", r -> new NodeStatus(r.getString(1), r.getLong(2), r.getLong(3), time(r, 4)));
            return new FleetStatus(accounts, nodes);
        } catch (SQLException e) {
            throw new StoreException("fleet database " + where + ": cannot read the status (" + e.getMessage() + ")", e);
        }
    }

    private static AccountStatus account(ResultSet r) throws SQLException {
        boolean ok = r.getBoolean(5);
        Boolean lastOk = r.wasNull() ? null : ok;
        return new AccountStatus(r.getString(1), r.getString(2), time(r, 3), time(r, 4), lastOk, r.getString(6),
                r.getLong(7), r.getLong(8), r.getInt(9), time(r, 10), r.getLong(11), r.getLong(12));
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
