package io.icesync.groupware.store;

import static io.icesync.groupware.store.GroupwareSyncTest.card;
import static io.icesync.groupware.store.GroupwareSyncTest.event;
import static io.icesync.groupware.store.GroupwareSyncTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Categories and task completion (F5) between an object's own properties in the vdir and its
 * message's keywords on the server, where IceWarp's WebClient tags items (URL-quoted keywords).
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class CategoriesSyncTest {
    @TempDir
    Path dir;

    GroupwareSyncTest sync = new GroupwareSyncTest();

    static String task(String uid, String status) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VTODO\r\nUID:" + uid + "\r\n"
                + "DTSTAMP:20261101T080000Z\r\nSUMMARY:Send the report\r\nSTATUS:" + status + "\r\n"
                + "X-OTHER-CLIENT-PROJECT:kept\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    TestMailbox folder(IceWarpServer server, String name, FolderKind kind) {
        var a = server.account(GroupwareSyncTest.JEAN);
        return a.find(name).orElseGet(() -> a.create(name).kind(kind));
    }

    void sync(IceWarpServer server) {
        sync.dir = dir;
        assertThat(sync.sync(server).ok()).isTrue();
    }

    String local(String folder, String file) throws IOException {
        return Files.readString(dir.resolve("groupware").resolve(folder).resolve(file));
    }

    static TestMessage only(TestMailbox box) {
        assertThat(box.messages()).hasSize(1);
        return box.messages().get(0);
    }

    @Test
    void aTagSetOnTheServerIsWrittenIntoTheObjectWithoutAnUpload(IceWarpServer server) throws IOException {
        TestMailbox cal = folder(server, "Calendar", FolderKind.EVENTS);
        long uid = cal.append(message("text/calendar", "e1", event("e1", "Weekly meeting")));
        sync(server);

        cal.setFlags(uid, "\\Seen", "Red%20Category", "Work");
        sync(server);

        assertThat(local("Calendar", "e1.ics")).contains("\r\nCATEGORIES:Red Category,Work\r\n")
                .contains("X-OTHER-CLIENT-COLOR:teal").contains("RRULE:FREQ=WEEKLY;COUNT=4");
        assertThat(only(cal).uid()).as("no new version uploaded").isEqualTo(uid);
        assertThat(sync.sync(server).changedAnything()).isFalse();

        cal.setFlags(uid, "\\Seen", "Work");
        sync(server);
        assertThat(local("Calendar", "e1.ics")).contains("\r\nCATEGORIES:Work\r\n").doesNotContain("Red Category");
        assertThat(only(cal).uid()).isEqualTo(uid);
    }

    @Test
    void categoriesEditedInTheFileBecomeTheMessagesKeywordsInTheWebClientsSpelling(IceWarpServer server) throws IOException {
        TestMailbox contacts = folder(server, "Contacts", FolderKind.CONTACTS);
        contacts.append(message("text/vcard", "c1", card("c1", "Anna Martin")), "\\Seen");
        sync(server);

        Path file = dir.resolve("groupware/Contacts/c1.vcf");
        GroupwareSyncTest.editLocally(file, "END:VCARD", "CATEGORIES:Famille,Projet été\r\nEND:VCARD");
        sync(server);

        TestMessage m = only(contacts);
        assertThat(m.flags()).contains("\\Seen", "Famille", "Projet%20%C3%A9t%C3%A9");
        assertThat(new String(new MimeItemCodec().decode(FolderKind.CONTACTS, m.content()).content(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("CATEGORIES:Famille,Projet été");

        GroupwareSyncTest.editLocally(file, "CATEGORIES:Famille,Projet été", "CATEGORIES:Famille");
        sync(server);
        assertThat(only(contacts).flags()).contains("Famille").doesNotContain("Projet%20%C3%A9t%C3%A9");
        assertThat(sync.sync(server).changedAnything()).isFalse();
    }

    @Test
    void anObjectsOwnCategoriesAndTheMessagesKeywordsAreJoinedAtDownload(IceWarpServer server) throws IOException {
        TestMailbox cal = folder(server, "Calendar", FolderKind.EVENTS);
        String withWork = event("e2", "Review").replace("SUMMARY:Review", "SUMMARY:Review\r\nCATEGORIES:Work");
        long uid = cal.append(message("text/calendar", "e2", withWork), "\\Seen", "Urgent");
        sync(server);
        assertThat(local("Calendar", "e2.ics")).contains("\r\nCATEGORIES:Work,Urgent\r\n");

        sync(server);
        assertThat(only(cal).uid()).isEqualTo(uid);
        assertThat(only(cal).flags()).as("the object's own category is now a keyword too")
                .containsExactlyInAnyOrder("\\Seen", "Urgent", "Work");

        cal.setFlags(uid, "\\Seen", "Urgent");
        sync(server);
        assertThat(local("Calendar", "e2.ics")).contains("\r\nCATEGORIES:Urgent\r\n");
        assertThat(sync.sync(server).changedAnything()).isFalse();
    }

    @Test
    void aTaskCompletedOnEitherSideIsCompletedOnTheOther(IceWarpServer server) throws IOException {
        TestMailbox tasks = folder(server, "Tasks", FolderKind.TASKS);
        long uid = tasks.append(message("text/calendar", "t1", task("t1", "NEEDS-ACTION")), "\\Seen");
        sync(server);

        tasks.setFlags(uid, "\\Seen", "\\Flagged", "$Completed");
        sync(server);
        String done = local("Tasks", "t1.ics");
        assertThat(done).contains("\r\nSTATUS:COMPLETED\r\n").contains("\r\nPERCENT-COMPLETE:100\r\n")
                .containsPattern("\r\nCOMPLETED:\\d{8}T\\d{6}Z\r\n").contains("X-OTHER-CLIENT-PROJECT:kept");
        assertThat(only(tasks).uid()).isEqualTo(uid);

        GroupwareSyncTest.editLocally(dir.resolve("groupware/Tasks/t1.ics"), "STATUS:COMPLETED", "STATUS:IN-PROCESS");
        sync(server);
        assertThat(only(tasks).flags()).as("reopened: follow-up kept, completion gone")
                .isEqualTo(Set.of("\\Seen", "\\Flagged"));
        assertThat(List.of(sync.sync(server).changedAnything())).containsExactly(false);
    }
}
