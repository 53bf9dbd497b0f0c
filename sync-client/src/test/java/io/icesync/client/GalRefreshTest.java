package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.Clock;
import io.icesync.groupware.gal.DisplayOrder;
import io.icesync.groupware.gal.GalEntry;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GAL (F6.3) is refreshed on its own interval in scheduled mode ({@code galSync}, {@code galInterval}),
 * not on every cycle. The profile's clock stands in for the hour the interval asks for.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class GalRefreshTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-24T09:00:00Z"));
    final Clock clock = now::get;

    @Test
    void scheduledTheListIsRefreshedOncePerGalIntervalWhateverTheOtherCycles(IceWarpServer server) throws Exception {
        var contacts = server.account(JEAN).create("Contacts").kind(FolderKind.CONTACTS);
        contacts.appendObject(Messages.card("c1", "Anna Martin"));
        create(server, true).close();

        try (IceSync sync = IceSync.builder().directory(dir).clock(clock).build();
             ScheduledSync s = sync.startScheduled()) {
            s.runNow().get(30, TimeUnit.SECONDS);
            assertThat(names(sync)).as("the first scheduled run finds the list never refreshed").containsExactly("Anna Martin");

            contacts.appendObject(Messages.card("c2", "Bruno Keller"));
            advance(Duration.ofMinutes(59));
            s.runNow().get(30, TimeUnit.SECONDS);
            assertThat(names(sync)).as("the cycle synced the card, the list waits for its interval").containsExactly("Anna Martin");

            advance(Duration.ofMinutes(1));
            s.runNow().get(30, TimeUnit.SECONDS);
            assertThat(names(sync)).containsExactly("Anna Martin", "Bruno Keller");
            assertThat(sync.events(50)).filteredOn(e -> e.message().equals("address list refreshed")).hasSize(2);
        }
    }

    @Test
    void withGalSyncOffTheScheduleLeavesTheListAloneAndARefreshOnDemandReadsIt(IceWarpServer server) throws Exception {
        var contacts = server.account(JEAN).create("Contacts").kind(FolderKind.CONTACTS);
        contacts.appendObject(Messages.card("c1", "Anna Martin"));
        create(server, false).close();

        try (IceSync sync = IceSync.builder().directory(dir).clock(clock).build()) {
            assertThat(names(sync)).isEmpty();
            try (ScheduledSync s = sync.startScheduled()) {
                s.runNow().get(30, TimeUnit.SECONDS);
                advance(Duration.ofDays(2));
                s.runNow().get(30, TimeUnit.SECONDS);
            }
            assertThat(names(sync)).isEmpty();
            assertThat(sync.events(50)).noneMatch(e -> e.message().equals("address list refreshed"));

            contacts.appendObject(Messages.card("c2", "Bruno Keller"));
            assertThat(sync.refreshAddressList().entries(DisplayOrder.NATIVE)).extracting(GalEntry::displayName)
                    .containsExactly("Anna Martin", "Bruno Keller");
        }
    }

    private IceSync create(IceWarpServer server, boolean galSync) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()))
                .withSettings(SyncSettings.builder().galSync(galSync).build());
        return IceSync.create(dir, p, "secret".toCharArray());
    }

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    private static java.util.List<String> names(IceSync sync) {
        return sync.addressList().entries(DisplayOrder.NATIVE).stream().map(GalEntry::displayName).toList();
    }
}
