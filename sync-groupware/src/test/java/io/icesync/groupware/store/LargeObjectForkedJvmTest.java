package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 30 MB contact under a 64 MB heap, in a JVM of its own: on the server and written here, it fails
 * alone and INBOX is synced, run after run; no OutOfMemoryError.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class LargeObjectForkedJvmTest {
    @TempDir
    Path dir;

    /** The child: one sync cycle with the default stores and limits, then a line a test can read. */
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(new io.icesync.core.Endpoint("127.0.0.1",
                        Integer.parseInt(args[0]), io.icesync.core.Security.PLAIN)).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
             GroupwareLocalStore local = new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")),
                     new VdirLocalStore(dir.resolve("groupware")));
             SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"))) {
            SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state)
                    .settings(SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build().syncOnce();
            r.folders().forEach(f -> System.out.println("folder " + f.folder() + " downloaded=" + f.downloaded()
                    + " uploaded=" + f.uploaded() + " failed=" + f.failed()));
            state.failures().forEach(f -> System.out.println("failure " + f.lastError()));
        }
    }

    private String fork(IceWarpServer server) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), LargeObjectForkedJvmTest.class.getName(),
                String.valueOf(server.imap().port()), dir.toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).doesNotContain("OutOfMemoryError");
        return out;
    }

    @Test
    void aThirtyMegabyteContactNeverStopsInbox(IceWarpServer server) throws Exception {
        var a = server.account("jean@iwdemo.test");
        a.create("Contacts").kind(FolderKind.CONTACTS).appendObject(LargeObjectSyncTest.bigCard("huge", 30 << 20));
        a.mailbox("INBOX").append("Message-ID: <i1@x>\r\nSubject: one\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8));

        String first = fork(server);
        assertThat(first).contains("folder INBOX downloaded=1", "folder Contacts downloaded=0 uploaded=0 failed=1",
                "is larger than the 8.0 MB a groupware object may have");

        Files.writeString(dir.resolve("groupware/Contacts/local-huge.vcf"), LargeObjectSyncTest.bigCard("local-huge", 30 << 20));
        a.mailbox("INBOX").append("Message-ID: <i2@x>\r\nSubject: two\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8));
        String second = fork(server);
        assertThat(second).contains("folder INBOX downloaded=1", "local-huge.vcf is larger than the 8.0 MB");
        assertThat(List.of(a.mailbox("Contacts").size())).containsExactly(1);
    }
}
