package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.smartdiscover.SettingsCheck;
import io.icesync.smartdiscover.Verdict;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync trust list|add|remove}: the certificates a profile accepts beyond the system's CAs (F2.3). */
@Command(name = "trust", description = "List, add or remove the certificates a profile accepts (self-signed servers).",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {TrustCommand.ListCerts.class, TrustCommand.Add.class, TrustCommand.Remove.class})
final class TrustCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The accepted certificates: SHA-256, subject, expiry.")
    static final class ListCerts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON (docs/cli-json.md).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (IceSync sync = CliTokens.open(dir)) {
                List<X509Certificate> certs = sync.certificates().accepted();
                if (json) {
                    ArrayNode a = CliJson.MAPPER.createArrayNode();
                    for (X509Certificate c : certs) {
                        a.addObject().put("sha256", CertificateTrust.sha256(c))
                                .put("subject", c.getSubjectX500Principal().getName())
                                .put("issuer", c.getIssuerX500Principal().getName())
                                .put("notBefore", c.getNotBefore().toInstant().toString())
                                .put("notAfter", c.getNotAfter().toInstant().toString());
                    }
                    CliJson.print(out, CliJson.document("certificates", a));
                    return ExitCodes.OK;
                }
                if (certs.isEmpty()) {
                    out.println("no certificate accepted beyond the system's CAs");
                }
                for (X509Certificate c : certs) {
                    out.println(CertificateTrust.sha256(c) + "  " + c.getSubjectX500Principal().getName() + "  until "
                            + c.getNotAfter().toInstant());
                }
                return ExitCodes.OK;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Accept a certificate: from a PEM file, or the one the profile's server shows, if its "
                    + "SHA-256 is the one you checked."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--cert", paramLabel = "PEM", description = "Accept the certificates in this PEM file.")
            Path pem;

            @Option(names = "--from-server", paramLabel = "SHA-256",
                    description = "Accept what the profile's IMAP server shows if its SHA-256 fingerprint is this one.")
            String fingerprint;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (IceSync sync = CliTokens.open(dir)) {
                if (source.pem != null) {
                    for (X509Certificate c : DiscoveryOptions.certificates(source.pem)) {
                        sync.certificates().accept(c);
                        out.println("accepted " + CertificateTrust.sha256(c) + "  " + c.getSubjectX500Principal().getName());
                    }
                    return ExitCodes.OK;
                }
                Verdict v = new SettingsCheck(sync.certificates(), Duration.ofSeconds(15)).check(SettingsCheck.Protocol.IMAP,
                        sync.profile().account().imap(), sync.profile().account().login(), new char[0]);
                if (v.kind() != Verdict.Kind.UNTRUSTED_CERTIFICATE) {
                    err.println("icesync: nothing to accept: " + v);
                    return ExitCodes.SERVER;
                }
                if (!CertificateTrust.sameFingerprint(v.fingerprint(), source.fingerprint)) {
                    err.println("icesync: the server shows " + v.chain().get(0).getSubjectX500Principal().getName()
                            + " with SHA-256 " + v.fingerprint() + ", not " + source.fingerprint + ": not accepted");
                    return ExitCodes.SERVER;
                }
                sync.certificates().accept(v.chain().get(0));
                out.println("accepted " + v.fingerprint() + "  " + v.chain().get(0).getSubjectX500Principal().getName());
                return ExitCodes.OK;
            } catch (IOException | CertificateException e) {
                err.println("icesync: cannot read " + source.pem + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop accepting a certificate.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Parameters(paramLabel = "SHA-256", description = "The fingerprint, as trust list shows it.")
        String fingerprint;

        @Override
        public Integer call() {
            try (IceSync sync = CliTokens.open(dir)) {
                if (!sync.certificates().remove(fingerprint)) {
                    spec.commandLine().getErr().println("icesync: no accepted certificate has the SHA-256 " + fingerprint);
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println("removed " + fingerprint);
                return ExitCodes.OK;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
        }
    }
}
