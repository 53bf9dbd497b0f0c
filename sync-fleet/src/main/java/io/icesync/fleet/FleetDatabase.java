package io.icesync.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.icesync.core.ConnectionException;
import io.icesync.core.spi.Clock;
import io.icesync.fleet.internal.FleetSchema;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The PostgreSQL database a fleet shares: every account's state, the accounts, the cycles run and
 * Quartz's job store. Opening it makes a pool of connections (HikariCP) and brings the schema up to
 * date (versioned migrations, run once whichever node starts first).
 *
 * <pre>{@code
 * try (FleetDatabase db = FleetDatabase.open("jdbc:postgresql://db:5432/icesync", "icesync",
 *         System.getenv("PGPASSWORD").toCharArray(), 10)) {
 *     db.accounts().list();
 * }
 * }</pre>
 */
public final class FleetDatabase implements AutoCloseable {
    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final FleetAccounts accounts;

    private FleetDatabase(HikariDataSource pool, String url, String user) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.accounts = new FleetAccounts(pool, url);
    }

    /**
     * Connects to {@code jdbcUrl} as {@code user} with at most {@code maxConnections} connections.
     *
     * @param jdbcUrl        a {@code jdbc:postgresql://HOST[:PORT]/DATABASE} URL
     * @param user           the database user
     * @param password       the database password (null: none, e.g. a trusted local socket)
     * @param maxConnections the pool's size: a node needs about two per cycle thread
     * @return the database, its schema up to date; close it when done
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     * @throws ConnectionException if the database cannot be reached or refuses the login
     */
    public static FleetDatabase open(String jdbcUrl, String user, char[] password, int maxConnections) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the fleet database URL must start with jdbc:postgresql:, got '"
                    + jdbcUrl + "'");
        }
        if (maxConnections < 2) {
            throw new IllegalArgumentException("a fleet database pool needs at least 2 connections, got " + maxConnections);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        if (password != null) {
            config.setPassword(new String(password));
        }
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("icesync-fleet");
        config.setConnectionTimeout(30_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Unreachable or a refused login: the CLI's exit 3, as for a mail server.
            throw new ConnectionException("cannot connect to the fleet database " + jdbcUrl + " as " + user + " ("
                    + rootMessage(e) + ")", e);
        }
        try {
            FleetSchema.migrate(pool, jdbcUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new FleetDatabase(pool, jdbcUrl, user);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * The pool, for Quartz and for an application's own queries.
     *
     * @return the pool of connections, open until {@link #close()}
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * The JDBC URL (it holds no password).
     *
     * @return the URL given to {@link #open}
     */
    public String url() {
        return url;
    }

    /**
     * The database user.
     *
     * @return the user given to {@link #open}
     */
    public String user() {
        return user;
    }

    /**
     * The accounts of the fleet.
     *
     * @return the accounts, on this database's pool
     */
    public FleetAccounts accounts() {
        return accounts;
    }

    /**
     * The state of one account's service ({@code ""}: mail); the schema was brought up to date at open.
     *
     * @param account the account's e-mail address
     * @param scope   the service: {@code ""} for mail, else 1 to 32 of {@code a-z 0-9 -}
     * @param clock   the clock of the state's times
     * @return the state store, open; close it when done
     * @throws IllegalArgumentException for a bad scope
     */
    public PostgresStateStore stateStore(String account, String scope, Clock clock) {
        return PostgresStateStore.openMigrated(pool, account, scope, clock);
    }

    /**
     * What the fleet did: per account and per node.
     *
     * @return every account's last cycle and counters, and the nodes that ran cycles in the last hour
     */
    public FleetStatus status() {
        return FleetStatus.read(pool, url);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "FleetDatabase[" + url + " as " + user + "]";
    }
}
