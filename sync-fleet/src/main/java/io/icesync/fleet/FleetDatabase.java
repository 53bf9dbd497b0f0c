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
     * @param password       the database password (null: none, e.g. a trusted local socket)
     * @param maxConnections the pool's size: a node needs about two per cycle thread
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

    /** The pool, for Quartz and for an application's own queries. */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL (it holds no password). */
    public String url() {
        return url;
    }

    /** The database user. */
    public String user() {
        return user;
    }

    /** The accounts of the fleet. */
    public FleetAccounts accounts() {
        return accounts;
    }

    /** The state of one account's service ({@code ""}: mail); the schema was brought up to date at open. */
    public PostgresStateStore stateStore(String account, String scope, Clock clock) {
        return PostgresStateStore.openMigrated(pool, account, scope, clock);
    }

    /** What the fleet did: per account and per node. */
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
