package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.Endpoint;
import io.icesync.smartdiscover.DiscoveredSettings;
import io.icesync.smartdiscover.DiscoveryAttempt;
import io.icesync.smartdiscover.DiscoveryResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync discover ADDRESS}: the settings discovery finds, and every candidate it tried. */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find an account's server settings from its address: IceWarp SmartDiscover (Autodiscover), "
                + "then autoconfig, then DNS SRV records. Prints the settings and every candidate tried. "
                + "The password goes over HTTPS only, and only to the address's own domain unless --allow-host."},
        footer = {"", "Exit codes: 0 settings found, 1 nothing found (configure by hand), 2 usage."})
final class DiscoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ADDRESS", description = "The e-mail address.")
    String address;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PasswordSource password;

    @Option(names = "--trust-cert", paramLabel = "PEM", description = "Also trust this certificate (PEM file).")
    Path trustCert;

    @Mixin
    DiscoveryOptions options = new DiscoveryOptions();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] pw = new char[0];
        try {
            if (password != null) {
                pw = password.read();
                if (pw == null) {
                    err.println("icesync: " + password.missing());
                    return ExitCodes.USAGE;
                }
            }
            DiscoveryResult r = IceSync.discover(address, pw, options.discovery(DiscoveryOptions.certificates(trustCert)));
            if (json) {
                CliJson.print(out, CliJson.documentOf(asMap(r)));
            } else {
                print(r, out);
            }
            return r.found() ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (IllegalArgumentException | CertificateException e) {
            err.println("icesync: " + TerminalText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    static void print(DiscoveryResult r, PrintWriter out) {
        if (r.found()) {
            DiscoveredSettings s = r.settings();
            out.println("Settings for " + r.email() + " (from " + s.source() + "):");
            line(out, "IMAP", s.imap(), s.imapLogin());
            line(out, "POP3", s.pop3(), s.pop3Login());
            line(out, "SMTP", s.smtp(), s.smtpLogin());
            if (s.web() != null) {
                out.println("  Web     " + s.web());
            }
            if (s.webdav() != null) {
                out.println("  WebDAV  " + s.webdav());
            }
            for (Map<String, String> p : s.otherProtocols()) {
                out.println("  " + String.format("%-7s ", p.getOrDefault("Type", "?")) + p.getOrDefault("Server", "")
                        + (p.containsKey("Port") ? ":" + p.get("Port") : ""));
            }
        } else {
            out.println("No settings found for " + r.email() + ": enter the servers by hand (icesync verify checks them).");
        }
        out.println("Candidates tried:");
        int i = 1;
        for (DiscoveryAttempt a : r.trail()) {
            out.println("  " + i++ + ". " + a);
        }
    }

    private static void line(PrintWriter out, String label, Endpoint e, String login) {
        if (e != null) {
            out.println("  " + String.format("%-7s ", label) + e + (login == null ? "" : "  login " + login));
        }
    }

    static Map<String, Object> asMap(DiscoveryResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", r.email());
        m.put("found", r.found());
        if (r.found()) {
            DiscoveredSettings s = r.settings();
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("source", s.source());
            set.put("imap", endpoint(s.imap(), s.imapLogin()));
            set.put("pop3", endpoint(s.pop3(), s.pop3Login()));
            set.put("smtp", endpoint(s.smtp(), s.smtpLogin()));
            set.put("web", s.web() == null ? null : s.web().toString());
            set.put("webdav", s.webdav() == null ? null : s.webdav().toString());
            set.put("otherProtocols", s.otherProtocols());
            m.put("settings", set);
        }
        List<Map<String, String>> trail = new ArrayList<>();
        for (DiscoveryAttempt a : r.trail()) {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("candidate", a.candidate());
            t.put("outcome", a.outcome().name());
            t.put("detail", a.detail());
            trail.add(t);
        }
        m.put("trail", trail);
        return m;
    }

    private static Map<String, Object> endpoint(Endpoint e, String login) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", e.host());
        m.put("port", e.port());
        m.put("security", e.security().name().toLowerCase(java.util.Locale.ROOT));
        m.put("login", login);
        return m;
    }
}
