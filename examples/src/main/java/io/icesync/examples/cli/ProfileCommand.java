package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.Security;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code icesync profile create}: a profile folder for an account. */
@Command(name = "profile", description = "Manage profile folders.", subcommands = ProfileCommand.Create.class,
        mixinStandardHelpOptions = true)
final class ProfileCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a profile folder: DIR/profile.json (no password), DIR/secrets.json (0600).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, description = "The profile folder (created).")
        Path dir;

        @Option(names = "--email", required = true, description = "The account's e-mail address.")
        String email;

        @Option(names = "--imap", required = true, paramLabel = "HOST:PORT", description = "The IMAP server.")
        String imap;

        @Option(names = "--security", required = true, description = "plain, starttls or ssl.")
        Security security;

        @Option(names = "--user", description = "The login name (default: the e-mail address).")
        String user;

        @Option(names = "--password-env", required = true, paramLabel = "VAR",
                description = "Name of the environment variable that holds the password (never given on the command line).")
        String passwordEnv;

        @Option(names = "--trust-cert", paramLabel = "PEM", description = "Trust this certificate (a self-signed server you accept).")
        Path trustCert;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            String pw = System.getenv(passwordEnv);
            if (pw == null || pw.isEmpty()) {
                err.println("icesync: the environment variable " + passwordEnv + " is not set or empty");
                return ExitCodes.USAGE;
            }
            try {
                String pem = trustCert == null ? null : Files.readString(trustCert);
                Endpoint ep = Endpoint.parse(imap, security);
                Profile p = new Profile(new Account(email, user == null ? email : user, ep), SyncSettings.defaults(), pem);
                IceSync.create(dir, p, pw.toCharArray()).close();
                spec.commandLine().getOut().println("profile created in " + dir + " for " + email + " on " + ep);
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                err.println("icesync: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("icesync: cannot read " + trustCert + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }
    }
}
