package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.client.Services;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.settings.SettingsPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync profile show}: what a profile folder holds, never its password. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"The profile's account, server and security, a summary of its settings (icesync settings show "
                + "lists them all), its folder kinds and names and the certificates it accepts (SHA-256). Reads the "
                + "folder only: no network, no password, and it works while icesync sync runs."})
final class ProfileShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile p;
        SettingsPolicy policy;
        Map<FolderPath, FolderKind> synced;
        List<X509Certificate> certs;
        try {
            p = IceSync.readProfile(dir);
            policy = IceSync.readPolicy(dir);
            synced = IceSync.syncedKinds(dir);
            certs = p.trustedCertificatePem() == null ? List.of() : CapturingTrust.parsePem(p.trustedCertificatePem());
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        } catch (CertificateException e) {
            err.println("icesync: " + dir.resolve(IceSync.PROFILE_FILE) + ": trustedCertificatePem: " + e.getMessage());
            return ExitCodes.PROFILE;
        }
        SyncSettings s = policy.apply(p.settings());
        if (json) {
            out.println(SettingsCommand.JSON.writeValueAsString(json(p, policy, s, synced, certs)));
        } else {
            text(p, policy, s, synced, certs, out);
        }
        return ExitCodes.OK;
    }

    private void text(Profile p, SettingsPolicy policy, SyncSettings s, Map<FolderPath, FolderKind> synced,
                      List<X509Certificate> certs, PrintWriter out) {
        out.println("profile:      " + dir);
        out.println(TerminalText.escape("account:      " + p.account().email() + " (login " + p.account().login() + ")"));
        out.println(TerminalText.escape("imap:         " + p.account().imap().host() + ":" + p.account().imap().port()));
        out.println("security:     " + p.account().imap().security().name().toLowerCase(java.util.Locale.ROOT));
        out.println("proxy:        " + p.proxy().text());
        out.println("mail login:   " + (p.mail().oauth() ? "OAuth tokens (" + p.mail().tokenMechanism()
                + ", from ICESYNC_TOKEN_COMMAND or ICESYNC_TOKEN)" : "password"));
        new java.util.TreeMap<>(p.mail().properties()).forEach((k, v) -> out.println(TerminalText.escape(
                "mail property: " + k + "=" + v)));
        services(p.services(), out);
        out.println("pop3 listener: " + (p.pop3ListenerPort() == 0 ? "none"
                : "127.0.0.1:" + p.pop3ListenerPort() + " while icesync sync runs on its schedule"));
        out.println("settings:     folder tree every " + s.structureInterval().toMinutes() + " min, priority folders every "
                + s.priorityInterval().toMinutes() + " min, others every " + s.standardInterval().toMinutes() + " min");
        out.println("              sync after a local change: " + (s.syncAfterLocalChange() ? "on" : "off")
                + ", server push: " + (s.pushChanges() ? "on" : "off") + ", conflicts: " + s.conflictPolicy() + ", download: " + s.downloadMode()
                + ", locked by policy: " + (policy.locks().isEmpty() ? "none" : String.join(", ", policy.locks().keySet())));
        if (p.folderKinds().isEmpty()) {
            out.println("folder kinds: none set (the server's, or the folder names, decide)");
        }
        p.folderKinds().forEach((f, k) -> out.println(TerminalText.escape("folder kind:  " + FolderKinds.pathText(f)
                + " " + FolderKinds.kindText(k))));
        out.println(p.folderNames() == null ? "folder names: IceWarp's" : TerminalText.escape("folder names: "
                + p.folderNames()));
        out.println("synced:       " + synced.size() + " folders (" + synced.values().stream()
                .filter(k -> k != FolderKind.MAIL).count() + " groupware)");
        if (certs.isEmpty()) {
            out.println("certificates: the system's CAs only");
        }
        for (X509Certificate c : certs) {
            out.println(TerminalText.escape("certificate:  " + CertificateTrust.sha256(c) + "  "
                    + c.getSubjectX500Principal().getName() + "  until " + c.getNotAfter().toInstant()));
        }
    }

    private static void services(Services v, PrintWriter out) {
        out.println("groupware:    " + (v.davGroupware() ? "over CalDAV/CardDAV into groupware/" : "from IMAP folders"));
        line(out, "mail:", v.pop3() == null ? null : "over POP3 from " + v.pop3().server().host() + ":"
                + v.pop3().server().port() + " (" + v.pop3().server().security().name().toLowerCase(java.util.Locale.ROOT)
                + "), " + (v.pop3().leavesOnServer() ? "a copy left on the server"
                : "deleted from the server " + v.pop3().deleteAfterDays() + " days after download") + " (GroupWare profile)");
        line(out, "smtp:", v.smtp() == null ? null : v.smtp().host() + ":" + v.smtp().port() + " ("
                + v.smtp().security().name().toLowerCase(java.util.Locale.ROOT) + ")");
        line(out, "caldav:", v.caldav() == null && v.davGroupware() && v.carddav() == null
                ? "found from the address's domain at each open" : v.caldav());
        line(out, "carddav:", v.carddav());
        line(out, "documents:", v.documents() == null ? "not synced" : v.documents() + " into documents/");
        line(out, "smartAttach:", v.smartAttach());
        line(out, "freeBusy:", v.freeBusy());
        line(out, "xmlApi:", v.xmlApi());
        v.logins().forEach((service, login) -> line(out, "login:", service + " as " + login));
    }

    private static void line(PrintWriter out, String label, Object value) {
        if (value != null) {
            out.println(TerminalText.escape(String.format(java.util.Locale.ROOT, "%-13s %s", label, value)));
        }
    }

    private ObjectNode json(Profile p, SettingsPolicy policy, SyncSettings s, Map<FolderPath, FolderKind> synced,
                            List<X509Certificate> certs) throws IOException {
        ObjectNode o = CliJson.document();
        o.put("profile", dir.toString()).put("email", p.account().email()).put("login", p.account().login());
        o.putObject("imap").put("host", p.account().imap().host()).put("port", p.account().imap().port())
                .put("security", p.account().imap().security().name().toLowerCase(java.util.Locale.ROOT));
        o.put("proxy", p.proxy().text());
        o.put("auth", p.mail().oauth() ? "oauth" : "password");
        o.put("tokenMechanism", p.mail().oauth() ? p.mail().tokenMechanism().name() : null);
        com.fasterxml.jackson.databind.node.ObjectNode mailProps = o.putObject("mailProperties");
        new java.util.TreeMap<>(p.mail().properties()).forEach(mailProps::put);
        // The services as profile.json holds them; "groupware" alone when the account has no other service.
        com.fasterxml.jackson.databind.JsonNode services = SettingsCommand.JSON.readTree(p.toJson()).get("services");
        o.set("services", services != null ? services : SettingsCommand.JSON.createObjectNode().put("groupware", "imap"));
        o.set("settings", SettingsCommand.JSON.readTree(io.icesync.core.settings.SettingsJson.write(s)));
        ArrayNode locked = o.putArray("locked");
        policy.locks().keySet().forEach(locked::add);
        ObjectNode kinds = o.putObject("folderKinds");
        p.folderKinds().forEach((f, k) -> kinds.put(FolderKinds.pathText(f), k.name()));
        if (p.folderNames() == null) {
            o.putNull("folderNames");
        } else {
            ObjectNode names = o.putObject("folderNames");
            p.folderNames().forEach((n, k) -> names.put(n, k.name()));
        }
        ObjectNode syncedKinds = o.putObject("syncedKinds");
        synced.forEach((f, k) -> syncedKinds.put(FolderKinds.pathText(f), k.name()));
        ArrayNode c = o.putArray("certificates");
        for (X509Certificate x : certs) {
            c.addObject().put("sha256", CertificateTrust.sha256(x)).put("subject", x.getSubjectX500Principal().getName())
                    .put("notAfter", x.getNotAfter().toInstant().toString());
        }
        return o;
    }
}
