package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.smartdiscover.SettingsCheck;
import io.icesync.smartdiscover.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync verify}: connects to one server as a sync would and says exactly how it went (F1.4). */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a server by hand: connect, TLS, certificate, login. Prints one verdict."},
        footer = {"", "Exit codes: 0 OK, 2 usage, 3 DNS, refused, timeout, TLS, untrusted certificate or login refused."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--imap", paramLabel = "HOST:PORT", description = "An IMAP server.")
        String imap;

        @Option(names = "--pop3", paramLabel = "HOST:PORT", description = "A POP3 server.")
        String pop3;

        @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "An SMTP submission server.")
        String smtp;
    }

    @Option(names = "--security", required = true, paramLabel = "plain|starttls|ssl", description = "How the connection is protected.")
    Security security;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The login name.")
    String user;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PasswordSource password;

    @Option(names = "--trust-cert", paramLabel = "PEM", description = "Also trust this certificate (PEM file).")
    Path trustCert;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Per step (default 15).")
    int timeoutSeconds;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", defaultValue = "none",
            description = "Connect through this HTTP proxy (CONNECT), or 'system' for the JVM's proxy settings.")
    String proxy;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] pw = password.read();
        if (pw == null || pw.length == 0) {
            err.println("icesync: " + password.missing());
            return ExitCodes.USAGE;
        }
        try {
            SettingsCheck.Protocol protocol = target.imap != null ? SettingsCheck.Protocol.IMAP
                    : target.pop3 != null ? SettingsCheck.Protocol.POP3 : SettingsCheck.Protocol.SMTP;
            String hostPort = target.imap != null ? target.imap : target.pop3 != null ? target.pop3 : target.smtp;
            Endpoint e = Endpoint.parse(hostPort, security);
            if (timeoutSeconds < 1) {
                err.println("icesync: --timeout must be at least 1 second, got " + timeoutSeconds);
                return ExitCodes.USAGE;
            }
            ServiceAccess access = ServiceAccess.builder()
                    .trust(CertificateTrust.inMemory(DiscoveryOptions.certificates(trustCert).toArray(new X509Certificate[0])))
                    .timeouts(Timeouts.of(Duration.ofSeconds(timeoutSeconds)))
                    .proxy(ProxyChoice.parse(proxy))
                    .build();
            Verdict v = new SettingsCheck(access).check(protocol, e, user, pw);
            if (json) {
                ObjectNode o = CliJson.document();
                o.put("ok", v.ok()).put("verdict", v.kind().name()).put("message", v.message())
                        .put("protocol", protocol.name()).put("host", e.host()).put("port", e.port())
                        .put("security", e.security().name());
                ArrayNode caps = o.putArray("capabilities");
                v.capabilities().forEach(caps::add);
                o.put("certificateSha256", v.fingerprint());
                CliJson.print(out, o);
            } else {
                out.println(TerminalText.escape(v.toString()));
                if (v.kind() == Verdict.Kind.UNTRUSTED_CERTIFICATE) {
                    out.println("If this is your server's certificate, save it as PEM and pass --trust-cert.");
                }
                if (!v.capabilities().isEmpty()) {
                    out.println("Capabilities: " + TerminalText.escape(String.join(" ", v.capabilities())));
                }
            }
            return v.ok() ? ExitCodes.OK : ExitCodes.SERVER;
        } catch (IllegalArgumentException | CertificateException e) {
            err.println("icesync: " + TerminalText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (InvalidSettingException e) {
            err.println("icesync: --proxy: " + TerminalText.escape(ExitCodes.oneLine(e)));
            return ExitCodes.USAGE;
        } finally {
            Arrays.fill(pw, '\0');
        }
    }
}
