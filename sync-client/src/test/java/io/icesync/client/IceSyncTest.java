package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.icesync.core.Account;
import io.icesync.core.AuthenticationException;
import io.icesync.core.Endpoint;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.PolicyLockedException;
import io.icesync.core.Security;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.PolicyLevel;
import io.icesync.core.settings.SettingsPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.SecretStores;
import io.icesync.core.store.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IceSyncTest {
    static final String PASSWORD = "S3cret-pass!word";
    static final Account JEAN = new Account("jean@iwdemo.test", "jean@iwdemo.test",
            new Endpoint("127.0.0.1", 10143, Security.PLAIN));

    @TempDir
    Path dir;

    final FakeServer server = new FakeServer();

    private IceSync openWithFake() {
        return IceSync.builder().directory(dir).remote(server.remote()).build();
    }

    @Test
    void createWritesTheProfileWithoutThePasswordAndTheSecretOwnerOnly() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();

        String profile = Files.readString(dir.resolve(IceSync.PROFILE_FILE));
        assertThat(profile).contains("jean@iwdemo.test").doesNotContain(PASSWORD);
        assertThat(Profile.fromJson(profile)).isEqualTo(Profile.of(JEAN));
        Path secrets = dir.resolve(IceSync.SECRETS_FILE);
        assertThat(Files.readString(secrets)).contains(PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        // The password is in no other file of the folder.
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.equals(secrets)).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void createRefusesAFolderThatHoldsAProfile() {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        assertThatThrownBy(() -> IceSync.create(dir, Profile.of(JEAN), "other".toCharArray()))
                .isInstanceOf(IceSyncException.class).hasMessageContaining("a profile exists already");
    }

    @Test
    void createRefusesACertificateThatIsNotPem() {
        Profile p = Profile.of(JEAN).withTrustedCertificatePem("not a certificate");
        assertThatThrownBy(() -> IceSync.create(dir, p, PASSWORD.toCharArray()))
                .isInstanceOf(io.icesync.core.InvalidSettingException.class).hasMessageContaining("PEM");
        assertThat(dir.resolve(IceSync.PROFILE_FILE)).doesNotExist();
    }

    @Test
    void aProfileThatCannotBeLockedSaysWhy() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        Files.delete(dir.resolve(io.icesync.client.internal.ProfileLock.FILE));
        Files.createDirectory(dir.resolve(io.icesync.client.internal.ProfileLock.FILE));

        assertThatThrownBy(() -> IceSync.open(dir)).isInstanceOf(io.icesync.core.StoreException.class)
                .hasMessageEndingWith("icesync.lock: is a directory");
    }

    @Test
    void openWithoutAProfileSaysWhatIsMissing() {
        assertThatThrownBy(() -> IceSync.open(dir)).isInstanceOf(IceSyncException.class)
                .hasMessageContaining("no profile in " + dir).hasMessageContaining("profile.json");
    }

    @Test
    void anAppCanKeepThePasswordInItsOwnSecretStore() throws Exception {
        SecretStore keychain = SecretStores.inMemory();
        IceSync.builder().secrets(keychain).create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();

        assertThat(dir.resolve(IceSync.SECRETS_FILE)).doesNotExist();
        assertThat(keychain.get(JEAN.secretKey())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo(PASSWORD));

        SecretStore mocked = mock(SecretStore.class);
        when(mocked.get(anyString())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> IceSync.builder().directory(dir).secrets(mocked).build())
                .isInstanceOf(IceSyncException.class).hasMessageContaining("no password is stored for jean@iwdemo.test");
        verify(mocked).get(JEAN.secretKey());
        verify(mocked, never()).put(anyString(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void syncOnceFillsTheMaildirAndSavesTheReportForAnotherProcess() throws Exception {
        server.folder("Projets/Été 2026");
        server.add("INBOX", "<a@iwdemo.test>", Flags.of(Flag.SEEN));
        server.add("INBOX", "<b@iwdemo.test>", Flags.NONE);
        server.add("Projets/Été 2026", "<c@iwdemo.test>", Flags.NONE);
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();

        SyncReport r;
        try (IceSync sync = openWithFake()) {
            r = sync.syncOnce();
            assertThat(sync.counters()).isEqualTo(new SyncCounters(3, 3, 0, 0, 3, 3));
        }

        assertThat(r.ok()).isTrue();
        assertThat(r.downloaded()).isEqualTo(3);
        assertThat(files(dir.resolve("mail/INBOX/cur"))).hasSize(2);
        assertThat(files(dir.resolve("mail/Projets/Été 2026/cur"))).hasSize(1);

        ProfileStatus s = IceSync.status(dir, 50);
        assertThat(s.items()).isEqualTo(3);
        assertThat(s.folders()).isEqualTo(3);
        LastCycle last = s.lastCycle();
        assertThat(last.kind()).isEqualTo("full");
        assertThat(last.ok()).isTrue();
        assertThat(last.summary()).isEqualTo(r.summary());
        assertThat(last.counters().toString()).isEqualTo("Downloaded 3/3, Uploaded 0/0, Internal 3/3");
        assertThat(s.events()).extracting(e -> e.message()).contains("item synchronisation of INBOX");
    }

    @Test
    void changesOnBothSidesMeetAndAResyncChangesNothing() throws Exception {
        long a = server.add("INBOX", "<a@iwdemo.test>", Flags.NONE);
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        try (IceSync sync = openWithFake()) {
            sync.syncOnce();
            server.setFlags("INBOX", a, Flags.of(Flag.SEEN, Flag.FLAGGED));
            Path cur = dir.resolve("mail/INBOX/cur");
            Files.write(dir.resolve("mail/INBOX/new/1790000000.local.test"),
                    FakeServer.message("<local@iwdemo.test>", "écrit localement", "x"));
            SyncReport second = sync.syncOnce();
            assertThat(second.uploaded()).isEqualTo(1);
            assertThat(second.folders().get(0).flagsToLocal()).isEqualTo(1);
            assertThat(files(cur)).anyMatch(f -> f.endsWith(":2,FS"));
            assertThat(server.flags("INBOX", "<local@iwdemo.test>")).isNotNull();

            SyncReport third = sync.syncOnce();
            assertThat(third.changedAnything()).isFalse();
        }
    }

    @Test
    void anItemThatFailsThreeTimesIsIgnoredAndReportedUntilCleared() {
        server.add("INBOX", "<good@iwdemo.test>", Flags.NONE);
        long bad = server.add("INBOX", "<bad@iwdemo.test>", Flags.NONE);
        server.failFetch(bad);
        List<IgnoredItem> seen = new CopyOnWriteArrayList<>();
        try (IceSync sync = IceSync.builder().profile(Profile.of(JEAN)).remote(server.remote())
                .local(LocalStores.inMemory()).state(StateStores.inMemory())
                .listener(new SyncListener() {
                    @Override
                    public void onItemFailed(IgnoredItem item) {
                        seen.add(item);
                    }
                }).build()) {
            SyncReport first = sync.syncOnce();
            assertThat(first.failed()).isEqualTo(1);
            assertThat(sync.status(10).lastCycle().ok()).isFalse();
            sync.syncOnce();
            sync.syncOnce();
            assertThat(sync.failures()).singleElement().satisfies(i -> {
                assertThat(i.key()).isEqualTo("uid:" + bad);
                assertThat(i.ignored()).isTrue();
                assertThat(i.lastError()).contains("cannot send message");
            });
            assertThat(sync.syncOnce().failed()).as("an ignored item is no longer tried").isZero();
            assertThat(seen).hasSize(3);

            sync.clearIgnored(FolderPath.of("INBOX"));
            assertThat(sync.failures()).isEmpty();
            assertThat(sync.status(10).ignored()).isZero();
        }
    }

    @Test
    void aRefusedLoginIsThrownAndRecordedAsTheLastCycle() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        server.fault(FakeServer.Fault.LOGIN_REFUSED);
        try (IceSync sync = openWithFake()) {
            assertThatThrownBy(sync::syncOnce).isInstanceOf(AuthenticationException.class);
        }
        LastCycle last = IceSync.status(dir, 5).lastCycle();
        assertThat(last.ok()).isFalse();
        assertThat(last.summary()).isNull();
        assertThat(last.error()).contains("refused the login");
    }

    @Test
    void settingsChangesArePersistedAndPolicyLocksRespected() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        SettingsPolicy policy = SettingsPolicy.builder()
                .force(PolicyLevel.DOMAIN, "priorityIntervalMinutes", Duration.ofMinutes(5)).build();
        try (IceSync sync = IceSync.builder().directory(dir).remote(server.remote()).policy(policy).build()) {
            assertThat(sync.settings().priorityInterval()).isEqualTo(Duration.ofMinutes(5));

            SyncSettings s = sync.updateSettings(b -> b.standardInterval(Duration.ofMinutes(45)));
            assertThat(s.standardInterval()).isEqualTo(Duration.ofMinutes(45));

            assertThatThrownBy(() -> sync.updateSettings(b -> b.priorityInterval(Duration.ofMinutes(2))))
                    .isInstanceOf(PolicyLockedException.class).hasMessageContaining("priorityIntervalMinutes");
            assertThat(sync.settings().priorityInterval()).isEqualTo(Duration.ofMinutes(5));
        }
        Profile saved = Profile.fromJson(Files.readString(dir.resolve(IceSync.PROFILE_FILE)));
        assertThat(saved.settings().standardInterval()).isEqualTo(Duration.ofMinutes(45));
        assertThat(saved.settings().priorityInterval()).as("the user's own value stays underneath the policy")
                .isEqualTo(SyncSettings.defaults().priorityInterval());
    }

    @Test
    void oneIceSyncPerProfileFolderAtATime() {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        try (IceSync first = openWithFake()) {
            assertThatThrownBy(this::openWithFake).isInstanceOf(IceSyncException.class)
                    .hasMessageContaining("in use by another IceSync");
            assertThat(IceSync.status(dir, 5)).as("status still works while a sync holds the folder").isNotNull();
        }
        openWithFake().close();
    }

    @Test
    void scheduledSyncRunsAFullCycleAtOnceReportsItAndStops() throws Exception {
        server.add("INBOX", "<a@iwdemo.test>", Flags.NONE);
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        CountDownLatch cycles = new CountDownLatch(1);
        List<SyncReport> reports = new CopyOnWriteArrayList<>();
        try (IceSync sync = openWithFake()) {
            ScheduledSync scheduled = sync.startScheduled(r -> {
                reports.add(r);
                cycles.countDown();
            }, null);
            assertThat(cycles.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(scheduled.isRunning()).isTrue();
            assertThat(scheduled.runNow().get(20, TimeUnit.SECONDS).changedAnything()).isFalse();
            assertThat(scheduled.stop(Duration.ofSeconds(10))).isTrue();
            assertThat(scheduled.isRunning()).isFalse();
        }
        assertThat(reports.get(0).downloaded()).isEqualTo(1);
        assertThat(IceSync.status(dir, 5).lastCycle().kind()).isEqualTo("full");
    }

    @Test
    void scheduledErrorsReachTheHandlerAndTheScheduleGoesOn() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        server.fault(FakeServer.Fault.UNREACHABLE);
        CountDownLatch failed = new CountDownLatch(1);
        try (IceSync sync = openWithFake()) {
            ScheduledSync scheduled = sync.startScheduled(null, e -> failed.countDown());
            assertThat(failed.await(20, TimeUnit.SECONDS)).isTrue();
            server.fault(FakeServer.Fault.NONE);
            assertThat(scheduled.runNow().get(20, TimeUnit.SECONDS).ok()).isTrue();
        }
    }

    @Test
    void aFatalErrorStopsTheScheduleAndReachesTheCaller() throws Exception {
        IceSync.create(dir, Profile.of(JEAN), PASSWORD.toCharArray()).close();
        server.fault(FakeServer.Fault.OUT_OF_MEMORY);
        CountDownLatch fatal = new CountDownLatch(1);
        List<Throwable> heard = new CopyOnWriteArrayList<>();
        try (IceSync sync = openWithFake()) {
            ScheduledSync scheduled = sync.startScheduled(null, heard::add, e -> {
                heard.add(e);
                fatal.countDown();
            });
            assertThat(fatal.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(heard).singleElement().isInstanceOf(OutOfMemoryError.class);
            assertThat(scheduled.stop(Duration.ofSeconds(20))).isTrue();
            assertThat(scheduled.isRunning()).isFalse();
            assertThat(scheduled.fatal()).containsInstanceOf(OutOfMemoryError.class);
            assertThatThrownBy(scheduled::runNow).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        }
        assertThat(server.connects()).isEqualTo(1);
    }

    private static List<String> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
