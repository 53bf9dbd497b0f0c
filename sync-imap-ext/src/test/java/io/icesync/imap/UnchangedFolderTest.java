package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Folder;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A folder whose counters (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, message count) are as they were at the
 * cursor asked about is answered "nothing changed" without a SELECT, from the folder listing's
 * LIST-STATUS or, where the server cannot list them, one STATUS; every real change is still seen.
 */
class UnchangedFolderTest {
    static final String USER = "jean@iwdemo.test";
    static final FolderPath INBOX = FolderPath.of("INBOX");
    static final Pattern COMMAND = Pattern.compile("^[A-Z]+\\d+ ([A-Z]+)( .*)?$");

    IceWarpServer server;
    ImapRemoteStore store;
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    void start(String... without) {
        IceWarpServer.Builder b = IceWarpServer.builder().account(USER, "secret");
        Arrays.stream(without).forEach(b::without);
        server = b.start();
        for (int i = 0; i < 5; i++) {
            inbox().append(Messages.simple("<m" + i + "@x>", "message " + i));
        }
        store = ImapRemoteStore.builder().endpoint(server.imap()).login(USER).password("secret".toCharArray())
                .protocolTrace(line -> {
                    var m = COMMAND.matcher(line);
                    if (m.matches()) {
                        commands.add(m.group(1));
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    TestMailbox inbox() {
        return server.account(USER).mailbox("INBOX");
    }

    /** A cycle's first steps: the folder listing, then what changed in INBOX since the cursor. */
    RemoteChanges cycle(FolderPath folder, RemoteCursor since) {
        store.folders();
        commands.clear();
        return store.changes(folder, since, false);
    }

    static boolean nothing(RemoteChanges rc, RemoteCursor since) {
        return !rc.complete() && rc.items().isEmpty() && rc.vanished().length == 0 && rc.existingUids() == null
                && rc.cursor().equals(since);
    }

    @Test
    void anUnchangedFolderIsNotSelected() {
        start();
        RemoteCursor c = cycle(INBOX, null).cursor();

        RemoteChanges rc = cycle(INBOX, c);

        assertThat(nothing(rc, c)).isTrue();
        assertThat(commands).doesNotContain("SELECT", "EXAMINE", "STATUS");
    }

    @Test
    void withCondstoreAloneAnExpungeThatKeepsTheModSeqIsSeenByTheMessageCount() {
        start("QRESYNC");
        RemoteCursor c = cycle(INBOX, null).cursor();
        assertThat(nothing(cycle(INBOX, c), c)).as("the count at this cursor is known now").isTrue();
        assertThat(commands).doesNotContain("SELECT");
        long gone = inbox().messages().get(2).uid();
        inbox().expungeKeepingModSeq(gone);

        RemoteChanges rc = cycle(INBOX, c);

        assertThat(commands).contains("SELECT");
        assertThat(rc.existingUids()).hasSize(4).doesNotContain(gone);
    }

    @Test
    void withCondstoreAloneTheFirstAnswerOfAStoreSelects() {
        start("QRESYNC");
        RemoteCursor c;
        try (ImapRemoteStore first = ImapRemoteStore.builder().endpoint(server.imap()).login(USER)
                .password("secret".toCharArray()).build()) {
            first.folders();
            c = first.changes(INBOX, null, false).cursor();
        }
        inbox().expungeKeepingModSeq(inbox().messages().get(0).uid());

        RemoteChanges rc = cycle(INBOX, c);

        assertThat(commands).as("no message count known for this cursor: the counters alone are not believed")
                .contains("SELECT");
        assertThat(rc.existingUids()).hasSize(4);
    }

    @Test
    void aNewUidValidityIsAnsweredInFull() {
        start();
        RemoteCursor c = cycle(INBOX, null).cursor();
        inbox().resetUidValidity();

        RemoteChanges rc = cycle(INBOX, c);

        assertThat(rc.complete()).isTrue();
        assertThat(rc.cursor().uidValidity()).isNotEqualTo(c.uidValidity());
        assertThat(rc.items()).hasSize(5);
    }

    @Test
    void aNewFolderIsListedAndADeletedOneIsNotTakenForUnchanged() {
        start();
        server.account(USER).create("Projects").append(Messages.simple("<p@x>", "p"));
        FolderPath projects = FolderPath.of("Projects");
        assertThat(store.folders()).extracting(Folder::path).contains(projects);
        RemoteCursor c = store.changes(projects, null, false).cursor();
        assertThat(nothing(cycle(projects, c), c)).isTrue();
        server.account(USER).delete("Projects");

        assertThatThrownBy(() -> cycle(projects, c)).isInstanceOf(FolderNotFoundException.class);
    }

    @Test
    void withoutListStatusOneStatusStandsInForTheSelect() {
        start("LIST-STATUS");
        RemoteCursor c = cycle(INBOX, null).cursor();

        RemoteChanges quiet = cycle(INBOX, c);

        assertThat(nothing(quiet, c)).isTrue();
        assertThat(commands).contains("STATUS").doesNotContain("SELECT");

        inbox().setFlags(inbox().messages().get(1).uid(), "\\Flagged");
        RemoteChanges rc = cycle(INBOX, c);

        assertThat(commands).contains("SELECT");
        assertThat(rc.items()).extracting(RemoteItem::uid).containsExactly(inbox().messages().get(1).uid());
    }
}
