package io.icesync.core.store;

import static io.icesync.core.store.LocalStoreContract.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.FolderKind;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** items() on a big folder is one directory listing and one stat per file (PITFALLS 12: linear, and small). */
class MaildirTenThousandItemsTest {
    private static final int N = 10_000;

    @TempDir
    Path root;

    @Test
    void listingTenThousandFilesIsQuick() throws IOException {
        LocalStore store = LocalStores.maildir(root);
        store.createFolder(INBOX, FolderKind.MAIL);
        Files.writeString(root.resolve("INBOX/dovecot-keywords"), "0 $label1\n");
        Path cur = root.resolve("INBOX/cur");
        byte[] body = new byte[2048];
        String[] infos = {"", "S", "FS", "RSa"};
        for (int i = 0; i < N; i++) {
            Files.write(cur.resolve("17000" + i + "." + i + "_1.bench,U=" + (i + 1) + ":2," + infos[i % 4]), body);
        }

        long t0 = System.nanoTime();
        List<LocalItem> first = store.items(INBOX);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        long[] again = new long[5];
        for (int r = 0; r < again.length; r++) {
            long t = System.nanoTime();
            assertThat(store.items(INBOX)).hasSize(N);
            again[r] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(again);
        long t1 = System.nanoTime();
        for (int i = 0; i < N; i += 10) {
            try (InputStream in = store.open(INBOX, "17000" + i + "." + i + "_1.bench")) {
                assertThat(in.available()).isNotNegative();
            }
        }
        long openUs = (System.nanoTime() - t1) / 1000 / (N / 10);
        System.out.printf("Maildir items() over %,d files: first %d ms, then median %d ms; open() by id %d us%n", N, firstMs,
                again[again.length / 2], openUs);

        assertThat(first).hasSize(N).allSatisfy(i -> assertThat(i.size()).isEqualTo(2048));
        assertThat(first).filteredOn(i -> i.flags().hasKeyword("$label1")).hasSize(N / 4)
                .allSatisfy(i -> assertThat(i.flags().has(Flag.ANSWERED)).isTrue());
        assertThat(first).extracting(LocalItem::uidHint).doesNotHaveDuplicates().doesNotContain(0L);
        assertThat(firstMs).as("a cold listing of 10,000 files").isLessThan(3000);
        assertThat(again[again.length / 2]).as("a warm listing of 10,000 files").isLessThan(1000);
    }
}
