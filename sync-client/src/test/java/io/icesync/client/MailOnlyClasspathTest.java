package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.MissingDependencyException;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail-only application: sync-client without its optional modules (sync-groupware, sync-webdav,
 * sync-rules, sync-smartdiscover, sync-net, HttpClient, ez-vcard, POI). Runs in the surefire execution
 * {@code mail-only}, whose class path leaves them out (and sets {@code icesync.mailOnly}); the default
 * execution, with every module, skips it.
 */
@EnabledIfSystemProperty(named = "icesync.mailOnly", matches = "true")
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class MailOnlyClasspathTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    @Test
    void theOptionalModulesAreNotOnThisClassPath() {
        for (String name : new String[] {"io.icesync.groupware.mdn.ReadReceipts", "io.icesync.webdav.WebDavClient",
                "io.icesync.rules.RulesProvider", "io.icesync.smartdiscover.SmartDiscover",
                "org.apache.hc.client5.http.classic.HttpClient", "org.apache.poi.hmef.HMEFMessage"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void mailSyncsBothWaysWithoutTheOptionalModules(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<hi@iwdemo.test>", "Hello"));
        Profile profile = new Profile(new Account(JEAN, JEAN, server.imap()), SyncSettings.defaults(), null);

        try (IceSync sync = IceSync.create(dir, profile, "secret".toCharArray())) {
            SyncReport first = sync.syncOnce();
            assertThat(first.ok()).as(first.summary()).isTrue();
            assertThat(first.downloaded()).isEqualTo(1);

            // Read here: the flag goes up, and the read-receipt listener hears of it.
            Path cur = dir.resolve("mail/INBOX/cur");
            Path message;
            try (Stream<Path> files = Files.list(cur)) {
                message = files.findFirst().orElseThrow();
            }
            String name = message.getFileName().toString();
            String base = name.contains(":2,") ? name.substring(0, name.indexOf(":2,")) : name;
            Files.move(message, cur.resolve(base + ":2,S"));
            SyncReport second = sync.syncOnce();
            assertThat(second.ok()).as(second.summary()).isTrue();
        }
        assertThat(server.account(JEAN).mailbox("INBOX").messages())
                .singleElement().satisfies(m -> assertThat(m.hasFlag("\\Seen")).isTrue());
        assertThat(IceSync.status(dir, 10).folders()).isPositive();
    }

    @Test
    void eachFeatureOfAMissingModuleNamesTheArtifactToAdd(IceWarpServer server) {
        Profile profile = new Profile(new Account(JEAN, JEAN, server.imap()), SyncSettings.defaults(), null);
        try (IceSync sync = IceSync.create(dir, profile, "secret".toCharArray())) {
            assertMissing(() -> sync.icewarpRules(URI.create("https://127.0.0.1:1/icewarpapi/")), "io.icesync:sync-rules");
            assertMissing(() -> sync.sieveRules(null), "io.icesync:sync-rules");
            assertMissing(() -> sync.webdav(URI.create("https://127.0.0.1:1/webdav/")), "io.icesync:sync-webdav");
            assertMissing(() -> sync.pendingReceipts(), "io.icesync:sync-groupware");
            assertMissing(() -> sync.addressList(), "io.icesync:sync-groupware");
            assertMissing(() -> sync.pullSignature(), "io.icesync:sync-rules");
            assertMissing(() -> sync.attachments(), "io.icesync:sync-webdav");
        }
        assertMissing(() -> IceSync.discover(JEAN, "secret".toCharArray()), "io.icesync:sync-smartdiscover");
        assertMissing(() -> TnefAttachments.open(dir.resolve("profile.json"), dir.resolve("out")),
                "org.apache.poi:poi-scratchpad");
    }

    private static void assertMissing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String artifact) {
        assertThatThrownBy(call).isInstanceOf(MissingDependencyException.class)
                .hasMessageContaining(artifact)
                .satisfies(e -> assertThat(((MissingDependencyException) e).artifact()).isEqualTo(artifact));
    }
}
