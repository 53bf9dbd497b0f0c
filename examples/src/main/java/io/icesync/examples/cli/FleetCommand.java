package io.icesync.examples.cli;

import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.Security;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SecretStore;
import io.icesync.fleet.FleetAccount;
import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.FleetException;
import io.icesync.fleet.SecretStoreFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync fleet serve|add|remove|list|status}: many accounts, several nodes, one PostgreSQL database. */
@Command(name = "fleet", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Many accounts on any number of nodes sharing one PostgreSQL database: the accounts, their state"
                + " and their schedules live there; each account's files in ROOT/<e-mail address>/ (mail/, groupware/,"
                + " secrets.json). The database password comes from PGPASSWORD."},
        subcommands = {FleetServeCommand.class, FleetCommand.Add.class, FleetCommand.Remove.class,
            FleetListCommand.class, FleetStatusCommand.class})
final class FleetCommand {

    /** Runs {@code body}, turning the errors of a fleet command into its exit code. */
    static int guarded(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.USAGE;
        } catch (FleetException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.USAGE;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        } catch (Exception e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.PROFILE;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Add an account to the fleet: its profile to the database (no password), its password to"
                    + " ROOT/<e-mail address>/secrets.json (mode 0600). Running nodes start its cycles within seconds."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        FleetDbOptions db = new FleetDbOptions();

        @Option(names = "--root", required = true, paramLabel = "DIR",
                description = "The folder the nodes share; the account's password goes to DIR/<e-mail address>/secrets.json.")
        Path root;

        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The account's e-mail address.")
        String email;

        @Option(names = "--imap", required = true, paramLabel = "HOST:PORT", description = "The IMAP server, e.g. mail.example.com:993.")
        String imap;

        @Option(names = "--security", required = true, paramLabel = "plain|starttls|ssl",
                description = "How the connection is protected: starttls (port 143) or ssl (port 993); plain sends the password in clear.")
        Security security;

        @Option(names = "--user", paramLabel = "LOGIN", description = "The login name (default: the e-mail address).")
        String user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return guarded(err, () -> {
                char[] pw = password.read();
                if (pw == null || pw.length == 0) {
                    err.println("icesync: " + password.missing());
                    return ExitCodes.USAGE;
                }
                try {
                    Profile p = new Profile(new Account(email, user == null ? email : user, Endpoint.parse(imap, security)),
                            SyncSettings.defaults(), null);
                    SecretStore secrets = SecretStoreFactory.files(root).forAccount(email); // refuses a bad address
                    try (FleetDatabase fleet = db.open(2)) {
                        if (fleet.accounts().find(email).isPresent()) {
                            throw new FleetException("the fleet has an account " + email + " already; remove it first");
                        }
                        // The secret first: an account the nodes see always has its password.
                        secrets.put(p.account().secretKey(), pw);
                        fleet.accounts().add(p);
                    }
                    spec.commandLine().getOut().println("added " + email + " on " + p.account().imap() + " to the fleet");
                    return ExitCodes.OK;
                } finally {
                    Arrays.fill(pw, '\0');
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Remove an account from the fleet with its state; its files stay. With --root, its"
                    + " password is removed from its secrets.json too."})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        FleetDbOptions db = new FleetDbOptions();

        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The account to remove.")
        String email;

        @Option(names = "--root", paramLabel = "DIR", description = "Also remove the password from DIR/<e-mail address>/secrets.json.")
        Path root;

        @Option(names = "--json", description = "Print {\"removed\": true|false} as JSON (see docs/cli-json.md).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return guarded(err, () -> {
                boolean removed;
                // Checks the address before anything is removed.
                SecretStore secrets = root == null ? null : SecretStoreFactory.files(root).forAccount(email);
                try (FleetDatabase fleet = db.open(2)) {
                    FleetAccount account = fleet.accounts().find(email).orElse(null);
                    removed = fleet.accounts().remove(email);
                    if (secrets != null && account != null) {
                        secrets.remove(account.profile().account().secretKey());
                    }
                }
                if (json) {
                    CliJson.print(spec.commandLine().getOut(), CliJson.document().put("removed", removed).put("email", email));
                } else {
                    spec.commandLine().getOut().println(removed ? "removed " + email + " from the fleet"
                            : "the fleet has no account " + email);
                }
                return removed ? ExitCodes.OK : ExitCodes.USAGE;
            });
        }
    }

    /** An account as one line of {@code fleet list}. */
    static String line(FleetAccount a) {
        return a.email() + "  " + a.profile().account().imap() + "  login " + a.profile().account().login()
                + (a.failures() > 0 ? "  " + a.failures() + " failed cycles, next try after " + a.retryAfter() : "");
    }
}
