package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import io.icesync.core.settings.SyncSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync profile create}: a profile folder for an account. */
@Command(name = "profile", description = "Manage profile folders.", subcommands = ProfileCommand.Create.class,
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND")
final class ProfileCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create a profile folder: DIR/profile.json (account, server, settings; no password) and "
                    + "DIR/secrets.json (the password, mode 0600). Nothing is sent to the server yet: the first "
                    + "icesync sync signs in."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder (created).")
        Path dir;

        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The account's e-mail address.")
        String email;

        @Option(names = "--imap", required = true, paramLabel = "HOST:PORT", description = "The IMAP server, e.g. mail.example.com:143.")
        String imap;

        @Option(names = "--security", required = true, paramLabel = "plain|starttls|ssl",
                description = "How the connection is protected: starttls (port 143) or ssl (port 993); plain sends the password in clear.")
        Security security;

        @Option(names = "--user", paramLabel = "USER", description = "The login name (default: the e-mail address).")
        String user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;

        static final class PasswordSource {
            @Option(names = "--password-env", paramLabel = "VAR",
                    description = "Name of the environment variable that holds the password (never the password itself).")
            String env;

            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean stdin;
        }

        @Option(names = "--trust-cert", paramLabel = "PEM",
                description = "Also trust this certificate (PEM file): a self-signed server you checked.")
        Path trustCert;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            char[] pw;
            try {
                pw = readPassword();
            } catch (IOException e) {
                err.println("icesync: cannot read the password from standard input: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (pw == null || pw.length == 0) {
                err.println("icesync: " + (password.stdin ? "no password on standard input"
                        : "the environment variable " + password.env + " is not set or empty"));
                return ExitCodes.USAGE;
            }
            try {
                Endpoint ep = Endpoint.parse(imap, security);
                String pem = null;
                if (trustCert != null) {
                    pem = Files.readString(trustCert, StandardCharsets.US_ASCII);
                    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                        err.println("icesync: --trust-cert " + trustCert + " holds no PEM certificate"
                                + " (-----BEGIN CERTIFICATE----- ...)");
                        return ExitCodes.USAGE;
                    }
                }
                Profile p = new Profile(new Account(email, user == null ? email : user, ep), SyncSettings.defaults(), pem);
                IceSync.create(dir, p, pw).close();
                if (security == Security.PLAIN && !isLoopback(ep.host())) {
                    err.println("icesync: warning: --security plain sends the password to " + ep.host()
                            + " unencrypted; prefer starttls or ssl");
                }
                spec.commandLine().getOut().println("profile created in " + dir + " for " + email + " on " + ep);
                return ExitCodes.OK;
            } catch (InvalidSettingException e) {
                err.println("icesync: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            } catch (IllegalArgumentException e) {
                err.println("icesync: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("icesync: cannot read " + trustCert + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }

        private char[] readPassword() throws IOException {
            if (password.stdin) {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = r.readLine();
                return line == null ? null : line.toCharArray();
            }
            String v = System.getenv(password.env);
            return v == null ? null : v.toCharArray();
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        }
    }
}
