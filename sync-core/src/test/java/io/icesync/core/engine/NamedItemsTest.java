package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.store.LocalStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Items with names of their own (documents): the name a server lists reaches
 * {@code LocalStore.add}, the name a local item has reaches {@code RemoteStore.append}, also when a
 * cycle is killed at any write and run again (intents settled by {@code PendingResolver}).
 */
class NamedItemsTest {
    static final FolderPath DOCS = FolderPath.of("Documents");

    EngineFixture fx = new EngineFixture();

    /** Documents have no key of their own here; the store still versions them by content. */
    static String noKey(byte[] content) {
        return null;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void documents() {
        fx.local = LocalStores.inMemory(NamedItemsTest::noKey);
        fx.remote.createFolder(DOCS, FolderKind.DOCUMENTS);
    }

    /** "name=content" for each server item of a folder, sorted. */
    static List<String> server(EngineFixture fx, FolderPath f) {
        List<String> out = new ArrayList<>();
        for (MemoryRemote.Msg m : fx.remote.boxes.get(f).msgs.values()) {
            out.add(m.name + "=" + new String(m.body, StandardCharsets.UTF_8));
        }
        out.sort(null);
        return out;
    }

    /** "name=content" for each local item of a folder, sorted. */
    static List<String> local(EngineFixture fx, FolderPath f) {
        List<String> out = new ArrayList<>();
        for (LocalItem i : fx.local.items(f)) {
            try (InputStream in = fx.local.open(f, i.id())) {
                out.add(i.name() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(null);
        return out;
    }

    String localAdd(String name, String content) {
        return fx.local.add(DOCS, Flags.NONE, 0, name, new ByteArrayInputStream(bytes(content)));
    }

    @Test
    void theNameAServerListsReachesTheLocalStore() {
        fx.remote.serverAddNamed(DOCS, "report.pdf", bytes("quarterly figures"));
        fx.remote.serverAddNamed(DOCS, "Été 2026.txt", bytes("holidays"));

        assertThat(fx.sync().ok()).isTrue();

        assertThat(local(fx, DOCS)).containsExactly("report.pdf=quarterly figures", "Été 2026.txt=holidays");
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void theListedNameIsUsedWhenTheFetchedItemCarriesNone() {
        fx.remote.namelessFetch = true;
        fx.remote.serverAddNamed(DOCS, "report.pdf", bytes("quarterly figures"));

        fx.sync();

        assertThat(local(fx, DOCS)).containsExactly("report.pdf=quarterly figures");
    }

    @Test
    void theNameOfALocalItemReachesTheServer() {
        fx.sync();
        localAdd("notes.txt", "buy milk");

        assertThat(fx.sync().ok()).isTrue();

        assertThat(server(fx, DOCS)).containsExactly("notes.txt=buy milk");
        assertThat(fx.remote.appendedNames).containsExactly("notes.txt");
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void aLocalEditIsUploadedUnderTheItemsName() {
        fx.sync();
        String id = localAdd("notes.txt", "buy milk");
        fx.sync();

        fx.local.replaceContent(DOCS, id, new ByteArrayInputStream(bytes("buy milk and bread")));
        fx.sync();

        assertThat(server(fx, DOCS)).containsExactly("notes.txt=buy milk and bread");
        assertThat(local(fx, DOCS)).containsExactly("notes.txt=buy milk and bread");
        assertThat(fx.remote.appendedNames).containsExactly("notes.txt", "notes.txt");
    }

    @Test
    void mailHasNoNames() {
        fx.remote.serverAdd(INBOX, "<m1@x>", Flags.NONE);
        fx.sync();
        fx.localAdd(INBOX, "<l1@x>", Flags.NONE);

        fx.sync();

        assertThat(fx.local.items(INBOX)).extracting(LocalItem::name).containsExactly(null, null);
        assertThat(fx.remote.appendedNames).containsExactly((String) null);
    }

    /**
     * A new document on each side, of the same size, so that an interrupted upload cannot be told from
     * the server's new document by size: the local item's name settles it.
     */
    private static EngineFixture crashScenario() {
        NamedItemsTest t = new NamedItemsTest();
        t.documents();
        t.fx.remote.serverAddNamed(DOCS, "report.pdf", bytes("quarterly figures"));
        t.fx.sync();
        t.localAdd("notes.txt", "buy milk");
        t.fx.remote.serverAddNamed(DOCS, "plan.txt", bytes("buy land"));
        return t.fx;
    }

    @Test
    void killedAtAnyWriteThenRerunEveryDocumentKeepsItsNameOnBothSides() {
        List<String> expected = List.of("notes.txt=buy milk", "plan.txt=buy land", "report.pdf=quarterly figures");
        EngineFixture reference = crashScenario();
        int writes = CrashPointTest.runWithCrash(reference, -1);
        reference.sync();
        assertThat(server(reference, DOCS)).isEqualTo(expected);
        assertThat(local(reference, DOCS)).isEqualTo(expected);
        assertThat(writes).as("the scenario performs writes").isGreaterThan(3);

        for (int n = 0; n < writes; n++) {
            EngineFixture fx = crashScenario();
            CrashPointTest.runWithCrash(fx, n);
            fx.sync();
            fx.sync();
            assertThat(server(fx, DOCS)).as("server after a crash before write %d", n).isEqualTo(expected);
            assertThat(local(fx, DOCS)).as("local after a crash before write %d", n).isEqualTo(expected);
            assertThat(fx.remote.appendedNames).as("names appended after a crash before write %d", n)
                    .isNotEmpty().containsOnly("notes.txt");
            assertThat(fx.state.pending()).as("intents left after a crash before write %d", n).isEmpty();
        }
    }
}
