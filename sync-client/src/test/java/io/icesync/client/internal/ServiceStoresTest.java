package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.Profile;
import io.icesync.client.Services;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.LocalItem;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a profile's services beyond mail hand their engines. */
class ServiceStoresTest {
    static final String EVENT = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//laptop//EN\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
            + "DTSTAMP:20261101T080000Z\r\nDTSTART:20261102T090000Z\r\nSUMMARY:Written here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @TempDir
    Path dir;

    @Test
    void anEventWrittenInGroupwareGoesToTheCalDavServerAsTheEventItself() throws Exception {
        Profile p = Profile.of(new Account("jean@iwdemo.test", "jean@iwdemo.test", new Endpoint("127.0.0.1", 1, Security.PLAIN)))
                .withServices(Services.NONE.withGroupware(Services.GroupwareSource.DAV)
                        .withCaldav(URI.create("http://127.0.0.1:1/")));
        List<ServiceStores.Stores> stores = ServiceStores.open(dir, p, service -> "secret"::toCharArray, CertificateTrust.inMemory(),
                io.icesync.net.HttpClientFactory.standard(),
                SyncSettings::defaults, "groupware", "documents", "state.db");
        try {
            assertThat(stores).extracting(ServiceStores.Stores::name).containsExactly("dav");
            assertThat(ServiceStores.plan(p, "groupware", "documents")).extracting(ServiceStores.Plan::name)
                    .containsExactly("dav");
            FolderPath agenda = FolderPath.of("Agenda");
            stores.get(0).local().createFolder(agenda, FolderKind.EVENTS);
            Files.writeString(dir.resolve("groupware/Agenda/e1.ics"), EVENT);
            LocalItem item = stores.get(0).local().items(agenda).get(0);
            try (InputStream in = stores.get(0).local().open(agenda, item.id())) {
                // What the engine PUTs: a MIME message around it is refused by CalDAV servers (Radicale: 400).
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(EVENT);
            }
        } finally {
            ServiceStores.closeAll(stores, null);
        }
    }
}
