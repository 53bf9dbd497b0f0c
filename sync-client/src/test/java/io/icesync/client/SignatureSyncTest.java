package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.PolicyLockedException;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SessionEvent;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestIceWarpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature (F10.6) kept the same in the profile's {@code signature.html}/{@code .txt} and in WebClient,
 * through the testkit's XML API, as a user sees it: in the files, on the server, in the session log.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SignatureSyncTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String WEBCLIENT = "<p>Jean Dupont<br>Ventes &amp; marketing</p>";

    @TempDir
    Path dir;

    @Test
    void withTheSettingOnACycleBringsWebClientsSignatureIntoTheProfile(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, true), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();

            assertThat(file("signature.html")).isEqualTo(WEBCLIENT);
            assertThat(file("signature.txt")).isEqualTo("Jean Dupont\nVentes & marketing");
            assertThat(sync.events(20)).anySatisfy(e -> assertThat(e.message()).isEqualTo("signature pulled"));
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.events(40)).filteredOn(e -> e.message().startsWith("signature")).hasSize(1);
        }
    }

    @Test
    void theSideThatChangedWinsAndAnEditOfTheTextAloneIsTakenToo(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, true), "secret".toCharArray())) {
            sync.syncOnce();
            Files.writeString(dir.resolve("signature.html"), "<b>Jean</b> – Ventes");
            sync.syncOnce();
            assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<b>Jean</b> – Ventes");
            assertThat(file("signature.txt")).isEqualTo("Jean – Ventes");

            server.icewarpApi().signature(JEAN, "<div>Jean D.</div>");
            sync.syncOnce();
            assertThat(file("signature.html")).isEqualTo("<div>Jean D.</div>");
            assertThat(file("signature.txt")).isEqualTo("Jean D.");

            Files.writeString(dir.resolve("signature.txt"), "Jean D.\nR&D <Lyon>");
            sync.syncOnce();
            assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<div>Jean D.<br>R&amp;D &lt;Lyon&gt;</div>");
            assertThat(file("signature.html")).isEqualTo(server.icewarpApi().signature(JEAN));
            assertThat(file("signature.txt")).as("the text the user wrote stays as written").isEqualTo("Jean D.\nR&D <Lyon>");
            assertThat(dir.resolve("signature.conflict.html")).doesNotExist();
        }
    }

    @Test
    void whenBothSidesChangedTheConflictPolicyChoosesAndTheOtherIsKeptBeside(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, true), "secret".toCharArray())) {
            sync.syncOnce();
            Files.writeString(dir.resolve("signature.html"), "<p>edited here</p>");
            server.icewarpApi().signature(JEAN, "<p>edited in WebClient</p>");
            assertThat(sync.syncSignature()).isEqualTo(SignatureOutcome.CONFLICT_SERVER_KEPT);
            assertThat(file("signature.html")).isEqualTo("<p>edited in WebClient</p>");
            assertThat(file("signature.conflict.html")).isEqualTo("<p>edited here</p>");
            assertThat(sync.events(20)).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(SessionEvent.Level.WARNING);
                assertThat(e.message()).isEqualTo("signature conflict");
                assertThat(e.details()).contains("SERVER_WINS", "signature.conflict.html");
            });

            sync.updateSettings(b -> b.conflictPolicy(ConflictPolicy.CLIENT_WINS));
            Files.writeString(dir.resolve("signature.html"), "<p>mine</p>");
            server.icewarpApi().signature(JEAN, "<p>theirs</p>");
            assertThat(sync.syncSignature()).isEqualTo(SignatureOutcome.CONFLICT_LOCAL_KEPT);
            assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<p>mine</p>");
            assertThat(file("signature.conflict.html")).isEqualTo("<p>theirs</p>");
        }
    }

    @Test
    void aRunCutAfterTheServerWasWrittenEndsWithoutAConflict(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, true), "secret".toCharArray())) {
            sync.syncOnce();
            Files.writeString(dir.resolve("signature.html"), "<p>new</p>");
            // As if the push reached the server and the run stopped before recording it.
            server.icewarpApi().signature(JEAN, "<p>new</p>");
            assertThat(sync.syncSignature()).isEqualTo(SignatureOutcome.UNCHANGED);
            assertThat(file("signature.txt")).isEqualTo("new");
            assertThat(dir.resolve("signature.conflict.html")).doesNotExist();
        }
    }

    @Test
    void pullAndPushForceOneSideAndALockedSignatureIsNeverOverwritten(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, false), "secret".toCharArray())) {
            assertThat(sync.pullSignature()).isEqualTo(SignatureOutcome.PULLED);
            assertThat(file("signature.html")).isEqualTo(WEBCLIENT);
            Files.writeString(dir.resolve("signature.html"), "<p>pushed</p>");
            assertThat(sync.pushSignature()).isEqualTo(SignatureOutcome.PUSHED);
            assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<p>pushed</p>");

            server.icewarpApi().right(JEAN, TestIceWarpApi.SIGNATURE, TestIceWarpApi.Right.FORCED_READ);
            Files.writeString(dir.resolve("signature.html"), "<p>not allowed</p>");
            assertThatThrownBy(sync::pushSignature).isInstanceOf(PolicyLockedException.class)
                    .hasMessageContaining("signature is locked");
            assertThat(sync.syncSignature()).isEqualTo(SignatureOutcome.CONFLICT_SERVER_KEPT);
            assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<p>pushed</p>");
            assertThat(file("signature.html")).isEqualTo("<p>pushed</p>");
            assertThat(file("signature.conflict.html")).isEqualTo("<p>not allowed</p>");
        }
    }

    @Test
    void withTheSettingOffACycleDoesNotAskTheServer(IceWarpServer server) throws Exception {
        server.icewarpApi().signature(JEAN, WEBCLIENT);
        try (IceSync sync = IceSync.create(dir, profile(server, false), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
        }
        assertThat(server.icewarpApi().commands()).isEmpty();
        assertThat(dir.resolve("signature.html")).doesNotExist();
    }

    @Test
    void aServerWithoutTheApiIsReportedOnceAsNotAvailableNeverAsAnError(IceWarpServer server) throws Exception {
        server.icewarpApi().enabled(false);
        try (IceSync sync = IceSync.create(dir, profile(server, true), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.events(50)).filteredOn(e -> e.message().startsWith("signature")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.message()).isEqualTo("signature sync not available");
                        assertThat(e.level()).isEqualTo(SessionEvent.Level.INFO);
                    });
            assertThat(sync.events(50)).noneMatch(e -> e.level() == SessionEvent.Level.ERROR);
            assertThat(sync.status(10).lastCycle().error()).isNull();
        }
        assertThat(dir.resolve("signature.html")).doesNotExist();
    }

    static Profile profile(IceWarpServer server, boolean syncSignature) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()));
        return p.withServices(p.services().withXmlApi(server.icewarpApiUrl()))
                .withTrustedCertificatePem(server.certificatePem())
                .withSettings(SyncSettings.builder().syncSignature(syncSignature).build());
    }

    private String file(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
