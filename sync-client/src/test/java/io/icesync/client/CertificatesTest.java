package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** F2.3 with a real TLS server: refused and shown, accepted and kept in the profile, removed and refused again. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class CertificatesTest {
    @TempDir
    Path dir;

    @Test
    void anAcceptedCertificateIsKeptListedAndRemovable(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<c@x>", "over TLS"));
        Profile p = new Profile(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imaps()),
                SyncSettings.defaults(), null);
        X509Certificate shown;
        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            assertThat(sync.certificates().accepted()).isEmpty();
            UntrustedCertificateException e = catchUntrusted(sync);
            shown = e.chain().get(0);
            assertThat(shown).isEqualTo(server.certificate());

            sync.certificates().accept(shown);
            assertThat(sync.syncOnce().downloaded()).isEqualTo(1);
            assertThat(sync.profile().trustedCertificatePem()).contains("BEGIN CERTIFICATE");
        }
        assertThat(Files.readString(dir.resolve("profile.json"))).contains("BEGIN CERTIFICATE");

        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.certificates().accepted()).containsExactly(shown);
            assertThat(sync.syncOnce().ok()).as("accepted in an earlier run: still trusted").isTrue();

            String fp = CertificateTrust.sha256(shown);
            assertThat(sync.certificates().remove(fp.toLowerCase().replace(":", ""))).isTrue();
            assertThat(sync.certificates().remove(fp)).isFalse();
            server.faults().afterCommands(0).drop(); // the open connection breaks: the next one reads the list
            assertThatThrownBy(sync::syncOnce).isInstanceOf(UntrustedCertificateException.class);
        }
        assertThat(Files.readString(dir.resolve("profile.json"))).doesNotContain("BEGIN CERTIFICATE");
    }

    private static UntrustedCertificateException catchUntrusted(IceSync sync) {
        try {
            sync.syncOnce();
        } catch (UntrustedCertificateException e) {
            return e;
        }
        throw new AssertionError("an untrusted self-signed server was accepted");
    }
}
