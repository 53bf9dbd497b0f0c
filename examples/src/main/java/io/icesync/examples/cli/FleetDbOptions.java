package io.icesync.examples.cli;

import io.icesync.fleet.FleetDatabase;
import picocli.CommandLine.Option;

/** Where a fleet's database is: {@code --db} and {@code --db-user}; the password from PGPASSWORD, as libpq's tools take it. */
final class FleetDbOptions {
    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "The fleet's PostgreSQL database, e.g. jdbc:postgresql://db.example.com:5432/icesync.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "The database user (default: the PGUSER environment variable). The password comes from PGPASSWORD.")
    String user;

    /** Opens the database with a pool of {@code connections}. */
    FleetDatabase open(int connections) {
        String u = user != null ? user : System.getenv("PGUSER");
        if (u == null || u.isBlank()) {
            throw new IllegalArgumentException("no database user: give --db-user USER (or set PGUSER)");
        }
        String pw = System.getenv("PGPASSWORD");
        return FleetDatabase.open(url, u, pw == null ? null : pw.toCharArray(), connections);
    }
}
