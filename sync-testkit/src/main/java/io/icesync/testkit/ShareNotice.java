package io.icesync.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The message IceWarp sends a user who was given rights on a folder (the "share offered" notice the
 * guide describes: refuse, subscribe to the folder, subscribe to the account). Its headers name the
 * folder as the grantee sees it and the rights given, for a client that reads them.
 */
final class ShareNotice {
    /** The header naming the folder as the grantee's server lists it, e.g. {@code ~jean@example.com/Calendar}. */
    static final String FOLDER_HEADER = "X-Share-Folder";
    /** The header with the RFC 4314 letters given. */
    static final String RIGHTS_HEADER = "X-Share-Rights";

    private ShareNotice() {
    }

    /** Appends the notice to {@code grantee}'s INBOX, if that account is on this server. */
    static void deliver(TestAccount owner, TestMailbox folder, String grantee, String rights) {
        TestAccount to = owner.model().find(grantee).orElse(null);
        if (to == null) {
            return;
        }
        String seen = "~" + owner.email() + "/" + folder.name();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        String raw = "From: " + owner.email() + "\r\n"
                + "To: " + to.email() + "\r\n"
                + "Subject: " + owner.email() + " shares the folder " + folder.name() + " with you\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <share-" + UUID.randomUUID() + "@" + owner.domain() + ">\r\n"
                + FOLDER_HEADER + ": " + seen + "\r\n"
                + RIGHTS_HEADER + ": " + rights + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + owner.email() + " shares the folder '" + folder.name() + "' with you (rights " + rights + ").\r\n"
                + "Subscribe to it, or refuse it, in your mail program.\r\n";
        to.mailbox("INBOX").append(raw.getBytes(StandardCharsets.UTF_8));
    }
}
