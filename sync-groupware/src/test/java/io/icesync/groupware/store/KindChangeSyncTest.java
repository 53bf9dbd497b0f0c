package io.icesync.groupware.store;

import static io.icesync.groupware.store.GroupwareSyncTest.card;
import static io.icesync.groupware.store.GroupwareSyncTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncReport;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synced folder typed on the server later (Kolab folder-type) moves between the Maildir and the
 * vdir: its items downloaded again in their new form, the old copy gone, the server unchanged.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class KindChangeSyncTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String KOLAB_TYPE = "/shared/vendor/kolab/folder-type";

    @TempDir
    Path dir;

    /** The groupware sync harness: real IMAP store, Maildir + vdir, SQLite state under {@code dir}. */
    final GroupwareSyncTest client = new GroupwareSyncTest();
    SyncStateStore state;

    SyncReport sync(IceWarpServer server) {
        client.dir = dir;
        SyncReport r = client.sync(server);
        state = client.state;
        return r;
    }

    /** What the server holds, as a record of every message: uid, flags and content. */
    static List<String> snapshot(TestMailbox box) {
        return box.messages().stream().map((TestMessage m) -> m.uid() + " " + m.flags() + " "
                + new String(m.content(), StandardCharsets.UTF_8)).toList();
    }

    List<String> files(String store, String folder) throws IOException {
        Path d = dir.resolve(store).resolve(folder);
        if (!Files.isDirectory(d)) {
            return null;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    List<String> maildirMessages(String folder) throws IOException {
        Path cur = dir.resolve("mail").resolve(folder).resolve("cur");
        if (!Files.isDirectory(cur)) {
            return null;
        }
        try (Stream<Path> s = Files.list(cur)) {
            return s.map(p -> {
                try {
                    String text = Files.readString(p);
                    return text.substring(text.indexOf("Subject: ") + 9, text.indexOf('\r', text.indexOf("Subject: ")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    @Test
    void aMailFolderOfVcardsTypedAsContactsBecomesVcfFilesAndBackToMail(IceWarpServer server) throws IOException {
        TestMailbox box = server.account(JEAN).create("Cards");
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        box.append(message("text/vcard", "c2", card("c2", "Paul Durand")), "\\Seen");
        assertThat(sync(server).ok()).isTrue();
        assertThat(maildirMessages("Cards")).containsExactly("c1", "c2");
        assertThat(files("groupware", "Cards")).isNull();
        List<String> server0 = snapshot(box);

        box.setMetadata(KOLAB_TYPE, "contact");
        SyncReport toContacts = sync(server);

        assertThat(toContacts.ok()).isTrue();
        assertThat(toContacts.structureChanges())
                .containsExactly("kind changed on server, moved locally: Cards (MAIL -> CONTACTS)");
        assertThat(files("groupware", "Cards")).containsExactly("c1.vcf", "c2.vcf");
        assertThat(Files.readString(dir.resolve("groupware/Cards/c1.vcf"))).contains("FN:Anna Martin");
        assertThat(files("mail", "Cards")).as("the Maildir copy").isNull();
        assertThat(snapshot(box)).isEqualTo(server0);
        assertThat(sync(server).changedAnything()).isFalse();
        assertThat(snapshot(box)).isEqualTo(server0);

        box.setMetadata(KOLAB_TYPE, null);
        SyncReport toMail = sync(server);

        assertThat(toMail.ok()).isTrue();
        assertThat(toMail.structureChanges())
                .containsExactly("kind changed on server, moved locally: Cards (CONTACTS -> MAIL)");
        assertThat(files("groupware", "Cards")).as("the vdir copy").isNull();
        assertThat(maildirMessages("Cards")).containsExactly("c1", "c2");
        assertThat(snapshot(box)).isEqualTo(server0);
        assertThat(sync(server).changedAnything()).isFalse();
        assertThat(snapshot(box)).isEqualTo(server0);
    }

    @Test
    void aLocalEditIsSentBeforeTheFolderMoves(IceWarpServer server) throws IOException {
        TestMailbox box = server.account(JEAN).create("Cards");
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        sync(server);
        Path cur = dir.resolve("mail/Cards/cur");
        Path msg;
        try (Stream<Path> s = Files.list(cur)) {
            msg = s.findFirst().orElseThrow();
        }
        // Read in mutt: the \Seen flag is a change made here.
        Files.move(msg, cur.resolve(msg.getFileName().toString().replaceAll(":2,.*$", ":2,S")));

        box.setMetadata(KOLAB_TYPE, "contact");
        SyncReport first = sync(server);

        assertThat(first.structureChanges()).isEmpty();
        assertThat(state.recentEvents(50)).extracting(io.icesync.core.spi.SessionEvent::message).contains(
                "kind changed on server, moved next cycle (1 local changes are sent first): Cards (MAIL -> CONTACTS)");
        assertThat(box.messages()).singleElement().satisfies(m -> assertThat(m.flags()).contains("\\Seen"));
        List<String> server1 = snapshot(box);

        SyncReport second = sync(server);

        assertThat(second.structureChanges())
                .containsExactly("kind changed on server, moved locally: Cards (MAIL -> CONTACTS)");
        assertThat(files("groupware", "Cards")).containsExactly("c1.vcf");
        assertThat(files("mail", "Cards")).isNull();
        assertThat(snapshot(box)).isEqualTo(server1);
    }
}
