package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@code icesync server} prints: where each service listens, the accounts and the certificate. */
final class ServerJson {
    private ServerJson() {
    }

    static ObjectNode document(IceWarpServer s) {
        ObjectNode o = CliJson.document();
        o.put("host", s.imap().host());
        o.set("imap", service(s.imap().port(), "starttls", "imap://" + s.imap().host() + ":" + s.imap().port()));
        o.set("imaps", service(s.imaps().port(), "ssl", "imaps://" + s.imaps().host() + ":" + s.imaps().port()));
        o.set("pop3", service(s.pop3().port(), "starttls", "pop3://" + s.pop3().host() + ":" + s.pop3().port()));
        o.set("pop3s", service(s.pop3s().port(), "ssl", "pop3s://" + s.pop3s().host() + ":" + s.pop3s().port()));
        o.set("smtp", service(s.smtp().port(), "starttls", "smtp://" + s.smtp().host() + ":" + s.smtp().port()));
        o.set("http", service(s.http().getPort(), "plain", s.http().toString()));
        o.set("https", service(s.https().getPort(), "ssl", s.https().toString()));
        o.set("dns", service(s.dns().getPort(), "plain", "dns://" + s.dns().getHostString() + ":" + s.dns().getPort()));
        ObjectNode urls = o.putObject("urls");
        urls.put("webdav", s.webdavUrl().toString());
        urls.put("icewarpApi", s.icewarpApiUrl().toString());
        urls.put("autodiscover", s.http().resolve("autodiscover/autodiscover.xml").toString());
        urls.put("autoconfig", s.http().resolve("mail/config-v1.1.xml").toString());
        urls.put("freebusy", s.http().resolve("freebusy/").toString());
        ArrayNode accounts = o.putArray("accounts");
        List<TestAccount> all = new ArrayList<>(s.model().accounts());
        all.sort(Comparator.comparing(TestAccount::email));
        for (TestAccount a : all) {
            ObjectNode acc = accounts.addObject();
            acc.put("email", a.email());
            ArrayNode folders = acc.putArray("folders");
            a.names().stream().sorted().forEach(folders::add);
        }
        o.put("certificatePem", s.certificatePem());
        return o;
    }

    private static ObjectNode service(int port, String security, String url) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        o.put("port", port);
        o.put("security", security);
        o.put("url", url);
        return o;
    }
}
