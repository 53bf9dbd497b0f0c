package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.ProxyChoice;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import io.icesync.core.settings.SyncSettings;
import io.icesync.smartdiscover.DiscoveryResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync profile create|show}: a profile folder for an account, and what it holds. */
@Command(name = "profile", description = "Manage profile folders.", subcommands = {ProfileCommand.Create.class, ProfileShowCommand.class,
        ProfilePasswordCommand.class},
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND")
final class ProfileCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create a profile folder: DIR/profile.json (account, server, settings; no password) and "
                    + "DIR/secrets.json (the password, mode 0600). With --imap nothing is sent to the server yet (the first "
                    + "icesync sync signs in); without it the server is discovered from the address first."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder (created).")
        Path dir;

        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The account's e-mail address.")
        String email;

        @Option(names = "--imap", paramLabel = "HOST:PORT", description = "The IMAP server, e.g. mail.example.com:143. "
                + "Without it, the server is discovered from the address (see icesync discover).")
        String imap;

        @Option(names = "--security", paramLabel = "plain|starttls|ssl",
                description = "How the connection is protected: starttls (port 143) or ssl (port 993); plain sends the password in clear.")
        Security security;

        @Option(names = "--user", paramLabel = "USER", description = "The login name (default: the e-mail address).")
        String user;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        PasswordSource password;

        @Option(names = "--oauth", description = "IMAP, SMTP and POP3 log in with OAuth 2.0 access tokens (SASL XOAUTH2"
                + " or OAUTHBEARER) instead of the password; each command takes them from ICESYNC_TOKEN_COMMAND (a"
                + " command printing a token) or ICESYNC_TOKEN. A password is then optional (the HTTP services use it).")
        boolean oauth;

        @Option(names = "--token-mechanism", paramLabel = "XOAUTH2|OAUTHBEARER", defaultValue = "XOAUTH2",
                description = "The SASL mechanism of --oauth (default XOAUTH2).")
        io.icesync.core.TokenMechanism tokenMechanism;

        @Option(names = "--mail-property", paramLabel = "NAME=VALUE",
                description = "An Angus Mail property for the mail connections (mail.imap.*, mail.smtp.*, mail.pop3.*),"
                        + " kept in the profile; repeatable. Properties IceSync sets itself are refused.")
        java.util.Map<String, String> mailProperties = new java.util.LinkedHashMap<>();

        @Mixin
        DiscoveryOptions discovery = new DiscoveryOptions();

        @Mixin
        ServiceOptions services = new ServiceOptions();

        @Option(names = "--pop3-listener-port", paramLabel = "PORT",
                description = "Where the local POP3 listener answers while icesync sync runs on its schedule, on 127.0.0.1"
                        + " (an always-empty mailbox for a mail program's POP3 account; default 5110, 0: none).")
        Integer pop3ListenerPort;

        @Option(names = "--trust-cert", paramLabel = "PEM",
                description = "Also trust this certificate (PEM file): a self-signed server you checked.")
        Path trustCert;

        @Option(names = "--proxy", paramLabel = "HOST:PORT", defaultValue = "none",
                description = "Sync through this HTTP proxy (CONNECT), or 'system' for the JVM's proxy settings;"
                        + " kept in the profile.")
        String proxy;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            char[] pw;
            try {
                pw = password == null ? null : password.read();
            } catch (IOException e) {
                err.println("icesync: cannot read the password from standard input: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if ((pw == null || pw.length == 0) && !oauth) {
                err.println("icesync: " + (password == null ? "give the password with --password-env VAR or --password-stdin, or log in with"
                        + " --oauth" : password.missing()));
                return ExitCodes.USAGE;
            }
            if (pw != null && pw.length == 0) {
                pw = null;
            }
            if (pw == null && imap == null) {
                err.println("icesync: discovery needs the password: give --imap and --security with --oauth alone");
                return ExitCodes.USAGE;
            }
            try {
                ProxyChoice via = ProxyChoice.parse(proxy);
                if (imap != null && security == null) {
                    err.println("icesync: --imap needs --security plain|starttls|ssl");
                    return ExitCodes.USAGE;
                }
                String pem = null;
                if (trustCert != null) {
                    pem = Files.readString(trustCert, StandardCharsets.US_ASCII);
                    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                        err.println("icesync: --trust-cert " + trustCert + " holds no PEM certificate"
                                + " (-----BEGIN CERTIFICATE----- ...)");
                        return ExitCodes.USAGE;
                    }
                }
                Profile p;
                if (imap != null) {
                    p = new Profile(new Account(email, user == null ? email : user, Endpoint.parse(imap, security)),
                            SyncSettings.defaults(), pem);
                } else {
                    DiscoveryResult found = IceSync.discover(email, pw,
                            discovery.discovery(DiscoveryOptions.certificates(trustCert)));
                    if (!found.found() || found.settings().imap() == null) {
                        DiscoverCommand.print(found, err);
                        err.println("icesync: no IMAP server found for " + email + "; give it with --imap and --security");
                        return ExitCodes.SERVER;
                    }
                    p = Profile.fromDiscovery(email, found.settings(), SyncSettings.defaults(), pem);
                    if (user != null) {
                        p = new Profile(new Account(email, user, p.account().imap()), p.settings(), pem,
                                p.folderKinds(), p.folderNames(), p.proxy(), p.services());
                    }
                    spec.commandLine().getOut().println("discovered " + p.account().imap() + " (from "
                            + found.settings().source() + ")");
                }
                p = p.withProxy(via).withServices(services.apply(p.services()));
                io.icesync.client.MailOptions mail = io.icesync.client.MailOptions.DEFAULTS.withProperties(mailProperties);
                p = p.withMail(oauth ? mail.withOAuth(tokenMechanism) : mail);
                if (pop3ListenerPort != null) {
                    p = p.withPop3ListenerPort(pop3ListenerPort);
                }
                Endpoint ep = p.account().imap();
                CliTokens.builder().create(dir, p, pw).close();
                if (ep.security() == Security.PLAIN && !isLoopback(ep.host())) {
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
            } catch (IOException | java.security.cert.CertificateException e) {
                err.println("icesync: cannot read " + trustCert + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        }
    }
}
