package io.icesync.examples.cli;

import io.icesync.client.Pop3Mail;
import io.icesync.client.Services;
import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** The options of {@code profile create} that name the account's services beyond IMAP. */
final class ServiceOptions {
    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "The SMTP server that sends mail, e.g. mail.example.com:587.")
    String smtp;

    @Option(names = "--smtp-security", paramLabel = "plain|starttls|ssl",
            description = "How the SMTP connection is protected (default: ssl on port 465, else starttls).")
    Security smtpSecurity;

    @Option(names = "--caldav", paramLabel = "URL", description = "The CalDAV server (calendars, task lists), e.g. https://dav.example.com/. "
            + "With --groupware dav and no URL, it is looked up from the address's domain (DNS SRV, /.well-known).")
    String caldav;

    @Option(names = "--carddav", paramLabel = "URL", description = "The CardDAV server (address books), when it is not the CalDAV one.")
    String carddav;

    @Option(names = "--documents", paramLabel = "URL",
            description = "The WebDAV folder whose files are synced into DIR/documents, e.g. https://mail.example.com/webdav/Files/.")
    String documents;

    @Option(names = "--smartattach", paramLabel = "URL",
            description = "The server's WebDAV & SmartAttach URL, where attachment links of mail and events point"
                    + " (icesync attachments), e.g. https://mail.example.com/webdav/.")
    String smartAttach;

    @Option(names = "--groupware", paramLabel = "imap|dav",
            description = "Where contacts, events, tasks and notes come from: imap (IceWarp's typed folders, the default) or dav (CalDAV/CardDAV).")
    String groupware;

    @Option(names = "--pop3", paramLabel = "HOST:PORT",
            description = "A GroupWare profile: mail comes over POP3 from this server into DIR/mail/INBOX (each message once,"
                    + " by its UIDL), e.g. mail.example.com:995; the IMAP server then serves the groupware folders only.")
    String pop3;

    @Option(names = "--pop3-security", paramLabel = "plain|starttls|ssl",
            description = "How the POP3 connection is protected (default: plain on port 110, else ssl).")
    Security pop3Security;

    @Option(names = "--leave-on-server", description = "With --pop3: keep a copy of each message on the server (the default).")
    boolean leaveOnServer;

    @Option(names = "--delete-after-days", paramLabel = "N",
            description = "With --pop3: delete a message from the server N days after it was downloaded (0: at once).")
    Integer deleteAfterDays;

    @Option(names = "--login", paramLabel = "SERVICE=USER",
            description = "A login for one service whose server wants another than the account's (repeatable), e.g."
                    + " --login smtp=jean; its own password, if any: icesync profile password --service SERVICE.")
    java.util.Map<String, String> logins;

    /** {@code base} with what the options give. */
    Services apply(Services base) {
        Services s = base;
        if (smtp != null) {
            Security sec = smtpSecurity != null ? smtpSecurity : smtp.endsWith(":465") ? Security.SSL : Security.STARTTLS;
            try {
                s = s.withSmtp(Endpoint.parse(smtp, sec));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("smtp", "--smtp " + smtp + ": " + e.getMessage());
            }
        } else if (smtpSecurity != null) {
            throw new InvalidSettingException("smtp", "--smtp-security needs --smtp HOST:PORT");
        }
        s = withPop3(s);
        if (caldav != null) {
            s = s.withCaldav(url("caldav", caldav));
        }
        if (carddav != null) {
            s = s.withCarddav(url("carddav", carddav));
        }
        if (documents != null) {
            s = s.withDocuments(url("documents", documents));
        }
        if (smartAttach != null) {
            s = s.withSmartAttach(url("smartAttach", smartAttach));
        }
        if (logins != null && !logins.isEmpty()) {
            java.util.Map<String, String> all = new java.util.HashMap<>(s.logins());
            all.putAll(logins);
            s = s.withLogins(all);
        }
        if (groupware != null) {
            s = s.withGroupware(Services.GroupwareSource.parse(groupware));
        }
        return s;
    }

    private Services withPop3(Services s) {
        if (pop3 == null) {
            if (pop3Security != null || leaveOnServer || deleteAfterDays != null) {
                throw new InvalidSettingException("pop3", "--pop3-security, --leave-on-server and --delete-after-days"
                        + " need --pop3 HOST:PORT");
            }
            return s;
        }
        if (leaveOnServer && deleteAfterDays != null) {
            throw new InvalidSettingException("pop3", "--leave-on-server and --delete-after-days exclude each other");
        }
        Security sec = pop3Security != null ? pop3Security : pop3.endsWith(":110") ? Security.PLAIN : Security.SSL;
        Endpoint server;
        try {
            server = Endpoint.parse(pop3, sec);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("pop3", "--pop3 " + pop3 + ": " + e.getMessage());
        }
        if (deleteAfterDays != null && (deleteAfterDays < 0 || deleteAfterDays > Pop3Mail.MAX_DAYS)) {
            throw new InvalidSettingException("pop3", "--delete-after-days " + deleteAfterDays + ": expected 0 to "
                    + Pop3Mail.MAX_DAYS);
        }
        return s.withPop3(deleteAfterDays == null ? Pop3Mail.leaveOnServer(server)
                : Pop3Mail.deleteAfterDays(server, deleteAfterDays));
    }

    private static URI url(String option, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(option, "--" + option + " " + text + ": not a URL (" + e.getReason() + ")");
        }
    }
}
