package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync engine between Radicale (through {@link DavRemoteStore}) and a local store of keyed
 * objects, two ways: events and contacts made, edited and deleted on either side, conflicts under
 * both policies, and a rerun that changes nothing. The other side of the server is another client
 * writing plain WebDAV, as a phone would.
 *
 * <p>The local side is sync-core's in-memory store with the object's UID as key: sync-webdav does
 * not depend on sync-groupware, so its vdir store cannot be used here.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RadicaleSyncIT {
    static final String USER = "josephine@iwdemo.test";
    static final Pattern UID = Pattern.compile("(?m)^UID:(.*?)\r?$");

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath calendar = FolderPath.of("Agenda " + suffix);
    final FolderPath contacts = FolderPath.of("Carnet " + suffix);

    @TempDir
    Path tmp;

    final RadicalePeer phone = new RadicalePeer(USER);
    final LocalStore local = LocalStores.inMemory(RadicaleSyncIT::uidOf);
    SyncStateStore state;
    ConflictPolicy policy = ConflictPolicy.SERVER_WINS;

    static String uidOf(byte[] content) {
        Matcher m = UID.matcher(new String(content, StandardCharsets.UTF_8));
        return m.find() ? m.group(1).trim() : null;
    }

    @AfterEach
    void cleanUp() {
        try (phone; local) {
            phone.deleteCollectionNamed(calendar.name());
            phone.deleteCollectionNamed(contacts.name());
        } finally {
            if (state != null) {
                state.close();
            }
        }
    }

    /** One cycle, with a store opened from the state file as an app started again would. */
    SyncReport sync() {
        if (state == null) {
            state = StateStores.sqlite(tmp.resolve("state.db"));
        }
        try (DavRemoteStore remote = RadicalePeer.store(USER, tmp.resolve("dav-state.json"))) {
            SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
            SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s)
                    .firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build().syncOnce();
            assertThat(r.ok()).as(r.toString()).isTrue();
            return r;
        }
    }

    void addLocally(FolderPath folder, String text) {
        local.add(folder, Flags.NONE, 0, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    LocalItem localItem(FolderPath folder, String key) {
        return local.items(folder).stream().filter(i -> key.equals(i.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no local object " + key + " in " + folder));
    }

    List<String> localKeys(FolderPath folder) {
        return local.items(folder).stream().map(LocalItem::key).sorted().toList();
    }

    String localText(FolderPath folder, String key) {
        try (InputStream in = local.open(folder, localItem(folder, key).id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void editLocally(FolderPath folder, String key, String text) {
        local.replaceContent(folder, localItem(folder, key).id(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A synced calendar holding these events, made on this side. */
    String syncedCalendar(String... uids) {
        local.createFolder(calendar, FolderKind.EVENTS);
        for (String uid : uids) {
            addLocally(calendar, RadicalePeer.event(uid, "Event " + uid));
        }
        sync();
        return phone.collection(calendar.name());
    }

    /** A synced address book holding these contacts, made on this side. */
    String syncedAddressBook(String... uids) {
        local.createFolder(contacts, FolderKind.CONTACTS);
        for (String uid : uids) {
            addLocally(contacts, RadicalePeer.card(uid, "Contact " + uid));
        }
        sync();
        return phone.collection(contacts.name());
    }

    @Test
    void objectsMadeOnEitherSideAppearOnTheOther() {
        try (DavRemoteStore otherDevice = RadicalePeer.store(USER, tmp.resolve("other-device.json"))) {
            otherDevice.createFolder(contacts, FolderKind.CONTACTS);
        }
        String book = phone.collection(contacts.name());
        phone.write(book + "c1.vcf", RadicalePeer.card("c1", "Anna Martin"), "text/vcard");

        sync();

        assertThat(localKeys(contacts)).containsExactly("c1");
        assertThat(localText(contacts, "c1")).contains("FN:Anna Martin");

        local.createFolder(calendar, FolderKind.EVENTS);
        addLocally(calendar, RadicalePeer.event("e1", "Weekly meeting"));
        addLocally(contacts, RadicalePeer.card("c2", "Bruno Petit"));
        SyncReport r = sync();

        assertThat(r.uploaded()).isEqualTo(2);
        String cal = phone.collection(calendar.name());
        assertThat(phone.names(cal)).containsExactly("e1.ics");
        assertThat(phone.read(cal + "e1.ics")).contains("SUMMARY:Weekly meeting");
        assertThat(phone.names(book)).containsExactly("c1.vcf", "c2.vcf");
        assertThat(sync().changedAnything()).isFalse();
    }

    @Test
    void editsOnEitherSideReplaceTheObjectOnTheOther() {
        String cal = syncedCalendar("e1", "e2");

        phone.write(cal + "e1.ics", RadicalePeer.event("e1", "Moved to room 2"), "text/calendar");
        editLocally(calendar, "e2", RadicalePeer.event("e2", "Cancelled"));
        sync();

        assertThat(localKeys(calendar)).containsExactly("e1", "e2");
        assertThat(localText(calendar, "e1")).contains("SUMMARY:Moved to room 2");
        assertThat(phone.names(cal)).containsExactly("e1.ics", "e2.ics");
        assertThat(phone.read(cal + "e2.ics")).contains("SUMMARY:Cancelled");
        assertThat(sync().changedAnything()).isFalse();
        assertThat(localText(calendar, "e2")).contains("SUMMARY:Cancelled");
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void anObjectChangedOnBothSidesEndsAsThePolicySaysWithOneCopyEachSide(ConflictPolicy p) {
        String cal = syncedCalendar("e1");
        policy = p;

        phone.write(cal + "e1.ics", RadicalePeer.event("e1", "Phone version"), "text/calendar");
        editLocally(calendar, "e1", RadicalePeer.event("e1", "Laptop version"));
        sync();

        String winner = p == ConflictPolicy.SERVER_WINS ? "SUMMARY:Phone version" : "SUMMARY:Laptop version";
        assertThat(localKeys(calendar)).containsExactly("e1");
        assertThat(localText(calendar, "e1")).contains(winner);
        assertThat(phone.names(cal)).containsExactly("e1.ics");
        assertThat(phone.read(cal + "e1.ics")).contains(winner);
        assertThat(sync().changedAnything()).isFalse();
        assertThat(phone.read(cal + "e1.ics")).contains(winner);
    }

    @Test
    void deletionsOnEitherSideAreMadeOnTheOther() {
        String cal = syncedCalendar("e1", "e2", "e3");

        local.delete(calendar, localItem(calendar, "e1").id());
        phone.delete(cal + "e2.ics");
        sync();

        assertThat(phone.names(cal)).containsExactly("e3.ics");
        assertThat(localKeys(calendar)).containsExactly("e3");
        assertThat(sync().changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aContactChangedOnBothSidesEndsAsThePolicySaysWithOneCopyEachSide(ConflictPolicy p) {
        String book = syncedAddressBook("c1", "c2");
        policy = p;

        phone.write(book + "c1.vcf", RadicalePeer.card("c1", "Anna Phone"), "text/vcard");
        editLocally(contacts, "c1", RadicalePeer.card("c1", "Anna Laptop"));
        sync();

        String winner = p == ConflictPolicy.SERVER_WINS ? "FN:Anna Phone" : "FN:Anna Laptop";
        String loser = p == ConflictPolicy.SERVER_WINS ? "FN:Anna Laptop" : "FN:Anna Phone";
        assertThat(localKeys(contacts)).containsExactly("c1", "c2");
        assertThat(localText(contacts, "c1")).contains(winner).doesNotContain(loser);
        assertThat(phone.names(book)).containsExactly("c1.vcf", "c2.vcf");
        assertThat(phone.read(book + "c1.vcf")).contains(winner).doesNotContain(loser);
        assertThat(phone.read(book + "c2.vcf")).contains("FN:Contact c2");
        assertThat(sync().changedAnything()).isFalse();
        assertThat(phone.read(book + "c1.vcf")).contains(winner);
        assertThat(localText(contacts, "c1")).contains(winner);
    }

    @Test
    void contactDeletionsOnEitherSideAreMadeOnTheOther() {
        String book = syncedAddressBook("c1", "c2", "c3");

        local.delete(contacts, localItem(contacts, "c1").id());
        phone.delete(book + "c2.vcf");
        sync();

        assertThat(phone.names(book)).containsExactly("c3.vcf");
        assertThat(localKeys(contacts)).containsExactly("c3");
        assertThat(sync().changedAnything()).isFalse();
        assertThat(phone.names(book)).containsExactly("c3.vcf");
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aContactDeletedOnOneSideAndEditedOnTheOtherFollowsTheSideThatWins(ConflictPolicy p) {
        String book = syncedAddressBook("c1", "c2");
        policy = p;

        phone.delete(book + "c1.vcf");
        editLocally(contacts, "c1", RadicalePeer.card("c1", "Anna Kept"));
        local.delete(contacts, localItem(contacts, "c2").id());
        phone.write(book + "c2.vcf", RadicalePeer.card("c2", "Bruno Edited"), "text/vcard");
        sync();

        // What the winning side did stands: its edit comes back to the other side, its deletion is made there.
        if (p == ConflictPolicy.CLIENT_WINS) {
            assertThat(phone.names(book)).containsExactly("c1.vcf");
            assertThat(phone.read(book + "c1.vcf")).contains("FN:Anna Kept");
            assertThat(localKeys(contacts)).containsExactly("c1");
        } else {
            assertThat(phone.names(book)).containsExactly("c2.vcf");
            assertThat(localKeys(contacts)).containsExactly("c2");
            assertThat(localText(contacts, "c2")).contains("FN:Bruno Edited");
        }
        assertThat(sync().changedAnything()).isFalse();
    }
}
