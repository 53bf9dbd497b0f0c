package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Items whose content changes (events, contacts): an edit on either side reaches the other as one
 * replaced item, never a duplicate, and an object changed on both sides ends as the policy says.
 */
class VersionedItemsTest {
    static final FolderPath CAL = FolderPath.of("Calendar");
    static final Pattern KEY = Pattern.compile("X-Key: (\\S+)");

    final EngineFixture fx = new EngineFixture();

    static String keyOf(byte[] content) {
        Matcher m = KEY.matcher(new String(content, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    static byte[] version(String key, String text) {
        String mid = "<" + key + "-" + Integer.toHexString(text.hashCode()) + "@v>";
        return ("Message-ID: " + mid + "\r\nSubject: " + key + "\r\nX-Key: " + key + "\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void calendar() {
        fx.local = LocalStores.inMemory(VersionedItemsTest::keyOf);
        fx.remote.createFolder(CAL, FolderKind.EVENTS);
    }

    /** What the server holds in the calendar, one "key=text" per message. */
    List<String> server() {
        List<String> out = new ArrayList<>();
        for (MemoryRemote.Msg m : fx.remote.boxes.get(CAL).msgs.values()) {
            out.add(describe(m.body));
        }
        return out;
    }

    List<String> local() {
        List<String> out = new ArrayList<>();
        for (LocalItem i : fx.local.items(CAL)) {
            try (InputStream in = fx.local.open(CAL, i.id())) {
                out.add(describe(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String describe(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return keyOf(body) + "=" + s.substring(s.indexOf("\r\n\r\n") + 4).trim();
    }

    LocalItem localItem(String key) {
        return fx.local.items(CAL).stream().filter(i -> key.equals(i.key())).findFirst().orElseThrow();
    }

    void editLocally(String key, String text) {
        fx.local.replaceContent(CAL, localItem(key).id(), new ByteArrayInputStream(version(key, text)));
    }

    long serverUid(String key) {
        return fx.remote.boxes.get(CAL).msgs.values().stream().filter(m -> key.equals(keyOf(m.body)))
                .findFirst().orElseThrow().uid;
    }

    /** Another client edits: a new version appended, the old one expunged. */
    void editOnServer(String key, String text) {
        long old = serverUid(key);
        fx.remote.serverAdd(CAL, version(key, text), Flags.NONE);
        fx.remote.serverExpunge(CAL, old);
    }

    void synced(String... both) {
        assertThat(server()).containsExactlyInAnyOrder(both);
        assertThat(local()).containsExactlyInAnyOrder(both);
    }

    @Test
    void eventsOnTheServerAreSyncedIntoACalendarFolder() {
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.remote.serverAdd(CAL, version("e2", "dentist"), Flags.NONE);

        assertThat(fx.sync().ok()).isTrue();

        synced("e1=lunch", "e2=dentist");
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void aServerEditReplacesTheLocalItem() {
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.sync();

        editOnServer("e1", "lunch at noon");
        fx.sync();

        synced("e1=lunch at noon");
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aLocalEditMadeAcrossAUidValidityChangeReachesTheServer(ConflictPolicy policy) {
        fx.policy(policy);
        fx.remote.serverAdd(CAL, version("c1", "Anna"), Flags.NONE);
        fx.remote.serverAdd(CAL, version("c2", "Ben"), Flags.NONE);
        fx.sync();

        editLocally("c1", "Anna Smith");
        fx.remote.serverBumpValidity(CAL);
        fx.sync();

        synced("c1=Anna Smith", "c2=Ben");
        assertThat(fx.state.pending()).isEmpty();
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    /** The state lost and the local data uploaded at the first sync again: what was edited here is sent. */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aLocalEditIsSentWhenTheStateWasLostAndLocalDataIsUploaded(ConflictPolicy policy) {
        fx.policy(policy);
        fx.remote.serverAdd(CAL, version("c1", "Anna"), Flags.NONE);
        fx.remote.serverAdd(CAL, version("c2", "Ben"), Flags.NONE);
        fx.sync();

        editLocally("c1", "Anna Smith");
        fx.state = StateStores.inMemory();
        SyncEngine.builder().remote(fx.remote).local(fx.local).state(fx.state).settings(() -> fx.settings)
                .firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build().syncOnce();

        synced("c1=Anna Smith", "c2=Ben");
        assertThat(fx.state.pending()).isEmpty();
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void aLocalEditInAReadOnlyFolderIsRevertedWhenAskedElseReportedAndNeverSent() {
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.remote.boxes.get(CAL).rights = io.icesync.core.Rights.parse("lrs");
        fx.sync();
        long before = serverUid("e1");

        editLocally("e1", "lunch with Anna");
        SyncReport reported = fx.sync();
        assertThat(reported.failed()).isEqualTo(1);
        assertThat(local()).containsExactly("e1=lunch with Anna");

        fx.settings = fx.settings.toBuilder().revertReadOnlyChanges(true).build();
        SyncReport reverted = fx.sync();
        assertThat(reverted.failed()).isZero();
        synced("e1=lunch");
        assertThat(serverUid("e1")).isEqualTo(before);
        assertThat(fx.state.pending()).isEmpty();
        assertThat(fx.state.failures()).as("the failure of the edit is over").isEmpty();
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void aLocalEditReplacesTheServerItemOnce() {
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.sync();
        long before = serverUid("e1");

        editLocally("e1", "lunch with Anna");
        SyncReport r = fx.sync();

        assertThat(r.ok()).isTrue();
        synced("e1=lunch with Anna");
        assertThat(serverUid("e1")).isNotEqualTo(before);
        assertThat(fx.sync().changedAnything()).isFalse();
        assertThat(fx.state.pending()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void anObjectEditedOnBothSidesEndsAsThePolicySays(ConflictPolicy policy) {
        fx.policy(policy);
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.remote.serverAdd(CAL, version("e2", "dentist"), Flags.NONE);
        fx.sync();

        editOnServer("e1", "server's lunch");
        editLocally("e1", "my lunch");
        fx.sync();

        String winner = policy == ConflictPolicy.CLIENT_WINS ? "e1=my lunch" : "e1=server's lunch";
        synced(winner, "e2=dentist");
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aLocalDeletionAgainstAServerEditEndsAsThePolicySays(ConflictPolicy policy) {
        fx.policy(policy);
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.sync();

        editOnServer("e1", "lunch moved");
        fx.local.delete(CAL, localItem("e1").id());
        fx.sync();

        if (policy == ConflictPolicy.CLIENT_WINS) {
            synced();
        } else {
            synced("e1=lunch moved");
        }
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aServerDeletionAgainstALocalEditEndsAsThePolicySays(ConflictPolicy policy) {
        fx.policy(policy);
        fx.remote.serverAdd(CAL, version("e1", "lunch"), Flags.NONE);
        fx.sync();

        fx.remote.serverExpunge(CAL, serverUid("e1"));
        editLocally("e1", "lunch, kept");
        fx.sync();

        if (policy == ConflictPolicy.CLIENT_WINS) {
            synced("e1=lunch, kept");
        } else {
            synced();
        }
    }

    @Test
    void newLocalObjectsAreUploadedAndKeepTheirKey() {
        fx.sync();
        fx.local.add(CAL, Flags.NONE, 0, new ByteArrayInputStream(version("e9", "new meeting")));

        fx.sync();
        editLocally("e9", "new meeting, room 2");
        fx.sync();

        synced("e9=new meeting, room 2");
    }
}
