package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events and contacts synced two ways between the test server's typed folders and a vdir, through the
 * real IMAP store and engine: what a user of khal or khard, and of another IceWarp client, would see.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class GroupwareSyncTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    ConflictPolicy policy = ConflictPolicy.SERVER_WINS;

    static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
                + "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n"
                + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
                + "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T080000Z\r\n"
                + "DTSTART;TZID=Europe/Paris:20261102T090000\r\nDTEND;TZID=Europe/Paris:20261102T100000\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:" + summary + "\r\nX-OTHER-CLIENT-COLOR:teal\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static String card(String uid, String name) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\n"
                + "EMAIL;TYPE=INTERNET:" + uid + "@example.com\r\nX-ICEWARP-CUSTOM:kept\r\nEND:VCARD\r\n";
    }

    /** A message as another IceWarp client stores an object: one text/calendar or text/vcard body. */
    static byte[] message(String type, String uid, String body) {
        return ("Message-ID: <" + uid + "-" + Integer.toHexString(body.hashCode()) + "@other>\r\nFrom: jean@iwdemo.test\r\n"
                + "Subject: " + uid + "\r\nDate: Mon, 02 Nov 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + type + "; charset=UTF-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    TestMailbox calendar(IceWarpServer server) {
        var a = server.account(JEAN);
        return a.find("Calendar").orElseGet(() -> a.create("Calendar").kind(FolderKind.EVENTS));
    }

    TestMailbox contacts(IceWarpServer server) {
        var a = server.account(JEAN);
        return a.find("Contacts").orElseGet(() -> a.create("Contacts").kind(FolderKind.CONTACTS));
    }

    SyncStateStore state;
    /** The answer to the first sync of a local store that holds items already (F4.8). */
    FirstSyncChoice firstSync;

    SyncReport sync(IceWarpServer server) {
        if (state == null) {
            state = StateStores.sqlite(dir.resolve("state.db"));
        }
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                .password("secret".toCharArray()).build();
             GroupwareLocalStore local = new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")),
                     new VdirLocalStore(dir.resolve("groupware")))) {
            SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
            return SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> settings)
                    .firstSync(n -> firstSync).build().syncOnce();
        }
    }

    Path localFile(String folder, String name) {
        return dir.resolve("groupware").resolve(folder).resolve(name);
    }

    List<String> localFiles(String folder) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("groupware").resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** The summaries or names the server holds, one per message, read as another client reads them. */
    static List<String> onServer(TestMailbox box, String property) {
        List<String> out = new ArrayList<>();
        for (TestMessage m : box.messages()) {
            String s = new String(new MimeItemCodec().decode(box.kind(), m.content()).content(), StandardCharsets.UTF_8);
            int i = s.indexOf("\n" + property + ":");
            out.add(i < 0 ? "?" : s.substring(i + property.length() + 2, s.indexOf('\r', i + 1)));
        }
        return out;
    }

    static void editOnServer(TestMailbox box, String uid, byte[] newVersion) {
        long old = box.messages().stream().filter(m -> new String(m.content(), StandardCharsets.UTF_8).contains("UID:" + uid))
                .findFirst().orElseThrow().uid();
        box.append(newVersion);
        box.expunge(old);
    }

    static void editLocally(Path file, String from, String to) throws IOException {
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    @Test
    void aLongFolderNameAndLongUidsSyncOnceAndStayPut(IceWarpServer server) throws IOException {
        String longName = "\u65e5\u672c".repeat(45);
        String longUid = "\u65e5".repeat(120);
        var account = server.account(JEAN);
        TestMailbox longCal = account.create(longName).kind(FolderKind.EVENTS);
        longCal.append(message("text/calendar", "e1", event("e1", "In a long-named calendar")));
        calendar(server).append(message("text/calendar", "long-event", event(longUid, "Long UID")));
        contacts(server).append(message("text/vcard", "long-card", card(longUid + "c", "Long UID")));
        contacts(server).append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        List<String> names = account.names();

        assertThat(sync(server).ok()).isTrue();
        SyncReport again = sync(server);

        assertThat(again.changedAnything()).as(again.toString()).isFalse();
        assertThat(account.names()).isEqualTo(names);
        assertThat(longCal.messages()).hasSize(1);
        assertThat(calendar(server).messages()).hasSize(1);
        assertThat(contacts(server).messages()).hasSize(2);
        assertThat(localFiles("Calendar")).singleElement()
                .satisfies(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThan(200));
        assertThat(localFiles("Contacts")).hasSize(2).contains("c1.vcf");
        try (Stream<Path> s = Files.list(dir.resolve("groupware"))) {
            Path d = s.filter(p -> p.getFileName().toString().startsWith("\u65e5")).findFirst().orElseThrow();
            assertThat(d.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
            assertThat(localFiles(d.getFileName().toString())).containsExactly("e1.ics");
        }
        assertThat(new VdirLocalStore(dir.resolve("groupware")).folders()).extracting(f -> f.path())
                .contains(FolderPath.of(longName));
    }

    @Test
    void eventsAndContactsArriveAsIcsAndVcfFilesNamedByUid(IceWarpServer server) throws IOException {
        calendar(server).append(message("text/calendar", "e1", event("e1", "Weekly meeting")));
        contacts(server).append(message("text/vcard", "c1", card("c1", "Anna Martin")));

        assertThat(sync(server).ok()).isTrue();

        assertThat(localFiles("Calendar")).containsExactly("e1.ics");
        assertThat(localFiles("Contacts")).containsExactly("c1.vcf");
        assertThat(Files.readString(localFile("Calendar", "e1.ics"))).isEqualTo(event("e1", "Weekly meeting"));
        assertThat(Files.readString(localFile("Contacts", "c1.vcf"))).contains("X-ICEWARP-CUSTOM:kept");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aLocalEditReplacesTheServerMessageOnceAndKeepsWhatItDoesNotTouch(IceWarpServer server) throws IOException {
        TestMailbox cal = calendar(server);
        cal.append(message("text/calendar", "e1", event("e1", "Weekly meeting")));
        sync(server);

        editLocally(localFile("Calendar", "e1.ics"), "SUMMARY:Weekly meeting", "SUMMARY:Weekly meeting (room 2)");
        SyncReport r = sync(server);

        assertThat(r.ok()).isTrue();
        assertThat(onServer(cal, "SUMMARY")).containsExactly("Weekly meeting (room 2)");
        String stored = new String(cal.messages().get(0).content(), StandardCharsets.UTF_8);
        assertThat(stored).contains("Content-Type: text/calendar", "Subject: Weekly meeting (room 2)",
                "X-OTHER-CLIENT-COLOR:teal", "DTSTART;TZID=Europe/Paris:20261102T090000");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aServerEditReplacesTheLocalFileUnderTheSameName(IceWarpServer server) throws IOException {
        TestMailbox box = contacts(server);
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        sync(server);

        editOnServer(box, "c1", message("text/vcard", "c1", card("c1", "Anna Martin-Durand")));
        sync(server);

        assertThat(localFiles("Contacts")).containsExactly("c1.vcf");
        assertThat(Files.readString(localFile("Contacts", "c1.vcf"))).contains("FN:Anna Martin-Durand");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aFileRewrittenInAnotherOrderIsNotAnEdit(IceWarpServer server) throws IOException {
        TestMailbox box = contacts(server);
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        sync(server);
        long uid = box.messages().get(0).uid();

        Path f = localFile("Contacts", "c1.vcf");
        Files.writeString(f, "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Martin\nUID:c1\nX-ICEWARP-CUSTOM:kept\n"
                + "EMAIL;TYPE=INTERNET:c1@example.com\nN:Anna Martin;;;;\nEND:VCARD\n");
        SyncReport r = sync(server);

        assertThat(r.uploaded()).isZero();
        assertThat(box.messages()).singleElement().extracting(TestMessage::uid).isEqualTo(uid);
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void anEventChangedOnBothSidesEndsAsThePolicySaysWithOneCopy(ConflictPolicy p, IceWarpServer server) throws IOException {
        policy = p;
        TestMailbox cal = calendar(server);
        cal.append(message("text/calendar", "e1", event("e1", "Lunch")));
        cal.append(message("text/calendar", "e2", event("e2", "Dentist")));
        sync(server);

        editOnServer(cal, "e1", message("text/calendar", "e1", event("e1", "Lunch at the office")));
        editLocally(localFile("Calendar", "e1.ics"), "SUMMARY:Lunch", "SUMMARY:Lunch in town");
        sync(server);

        String winner = p == ConflictPolicy.CLIENT_WINS ? "Lunch in town" : "Lunch at the office";
        assertThat(onServer(cal, "SUMMARY")).containsExactlyInAnyOrder(winner, "Dentist");
        assertThat(localFiles("Calendar")).containsExactly("e1.ics", "e2.ics");
        assertThat(Files.readString(localFile("Calendar", "e1.ics"))).contains("SUMMARY:" + winner);
        assertThat(sync(server).changedAnything()).isFalse();
    }

    static String todo(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T080000Z\r\nDUE;VALUE=DATE:20261130\r\nSTATUS:NEEDS-ACTION\r\n"
                + "SUMMARY:" + summary + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    static String journal(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VJOURNAL\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T080000Z\r\nDTSTART;VALUE=DATE:20261102\r\nSUMMARY:" + summary
                + "\r\nDESCRIPTION:Written on the train.\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n";
    }

    /** Tasks, notes and journal entries travel like events: each kind both ways, one copy each. */
    @ParameterizedTest
    @EnumSource(value = FolderKind.class, names = {"TASKS", "NOTES", "JOURNAL"})
    void everyOtherKindSyncsBothWays(FolderKind kind, IceWarpServer server) throws IOException {
        String folder = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        TestMailbox box = server.account(JEAN).create(folder).kind(kind);
        String first = kind == FolderKind.TASKS ? todo("o1", "First") : journal("o1", "First");
        box.append(message("text/calendar", "o1", first));
        sync(server);
        assertThat(localFiles(folder)).containsExactly("o1.ics");

        editLocally(localFile(folder, "o1.ics"), "SUMMARY:First", "SUMMARY:First, edited here");
        Files.writeString(localFile(folder, "o2.ics"), kind == FolderKind.TASKS ? todo("o2", "Second") : journal("o2", "Second"));
        sync(server);

        assertThat(onServer(box, "SUMMARY")).containsExactlyInAnyOrder("First, edited here", "Second");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aContactEditedHereAcrossAUidValidityResetReachesTheServer(ConflictPolicy p, IceWarpServer server) throws IOException {
        policy = p;
        TestMailbox box = contacts(server);
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        box.append(message("text/vcard", "c2", card("c2", "Ben Dupont")));
        sync(server);

        editLocally(localFile("Contacts", "c1.vcf"), "FN:Anna Martin", "FN:Anna Martin-Leroy");
        box.resetUidValidity();
        assertThat(sync(server).ok()).isTrue();

        assertThat(onServer(box, "FN")).containsExactlyInAnyOrder("Anna Martin-Leroy", "Ben Dupont");
        assertThat(localFiles("Contacts")).containsExactly("c1.vcf", "c2.vcf");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    /** state.db lost: the first sync again, told to upload the local data, sends what was edited here. */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aContactEditedHereIsSentWhenTheStateWasLostAndLocalDataIsUploaded(ConflictPolicy p, IceWarpServer server)
            throws IOException {
        policy = p;
        TestMailbox box = contacts(server);
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        box.append(message("text/vcard", "c2", card("c2", "Ben Dupont")));
        sync(server);

        editLocally(localFile("Contacts", "c1.vcf"), "FN:Anna Martin", "FN:Anna Martin-Leroy");
        state = StateStores.sqlite(dir.resolve("state-rebuilt.db"));
        firstSync = FirstSyncChoice.UPLOAD_LOCAL;
        assertThat(sync(server).ok()).isTrue();

        assertThat(onServer(box, "FN")).containsExactlyInAnyOrder("Anna Martin-Leroy", "Ben Dupont");
        assertThat(localFiles("Contacts")).containsExactly("c1.vcf", "c2.vcf");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void newLocalObjectsAndDeletionsReachTheServer(IceWarpServer server) throws IOException {
        TestMailbox box = contacts(server);
        box.append(message("text/vcard", "c1", card("c1", "Anna Martin")));
        box.append(message("text/vcard", "c2", card("c2", "Paul Durand")));
        sync(server);

        Files.writeString(localFile("Contacts", "new.vcf"), card("c3", "Zoé Leroy"));
        Files.delete(localFile("Contacts", "c2.vcf"));
        sync(server);

        assertThat(onServer(box, "FN")).containsExactlyInAnyOrder("Anna Martin", "Zoé Leroy");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aFolderCreatedLocallyBecomesATypedFolderOnTheServer(IceWarpServer server) throws IOException {
        sync(server);
        Path holidays = dir.resolve("groupware").resolve("Holidays");
        Files.createDirectories(holidays);
        Files.writeString(holidays.resolve("h1.ics"), event("h1", "Bank holiday"));

        sync(server);

        TestMailbox box = server.account(JEAN).find("Holidays").orElseThrow();
        assertThat(box.kind()).isEqualTo(FolderKind.EVENTS);
        assertThat(onServer(box, "SUMMARY")).containsExactly("Bank holiday");
    }

    /** A kill right after the downloaded files are made visible, before the sync state records them. */
    @Test
    void objectsWrittenJustBeforeACrashAreAdoptedNotDownloadedOrUploadedAgain(IceWarpServer server) throws IOException {
        TestMailbox box = contacts(server);
        for (int i = 0; i < 20; i++) {
            box.append(message("text/vcard", "c" + i, card("c" + i, "Contact " + i)));
        }
        state = StateStores.sqlite(dir.resolve("state.db"));
        boolean[] flushed = {false};
        SyncStateStore real = state;
        SyncStateStore crashing = (SyncStateStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SyncStateStore.class}, (proxy, m, args) -> {
                    if (flushed[0] && m.getName().equals("inTransaction")) {
                        throw new Error("killed before the state records the downloads");
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                .password("secret".toCharArray()).build();
             VdirLocalStore vdir = new VdirLocalStore(dir.resolve("groupware"))) {
            io.icesync.core.spi.LocalStore local = (io.icesync.core.spi.LocalStore) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {io.icesync.core.spi.LocalStore.class}, (proxy, m, args) -> {
                        Object r;
                        try {
                            r = m.invoke(vdir, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (m.getName().equals("flush") && !vdir.folders().isEmpty()
                                && !vdir.items(FolderPath.of("Contacts")).isEmpty()) {
                            flushed[0] = true;
                        }
                        return r;
                    });
            SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();
            try {
                SyncEngine.builder().remote(remote).local(local).state(crashing).settings(() -> settings).build().syncOnce();
            } catch (Error expected) {
                // the process died here
            }
        }
        assertThat(localFiles("Contacts")).hasSize(20);

        SyncReport r = sync(server);

        assertThat(r.downloaded()).as("objects already on disk are not fetched again").isZero();
        assertThat(r.uploaded()).as("nor sent back as new").isZero();
        assertThat(localFiles("Contacts")).hasSize(20);
        assertThat(box.messages()).hasSize(20);
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aMalformedObjectIsRetriedThenIgnoredWhileTheRestSyncs(IceWarpServer server) throws IOException {
        TestMailbox cal = calendar(server);
        cal.append(message("text/calendar", "bad", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:bad\r\nEND:VCALENDAR\r\n"));
        cal.append(message("text/calendar", "e1", event("e1", "Fine")));

        for (int i = 0; i < 3; i++) {
            sync(server);
        }

        assertThat(localFiles("Calendar")).containsExactly("e1.ics");
        assertThat(state.failures()).singleElement().satisfies(f -> {
            assertThat(f.ignored()).isTrue();
            assertThat(f.lastError()).contains("cannot be read");
        });
        assertThat(cal.messages()).hasSize(2);
        assertThat(sync(server).ok()).isTrue();
    }
}
