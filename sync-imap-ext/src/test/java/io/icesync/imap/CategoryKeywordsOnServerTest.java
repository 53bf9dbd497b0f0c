package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.CategoryKeywords;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.RemoteItem;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestMailbox;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Categories reach the server as keywords it accepts, in IceWarp's WebClient spelling where the server is IceWarp. */
class CategoryKeywordsOnServerTest {
    private static final byte[] MAIL = "Subject: tagged\r\nMessage-ID: <t@x>\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final FolderPath INBOX = FolderPath.of("INBOX");

    private static ImapRemoteStore store(IceWarpServer server) {
        ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
        s.connect();
        return s;
    }

    private static RemoteItem only(ImapRemoteStore s) {
        List<RemoteItem> items = s.changes(INBOX, null, false).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void onIceWarpTheWebClientsQuotedKeywordsAreReadAsCategoriesAndWrittenBackQuoted() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").start()) {
            TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
            long uid = inbox.append(MAIL, "\\Seen", "Red%20Category", "Work", "$Forwarded");
            try (ImapRemoteStore s = store(server)) {
                Flags read = only(s).flags();
                assertThat(CategoryKeywords.names(read)).containsExactly("Red Category", "Work");
                assertThat(read.keywords()).contains("$Forwarded");

                s.setFlags(INBOX, Map.of(uid, CategoryKeywords.withNames(read, List.of("Projet été", "Work"))));
                assertThat(inbox.message(uid).orElseThrow().flags())
                        .containsExactlyInAnyOrder("\\Seen", "Projet%20%C3%A9t%C3%A9", "Work", "$Forwarded");
                assertThat(CategoryKeywords.names(only(s).flags())).containsExactly("Projet été", "Work");

                Flags tagged = CategoryKeywords.withNames(Flags.of(Flag.SEEN), List.of("R&D"));
                s.append(INBOX, tagged, null, MAIL.length, () -> new ByteArrayInputStream(MAIL));
                assertThat(inbox.messages()).anyMatch(m -> m.flags().contains("R%26D"));
            }
        }
    }

    @Test
    void elsewhereCategoriesAreWrittenInTheirImapSafeSpelling() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret")
                .without("X-ICEWARP-SERVER").start()) {
            TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
            long uid = inbox.append(MAIL, "\\Seen");
            try (ImapRemoteStore s = store(server)) {
                s.setFlags(INBOX, Map.of(uid, CategoryKeywords.withNames(Flags.of(Flag.SEEN), List.of("Red Category"))));
                assertThat(inbox.message(uid).orElseThrow().flags()).containsExactlyInAnyOrder("\\Seen", "Red&ACA-Category");
                assertThat(CategoryKeywords.names(only(s).flags())).containsExactly("Red Category");
            }
        }
    }
}
