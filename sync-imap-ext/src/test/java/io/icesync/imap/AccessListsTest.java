package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderPath;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Many access lists read at once (GETACL pipelined, long names alone): the same lists as one by one. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret"})
class AccessListsTest {
    static final String JOSEPHINE = "josephine@iwdemo.test";

    @Test
    void manyListsAtOnceAreTheListsOneByOneAndAFolderRefusedIsLeftOut(IceWarpServer server) {
        String longName = "L".repeat(1100);
        server.account("jean@iwdemo.test").create("Projects").grant(JOSEPHINE, "lrs");
        server.account("jean@iwdemo.test").create("Projects/2027").grant("anyone", "lr");
        server.account("jean@iwdemo.test").create(longName).grant(JOSEPHINE, "lrswipted");
        List<FolderPath> asked = List.of(FolderPath.of("Projects"), FolderPath.of("Projects", "2027"),
                FolderPath.of(longName), FolderPath.of("Missing"));
        try (ImapRemoteStore jean = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build()) {
            jean.connect();
            Map<FolderPath, Map<String, String>> lists = jean.accessLists(asked);
            assertThat(lists).containsOnlyKeys(asked.subList(0, 3));
            for (FolderPath f : asked.subList(0, 3)) {
                assertThat(lists.get(f)).as(f.toString()).isEqualTo(jean.accessList(f));
            }
            assertThat(lists.get(FolderPath.of("Projects"))).containsEntry(JOSEPHINE, "lrs");
            assertThat(lists.get(FolderPath.of(longName))).containsKey(JOSEPHINE);
        }
    }
}
