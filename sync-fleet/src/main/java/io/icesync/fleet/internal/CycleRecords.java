package io.icesync.fleet.internal;

import io.icesync.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What each cycle leaves in {@code fleet_cycles} (its node, start and end: the proof that an account
 * never ran on two nodes at once, and the metrics) and the account's backoff in {@code fleet_accounts}.
 * The start row is committed before the cycle touches anything, so a killed node leaves a row
 * without an end.
 */
public final class CycleRecords {
    private final DataSource ds;

    public CycleRecords(DataSource ds) {
        this.ds = ds;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> body) {
        try (Connection c = ds.getConnection()) {
            return body.run(c);
        } catch (SQLException e) {
            throw new StoreException("fleet database: cannot " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** What a node needs to know before a cycle: whether to wait, and when the last full cycle was. */
    public record Due(Instant retryAfter, Instant lastFull) {
    }

    /** The account's backoff and last full cycle, or empty if the account was removed. */
    public Optional<Due> due(String email) {
        return run("read account " + email, c -> Sql.queryOne(c, "SELECT retry_after, last_full FROM fleet_accounts"
                + " WHERE email=?", r -> new Due(instant(r.getTimestamp(1)), instant(r.getTimestamp(2))), email));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Records that {@code node} starts a cycle of {@code email}; returns the row's id. */
    public long start(String email, String node, Instant at) {
        return run("record a cycle start of " + email, c -> Sql.insertReturningId(c,
                "INSERT INTO fleet_cycles(account, node, started) VALUES (?,?,?)", email, node, Timestamp.from(at)));
    }

    /** Records the end of a cycle that went well, and clears the account's backoff. */
    public void succeeded(long id, String email, Instant at, boolean full, long downloaded, long uploaded, long changes) {
        run("record the end of a cycle of " + email, c -> {
            c.setAutoCommit(false);
            try {
                Sql.update(c, "UPDATE fleet_cycles SET ended=?, ok=true, downloaded=?, uploaded=?, changes=? WHERE id=?",
                        Timestamp.from(at), downloaded, uploaded, changes, id);
                Sql.update(c, "UPDATE fleet_accounts SET failures=0, retry_after=NULL, last_error=NULL"
                        + (full ? ", last_full=?" : "") + " WHERE email=?", full
                        ? new Object[] {Timestamp.from(at), email} : new Object[] {email});
                c.commit();
                return null;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Records a failed cycle and holds the account back: {@code base} after the first failure, doubling
     * each time up to {@code max}, so a dead account costs little and the others keep their turns.
     */
    public Instant failed(long id, String email, Instant at, String error, Duration base, Duration max) {
        return run("record a failed cycle of " + email, c -> {
            c.setAutoCommit(false);
            try {
                Sql.update(c, "UPDATE fleet_cycles SET ended=?, ok=false, error=? WHERE id=?", Timestamp.from(at),
                        Sql.text(error), id);
                int failures = Sql.query(c, "UPDATE fleet_accounts SET failures=failures+1, last_error=? WHERE email=?"
                        + " RETURNING failures", r -> r.getInt(1), Sql.text(error), email).stream().findFirst().orElse(1);
                Instant retry = at.plus(backoff(failures, base, max));
                Sql.update(c, "UPDATE fleet_accounts SET retry_after=? WHERE email=?", Timestamp.from(retry), email);
                c.commit();
                return retry;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** {@code base * 2^(failures-1)}, at most {@code max}. */
    public static Duration backoff(int failures, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
