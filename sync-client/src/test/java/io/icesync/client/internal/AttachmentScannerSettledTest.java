package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.AttachmentLinkStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan that follows each cycle reads no item row when every folder is as the engine last recorded
 * it settled, and scans again once a folder's record changes or goes.
 */
class AttachmentScannerSettledTest {
    static final URI DAV = URI.create("https://dav.example/webdav/");
    static final FolderPath INBOX = FolderPath.of("INBOX");

    @TempDir
    Path dir;
    SyncStateStore real = StateStores.inMemory();
    SyncStateStore state;
    final AtomicInteger itemReads = new AtomicInteger();
    LocalStore local = LocalStores.inMemory();
    AttachmentLinkStore links;
    FolderState inbox;

    @BeforeEach
    void setUp() {
        state = (SyncStateStore) Proxy.newProxyInstance(SyncStateStore.class.getClassLoader(),
                new Class<?>[] {SyncStateStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("items")) {
                        itemReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        links = AttachmentLinkStore.open(dir.resolve("state.db"));
        local.createFolder(INBOX, FolderKind.MAIL);
        inbox = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "inbox", new RemoteCursor(1, 5, 3)));
        add(1, "report.pdf");
    }

    @AfterEach
    void close() {
        links.close();
    }

    void add(long uid, String file) {
        String text = "Message-ID: <m" + uid + "@x>\r\nSubject: see the file\r\nContent-Type: text/plain\r\n\r\n"
                + "The file: " + DAV + "Docs/" + file + "\r\n";
        String id = local.add(INBOX, Flags.NONE, uid, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        state.putItem(new ItemState(inbox.id(), uid, id, Flags.NONE, text.length(), "<m" + uid + "@x>", false));
    }

    int scan() {
        itemReads.set(0);
        return new AttachmentScanner(links, DAV).scan(List.of(new AttachmentScanner.Source("", local, state)));
    }

    @Test
    void aSettledFolderIsNotReadAgainAndANewRecordBringsTheNewLink() {
        state.putValue("quiet." + inbox.id(), "settled-1");
        assertThat(scan()).isEqualTo(1);
        assertThat(itemReads).hasValue(1);

        assertThat(scan()).isZero();
        assertThat(itemReads).as("nothing changed since the last scan: no item row read").hasValue(0);

        add(2, "budget.xlsx");
        state.putValue("quiet." + inbox.id(), "settled-2"); // the engine recorded the folder's new state
        assertThat(scan()).isEqualTo(1);
        assertThat(links.all()).extracting(AttachmentLinkStore.Row::url).anyMatch(u -> u.endsWith("budget.xlsx"));
    }

    @Test
    void flagChangesAloneReadNoItem() {
        // The engine's records, as it writes them: UIDVALIDITY, HIGHESTMODSEQ, UIDNEXT, pairs, decisions, local mark.
        state.putValue("quiet." + inbox.id(), "7 100 2 1 d1 1700000000.1,4096,(dev=1,ino=2);");
        assertThat(scan()).isEqualTo(1);

        // A cycle that only changed flags: a new HIGHESTMODSEQ and a renamed file.
        state.putValue("quiet." + inbox.id(), "7 105 2 1 d1 1700000060.5,4096,(dev=1,ino=2);");
        assertThat(scan()).isZero();
        assertThat(itemReads).as("flags alone: no item row read").hasValue(0);

        add(2, "budget.xlsx");
        state.putValue("quiet." + inbox.id(), "7 106 3 2 d1 1700000120.5,4096,(dev=1,ino=2);");
        assertThat(scan()).isEqualTo(1);
        assertThat(itemReads).hasValue(1);
    }

    @Test
    void aFolderWithoutARecordIsReadEveryTime() {
        scan();
        add(2, "budget.xlsx");

        assertThat(scan()).isEqualTo(1);
        assertThat(itemReads).hasValue(1);
        scan();
        assertThat(itemReads).hasValue(1);
    }

    @Test
    void aClearedRecordMeansTheFolderIsReadAgain() {
        state.putValue("quiet." + inbox.id(), "settled-1");
        scan();
        state.putValue("quiet." + inbox.id(), ""); // a sync of the folder that did not complete
        add(2, "budget.xlsx");

        assertThat(scan()).isEqualTo(1);
    }
}
