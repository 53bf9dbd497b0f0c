package io.icesync.fleet;

import io.icesync.client.Profile;
import io.icesync.core.StoreException;
import io.icesync.fleet.internal.AccountFolders;
import io.icesync.fleet.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of a fleet, in its database. Adding or removing one here is all it takes: every
 * running node picks the change up within seconds (it schedules or unschedules the account's job).
 * Passwords are not kept here: they go to the fleet's {@link io.icesync.core.spi.SecretStore}.
 */
public final class FleetAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(FleetAccounts.class);
    private final DataSource ds;
    private final String where;

    FleetAccounts(DataSource ds, String where) {
        this.ds = ds;
        this.where = where;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> body) {
        try (Connection c = ds.getConnection()) {
            return body.run(c);
        } catch (SQLException e) {
            throw new StoreException("fleet database " + where + ": cannot " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Adds an account; its cycles start at the next node's look at the accounts.
     *
     * @param profile the account's profile; its e-mail address is the account's key
     * @return the account as added, no cycle yet
     * @throws FleetException if the fleet has this address already, or it cannot name a folder
     */
    public FleetAccount add(Profile profile) {
        String email = profile.account().email();
        AccountFolders.checkName(email);
        String json = profile.toJson();
        Instant now = Instant.now();
        int added = run("add account " + email, c -> Sql.update(c, "INSERT INTO fleet_accounts(email, profile, added)"
                + " VALUES (?,?,?) ON CONFLICT (email) DO NOTHING", email, json, Timestamp.from(now)));
        if (added == 0) {
            throw new FleetException("the fleet has an account " + email + " already; remove it first");
        }
        return new FleetAccount(email, profile, now, 0, null, null);
    }

    /**
     * Removes an account with its state (what was synced, its cycles); its files stay where they are.
     * Returns false if there was no such account.
     *
     * @param email the account's e-mail address
     * @return true if the account was there and is removed
     */
    public boolean remove(String email) {
        return run("remove account " + email, c -> {
            c.setAutoCommit(false);
            try {
                int n = Sql.update(c, "DELETE FROM fleet_accounts WHERE email=?", email);
                Sql.update(c, "DELETE FROM state_items WHERE account=?", email);
                Sql.update(c, "DELETE FROM state_folders WHERE account=?", email);
                for (String table : List.of("state_pending", "state_failures", "state_log", "state_values")) {
                    Sql.update(c, "DELETE FROM " + table + " WHERE account=?", email);
                }
                Sql.update(c, "DELETE FROM fleet_cycles WHERE account=?", email);
                c.commit();
                return n > 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Every account, by address. An account whose stored profile cannot be read is left out with a
     * warning naming it, so one damaged row never stops the others.
     *
     * @return the accounts that can be read, by address; empty when the fleet has none
     */
    public List<FleetAccount> list() {
        List<Object> rows = run("list the accounts", c -> Sql.query(c, "SELECT email, profile, added, failures,"
                + " retry_after, last_error FROM fleet_accounts ORDER BY email", r -> {
                    try {
                        return row(r);
                    } catch (SQLException e) {
                        return e;
                    }
                }));
        List<FleetAccount> out = new ArrayList<>();
        for (Object o : rows) {
            if (o instanceof FleetAccount a) {
                out.add(a);
            } else {
                LOG.warn("fleet database {}: {}; that account is skipped", where, ((SQLException) o).getMessage());
            }
        }
        return out;
    }

    /**
     * One account.
     *
     * @param email the account's e-mail address
     * @return the account, or empty when the fleet has no such account
     * @throws StoreException when the database cannot be read or the account's profile is damaged
     */
    public Optional<FleetAccount> find(String email) {
        return run("read account " + email, c -> Sql.queryOne(c, "SELECT email, profile, added, failures, retry_after,"
                + " last_error FROM fleet_accounts WHERE email=?", this::row, email));
    }

    private FleetAccount row(ResultSet r) throws SQLException {
        String email = r.getString(1);
        Profile p;
        try {
            p = Profile.fromJson(r.getString(2));
        } catch (RuntimeException e) {
            throw new SQLException("the profile of account " + email + " cannot be read: " + e.getMessage(), e);
        }
        Timestamp retry = r.getTimestamp(5);
        return new FleetAccount(email, p, r.getTimestamp(3).toInstant(), r.getInt(4),
                retry == null ? null : retry.toInstant(), r.getString(6));
    }
}
