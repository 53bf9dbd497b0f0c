package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server as a raw IMAP client sees it: RFC replies, bad input refused, several sessions kept in step. */
class ImapProtocolTest {
    IceWarpServer server;
    TestMailbox inbox;

    @BeforeEach
    void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret", "josephine@iwdemo.test", "secret2");
        inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RawImap jean() throws IOException {
        RawImap c = new RawImap("127.0.0.1", server.imap().port());
        c.login("jean@iwdemo.test", "secret");
        return c;
    }

    static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    @Test
    void greetsWithCapabilitiesAndRefusesAWrongPassword() throws IOException {
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            assertThat(c.greeting).startsWith("* OK [CAPABILITY IMAP4rev1").contains("STARTTLS", "AUTH=PLAIN",
                    "X-ICEWARP-SERVER");
            assertThat(last(c.cmd("LOGIN jean@iwdemo.test wrong"))).isEqualTo("a1 NO [AUTHENTICATIONFAILED] Authentication failed.");
            assertThat(last(c.cmd("SELECT INBOX"))).startsWith("a2 BAD");
            List<String> ok = c.cmd("LOGIN \"jean@iwdemo.test\" \"secret\"");
            assertThat(last(ok)).startsWith("a3 OK [CAPABILITY").contains("CONDSTORE", "QRESYNC", "METADATA", "ACL");
        }
    }

    @Test
    void aMailboxNameWithABracketIsAnAtomLikeAnyOther() throws IOException {
        try (RawImap c = jean()) {
            assertThat(last(c.cmd("CREATE p[1m"))).startsWith("a2 OK");
            List<String> status = c.cmd("STATUS p[1m (MESSAGES UIDNEXT)");
            assertThat(last(status)).startsWith("a3 OK");
            assertThat(status.get(0)).startsWith("* STATUS").contains("p[1m").contains("MESSAGES 0");
            assertThat(c.cmd("LIST \"\" p[1m")).anySatisfy(l -> assertThat(l).startsWith("* LIST").contains("p[1m"));
            assertThat(last(c.cmd("SELECT p[1m"))).startsWith("a5 OK");
            assertThat(last(c.cmd("RENAME p[1m q]2"))).startsWith("a6 OK");
            assertThat(server.account("jean@iwdemo.test").names()).contains("q]2").doesNotContain("p[1m");
        }
    }

    @Test
    void authenticatePlainWithAndWithoutInitialResponse() throws IOException {
        String creds = java.util.Base64.getEncoder().encodeToString("\0jean@iwdemo.test\0secret".getBytes(StandardCharsets.UTF_8));
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            assertThat(last(c.cmd("AUTHENTICATE PLAIN " + creds))).startsWith("a1 OK");
        }
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            c.send("a1 AUTHENTICATE PLAIN\r\n");
            assertThat(c.line()).isEqualTo("+ ");
            c.send(creds + "\r\n");
            assertThat(last(c.until("a1"))).startsWith("a1 OK");
        }
    }

    @Test
    void badInputGetsBadOrNoAndNeverHurtsTheAccount() throws IOException {
        inbox.append(Messages.simple("<keep@x>", "keep me"));
        try (RawImap c = jean()) {
            assertThat(last(c.cmd("FROBNICATE"))).startsWith("a2 BAD");
            assertThat(last(c.cmd("SELECT \"INBOX"))).startsWith("a3 BAD");
            assertThat(last(c.cmd("SELECT"))).startsWith("a4 BAD");
            assertThat(last(c.cmd("FETCH 1 FLAGS"))).as("no folder selected").startsWith("a5 BAD");
            assertThat(last(c.cmd("SELECT INBOX"))).startsWith("a6 OK [READ-WRITE]");
            assertThat(last(c.cmd("FETCH x:y FLAGS"))).startsWith("a7 BAD");
            assertThat(last(c.cmd("FETCH 1 (FLAGS BODY[HEADER.FIELDS MESSAGE-ID])"))).startsWith("a8 BAD");
            assertThat(last(c.cmd("STORE 1 +FLAGS (\\Bogus)"))).startsWith("a9 BAD");
            assertThat(last(c.cmd("UID FROB 1"))).startsWith("a10 BAD");
            c.send("* NOOP\r\n");
            assertThat(c.line()).startsWith("* BAD");
            c.send("\u0000\u0001garbage\r\n");
            assertThat(c.line()).contains("BAD");
            assertThat(last(c.cmd("NOOP"))).startsWith("a11 OK");
        }
        assertThat(inbox.messages()).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo("<keep@x>"));
    }

    @Test
    void randomGarbageNeverStopsTheServerNorChangesTheAccount() throws IOException {
        inbox.append(Messages.simple("<safe@x>", "safe"), "\\Seen");
        List<TestMessage> before = inbox.messages();
        java.util.Random rnd = new java.util.Random(2026);
        String[] words = {"SELECT", "FETCH", "UID", "STORE", "APPEND", "LIST", "(", ")", "[", "]", "\"", "{3}", "{5+}",
            "*", "1:*", "INBOX", "+FLAGS", "BODY[", "NIL", "~", "&AOk-", "\\Seen", "%", "\u00e9", "RENAME", "DELETE",
            "EXPUNGE", "CREATE", "SETACL", "GETMETADATA", "(CHANGEDSINCE", "x"};
        try (RawImap c = jean()) {
            c.setTimeout(2000);
            for (int i = 0; i < 300; i++) {
                StringBuilder line = new StringBuilder(rnd.nextBoolean() ? "t" + i + " " : "");
                for (int w = rnd.nextInt(8); w >= 0; w--) {
                    line.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(4) == 0 ? "" : " ");
                }
                String l = line.toString();
                // Only the words that touch the account without selecting it are harmless to send here.
                if (l.contains("DELETE") || l.contains("RENAME") || l.contains("EXPUNGE") || l.contains("STORE")
                        || l.contains("APPEND") || l.contains("CREATE") || l.contains("SETACL")) {
                    continue;
                }
                c.send(l.replace("{3}", "").replace("{5+}", "") + "\r\n");
            }
            List<String> r = c.cmd("NOOP");
            assertThat(last(r)).matches("a\\d+ OK NOOP completed");
        }
        try (RawImap c = jean()) {
            assertThat(last(c.cmd("SELECT INBOX"))).startsWith("a2 OK");
        }
        assertThat(inbox.messages()).isEqualTo(before);
    }

    @Test
    void literalsSynchronisingNonSynchronisingAndTooBig() throws IOException {
        byte[] msg = Messages.simple("<lit@x>", "Réunion");
        try (RawImap c = jean()) {
            c.send("a2 APPEND INBOX (\\Seen $label1) {" + msg.length + "}\r\n");
            assertThat(c.line()).startsWith("+ ");
            c.sendBytes(msg);
            c.send("\r\n");
            assertThat(last(c.until("a2"))).matches("a2 OK \\[APPENDUID \\d+ 1\\] APPEND completed");

            c.send("a3 APPEND INBOX {" + msg.length + "+}\r\n");
            c.sendBytes(msg);
            c.send("\r\n");
            assertThat(last(c.until("a3"))).contains("[APPENDUID").contains(" 2]");

            c.send("a4 APPEND INBOX {999999999999}\r\n");
            assertThat(c.line()).as("no continuation for a literal over the limit").startsWith("a4 NO [TOOBIG]");

            c.send("a5 NOOP " + "x".repeat(100_000) + "\r\n");
            assertThat(c.line()).contains("BAD").contains("too long");
            assertThat(last(c.cmd("NOOP"))).contains("OK");
        }
        assertThat(inbox.messages()).hasSize(2);
        assertThat(inbox.message(1).orElseThrow().flags()).containsExactlyInAnyOrder("\\Seen", "$label1");
        assertThat(inbox.message(1).orElseThrow().content()).isEqualTo(msg);
    }

    @Test
    void folderNamesTravelInModifiedUtf7() throws IOException {
        try (RawImap c = jean()) {
            assertThat(last(c.cmd("CREATE \"Projets/&AMk-t&AOk- 2026\""))).startsWith("a2 OK");
            assertThat(server.account("jean@iwdemo.test").names()).contains("Projets", "Projets/Été 2026");
            assertThat(c.cmd("LIST \"\" \"Projets/*\"")).contains("* LIST (\\HasNoChildren) \"/\" \"Projets/&AMk-t&AOk- 2026\"");
            assertThat(c.cmd("LIST \"\" %")).anySatisfy(l -> assertThat(l).isEqualTo(
                    "* LIST (\\HasChildren) \"/\" \"Projets\"")).anySatisfy(l -> assertThat(l).contains("\\Sent"));
            assertThat(last(c.cmd("CREATE Projets"))).startsWith("a5 NO [ALREADYEXISTS]");
            assertThat(last(c.cmd("DELETE Projets"))).startsWith("a6 NO");
            assertThat(last(c.cmd("RENAME Projets Archives/Projets"))).startsWith("a7 OK");
            assertThat(server.account("jean@iwdemo.test").names()).contains("Archives/Projets/Été 2026")
                    .doesNotContain("Projets");
        }
    }

    @Test
    void aSecondSessionHearsOfAppendsFlagsAndExpunges() throws IOException {
        long one = inbox.append(Messages.simple("<1@x>", "one"));
        long two = inbox.append(Messages.simple("<2@x>", "two"));
        try (RawImap a = jean(); RawImap b = jean()) {
            a.cmd("SELECT INBOX");
            b.cmd("SELECT INBOX");
            a.cmd("UID STORE " + one + " +FLAGS.SILENT (\\Seen)");
            a.cmd("APPEND INBOX {3+}\r\nabc");
            a.cmd("UID STORE " + two + " +FLAGS.SILENT (\\Deleted)");
            a.cmd("UID EXPUNGE " + two);
            List<String> news = b.cmd("NOOP");
            assertThat(news).contains("* 2 EXPUNGE", "* 2 EXISTS").anySatisfy(l -> assertThat(l)
                    .matches("\\* 1 FETCH \\(UID " + one + " FLAGS \\(\\\\Seen\\)\\)"));
            assertThat(news.indexOf("* 2 EXPUNGE")).isLessThan(news.indexOf("* 2 EXISTS"));
        }
    }

    @Test
    void idleDeliversNewsWithoutBeingAsked() throws IOException {
        try (RawImap b = jean()) {
            b.cmd("SELECT INBOX");
            b.send("i1 IDLE\r\n");
            assertThat(b.line()).startsWith("+ ");
            inbox.append(Messages.simple("<idle@x>", "while idling"));
            assertThat(b.line()).isEqualTo("* 1 EXISTS");
            b.send("DONE\r\n");
            assertThat(last(b.until("i1"))).isEqualTo("i1 OK IDLE terminated");
        }
    }

    @Test
    void notifyTellsOfOtherFoldersWhileIdlingAndNoneStopsIt() throws IOException {
        TestMailbox projets = server.account("jean@iwdemo.test").create("Projets");
        try (RawImap b = jean()) {
            assertThat(b.cmd("CAPABILITY")).anySatisfy(l -> assertThat(l).contains(" NOTIFY"));
            b.cmd("ENABLE CONDSTORE");
            assertThat(last(b.cmd("NOTIFY SET (personal (MessageNew MessageExpunge FlagChange MailboxName))")))
                    .contains("OK NOTIFY completed");
            b.send("i1 IDLE\r\n");
            assertThat(b.line()).startsWith("+ ");
            long uid = projets.append(Messages.simple("<n@x>", "new"));
            assertThat(b.line()).startsWith("* STATUS \"Projets\" (MESSAGES 1 UIDNEXT " + (uid + 1));
            projets.setFlags(uid, "\\Flagged");
            assertThat(b.line()).startsWith("* STATUS \"Projets\" (").contains("HIGHESTMODSEQ " + projets.highestModSeq());
            server.account("jean@iwdemo.test").create("Clients");
            assertThat(b.line()).isEqualTo("* LIST () \"/\" \"Clients\"");
            b.send("DONE\r\n");
            assertThat(last(b.until("i1"))).isEqualTo("i1 OK IDLE terminated");
            assertThat(last(b.cmd("NOTIFY NONE"))).contains("OK NOTIFY completed");
            projets.append(Messages.simple("<m@x>", "after none"));
            b.send("i2 IDLE\r\n");
            assertThat(b.line()).startsWith("+ ");
            b.send("DONE\r\n");
            assertThat(b.until("i2")).as("nothing told after NOTIFY NONE").containsExactly("i2 OK IDLE terminated");
        }
    }

    @Test
    void qresyncReportsWhatVanishedAndChangedSinceAModseq() throws IOException {
        long a = inbox.append(Messages.simple("<a@x>", "a"));
        long b = inbox.append(Messages.simple("<b@x>", "b"));
        long since = inbox.highestModSeq();
        inbox.setFlags(a, "\\Seen");
        inbox.expunge(b);
        try (RawImap c = jean()) {
            assertThat(c.cmd("ENABLE QRESYNC")).contains("* ENABLED QRESYNC");
            List<String> r = c.cmd("SELECT INBOX (QRESYNC (" + inbox.uidValidity() + " " + since + "))");
            assertThat(r).contains("* VANISHED (EARLIER) " + b, "* OK [HIGHESTMODSEQ " + inbox.highestModSeq() + "] Highest")
                    .anySatisfy(l -> assertThat(l).startsWith("* 1 FETCH (UID " + a + " FLAGS (\\Seen) MODSEQ ("));
            assertThat(c.cmd("UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + since + " VANISHED)")).contains(
                    "* VANISHED (EARLIER) " + b).anySatisfy(l -> assertThat(l).contains("UID " + a));
        }
    }

    @Test
    void metadataCarriesKolabTypesAndIceWarpsChangedSince() throws IOException {
        TestMailbox cal = server.account("jean@iwdemo.test").create("Calendar").kind(io.icesync.core.FolderKind.EVENTS);
        long since = inbox.highestModSeq();
        long u = inbox.append(Messages.simple("<m@x>", "m"));
        try (RawImap c = jean()) {
            assertThat(c.cmd("GETMETADATA Calendar (/shared/vendor/kolab/folder-type /private/vendor/kolab/folder-type)"))
                    .contains("* METADATA \"Calendar\" (/private/vendor/kolab/folder-type NIL /shared/vendor/kolab/folder-type \"event\")");
            assertThat(c.cmd("GETMETADATA INBOX /public/vendor/icewarp/folderinfo/changedsince/" + since))
                    .contains("* METADATA \"INBOX\" (/public/vendor/icewarp/folderinfo/changedsince/" + since + " \"" + u + "\")");
            assertThat(last(c.cmd("SETMETADATA Notes (/shared/vendor/kolab/folder-type \"note\")"))).startsWith("a4 NO [NONEXISTENT]");
            c.cmd("CREATE Notes");
            assertThat(last(c.cmd("SETMETADATA Notes (/shared/vendor/kolab/folder-type \"note\")"))).startsWith("a6 OK");
        }
        assertThat(cal.kind()).isEqualTo(io.icesync.core.FolderKind.EVENTS);
        assertThat(server.account("jean@iwdemo.test").mailbox("Notes").kind()).isEqualTo(io.icesync.core.FolderKind.NOTES);
    }

    @Test
    void sharedFoldersAppearUnderTheOwnersPrefixWithTheirRights() throws IOException {
        TestMailbox cal = server.account("jean@iwdemo.test").create("Calendar");
        cal.append(Messages.simple("<ev@x>", "event"));
        try (RawImap j = jean()) {
            assertThat(last(j.cmd("SETACL Calendar josephine@iwdemo.test lr"))).startsWith("a2 OK");
            assertThat(j.cmd("GETACL Calendar")).anySatisfy(l -> assertThat(l).contains("\"josephine@iwdemo.test\" lr"));
            assertThat(j.cmd("MYRIGHTS Calendar")).contains("* MYRIGHTS \"Calendar\" lrswipkxteacd");
        }
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            c.login("josephine@iwdemo.test", "secret2");
            assertThat(c.cmd("NAMESPACE")).contains("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL");
            assertThat(c.cmd("LIST \"\" \"*\"")).contains("* LIST (\\Noselect \\HasChildren) \"/\" \"~jean@iwdemo.test\"",
                    "* LIST (\\HasNoChildren) \"/\" \"~jean@iwdemo.test/Calendar\"");
            assertThat(c.cmd("MYRIGHTS \"~jean@iwdemo.test/Calendar\"")).contains("* MYRIGHTS \"~jean@iwdemo.test/Calendar\" lr");
            assertThat(last(c.cmd("SELECT \"~jean@iwdemo.test/Calendar\""))).startsWith("a5 OK [READ-ONLY]");
            assertThat(last(c.cmd("STORE 1 +FLAGS (\\Deleted)"))).startsWith("a6 NO");
            assertThat(last(c.cmd("SELECT \"~jean@iwdemo.test/INBOX\""))).startsWith("a7 NO [NONEXISTENT]");
        }
        assertThat(cal.messages().get(0).flags()).isEmpty();
    }

    @Test
    void theIceWarpConnectorGreetingIsAnsweredAndRecorded() throws IOException {
        try (RawImap c = jean()) {
            assertThat(last(c.cmd("X-ICEWARP-SERVER iwconnector \"2.0.1\""))).startsWith("a2 OK");
        }
        assertThat(server.connectorGreetings()).containsExactly("2.0.1");
    }

    @Test
    void starttlsAndImplicitTlsWithTheGeneratedCertificate() throws IOException {
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            assertThat(last(c.cmd("STARTTLS"))).startsWith("a1 OK");
            c.startTls(server.clientSslContext());
            List<String> caps = c.cmd("CAPABILITY");
            assertThat(caps.get(0)).doesNotContain("STARTTLS");
            c.login("jean@iwdemo.test", "secret");
        }
        try (RawImap c = RawImap.tls("127.0.0.1", server.imaps().port(), server.clientSslContext())) {
            assertThat(c.line()).startsWith("* OK");
            c.login("jean@iwdemo.test", "secret");
            assertThat(last(c.cmd("SELECT INBOX"))).startsWith("a2 OK");
        }
        assertThat(server.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void fetchServesSectionsPartialsEnvelopeAndStructure() throws IOException {
        byte[] msg = Messages.simple("<f@x>", "Fetch me");
        inbox.append(msg);
        try (RawImap c = jean()) {
            c.cmd("SELECT INBOX");
            String r = String.join("\n", c.cmd("FETCH 1 (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)] BODY.PEEK[]<0.10>)"));
            assertThat(r).contains("UID 1", "RFC822.SIZE " + msg.length, "BODY[HEADER.FIELDS (MESSAGE-ID)] {",
                    "Message-ID: <f@x>", "BODY[]<0> {10}\r\nMessage-ID");
            assertThat(String.join("\n", c.cmd("FETCH 1 (ENVELOPE BODYSTRUCTURE)"))).contains("ENVELOPE (", "\"<f@x>\"",
                    "BODYSTRUCTURE (\"TEXT\" \"PLAIN\"");
            assertThat(inbox.message(1).orElseThrow().flags()).as("PEEK leaves \\Seen alone").isEmpty();
            assertThat(String.join("\n", c.cmd("FETCH 1 BODY[TEXT]"))).contains("FLAGS (\\Seen)");
            assertThat(c.cmd("UID SEARCH HEADER Message-ID <f@x>")).contains("* SEARCH 1");
            assertThat(c.cmd("SEARCH UNSEEN")).contains("* SEARCH");
        }
    }
}
