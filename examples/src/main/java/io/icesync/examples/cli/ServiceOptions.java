package io.icesync.examples.cli;

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

    private static URI url(String option, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(option, "--" + option + " " + text + ": not a URL (" + e.getReason() + ")");
        }
    }
}
