package io.icesync.examples.demo;

import io.icesync.core.FolderKind;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The demo's events and contacts: seeded on the server, changed on both sides, compared at the end. */
final class DemoGroupware {
    private static final Pattern UID = Pattern.compile("(?m)^UID:(.*?)\\r?$");
    private static final Pattern TITLE = Pattern.compile("(?m)^(?:SUMMARY|FN):(.*?)\\r?$");
    private static final Pattern CATEGORIES = Pattern.compile("(?m)^CATEGORIES:(.*?)\\r?$");

    private DemoGroupware() {
    }

    static String event(String uid, String start, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IceWarp-like demo//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T080000Z\r\nDTSTART;TZID=Europe/Paris:" + start + "\r\nDURATION:PT1H\r\n"
                + "SUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static String card(String uid, String name, String email) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nEMAIL;TYPE=INTERNET:" + email
                + "\r\nEND:VCARD\r\n";
    }

    /** A calendar and an address book, typed as IceWarp types them, with a few objects. */
    static int seed(TestAccount account) {
        TestMailbox cal = account.create("Calendar").kind(FolderKind.EVENTS);
        cal.appendObject(event("evt-revue", "20261103T100000", "Revue de projet"));
        cal.appendObject(event("evt-dejeuner", "20261104T123000", "Déjeuner d'équipe"));
        TestMailbox book = account.create("Contacts").kind(FolderKind.CONTACTS);
        book.appendObject(card("ct-anne", "Anne Lefèvre", "anne@iwdemo.test"));
        book.appendObject(card("ct-paul", "Paul Martin", "paul@example.com"));
        return 4;
    }

    /** Another client edits an event: a new version appended, the old one expunged. */
    static void onServer(TestAccount account, PrintWriter out) {
        TestMailbox cal = account.mailbox("Calendar");
        long old = cal.messages().stream().filter(m -> text(m).contains("UID:evt-revue")).findFirst().orElseThrow().uid();
        cal.appendObject(event("evt-revue", "20261103T140000", "Revue de projet (14 h)"));
        cal.expunge(old);
        out.println("   server: event 'Revue de projet' moved to 14:00 by another client");
        // IceWarp's WebClient tags an item with a URL-quoted keyword and leaves the object as it is.
        TestMessage lunch = cal.messages().stream().filter(m -> text(m).contains("UID:evt-dejeuner")).findFirst().orElseThrow();
        java.util.Set<String> flags = new java.util.TreeSet<>(lunch.flags());
        flags.add("%C3%89quipe");
        cal.setFlags(lunch.uid(), flags);
        out.println("   server: event 'Déjeuner d'équipe' tagged 'Équipe' in the WebClient");
    }

    /** What a calendar or address-book app working on the vdir would do. */
    static void locally(Path groupware, PrintWriter out) throws IOException {
        Path paul = groupware.resolve("Contacts").resolve("ct-paul.vcf");
        Files.writeString(paul, Files.readString(paul).replace("FN:Paul Martin", "FN:Paul Martin-Durand"));
        out.println("   local:  contact ct-paul.vcf renamed to Paul Martin-Durand");
        Files.writeString(groupware.resolve("Calendar").resolve("evt-atelier.ics"),
                event("evt-atelier", "20261105T090000", "Atelier synchronisation"));
        out.println("   local:  new event evt-atelier.ics");
    }

    /** UID -> title [categories] of every object, on the server (tags are keywords there) and in the vdir. */
    static Map<String, String> server(TestAccount account) {
        Map<String, String> m = new TreeMap<>();
        for (String f : new String[] {"Calendar", "Contacts"}) {
            for (TestMessage msg : account.mailbox(f).messages()) {
                java.util.List<String> tags = msg.flags().stream().filter(k -> !k.startsWith("\\") && !k.startsWith("$"))
                        .map(k -> java.net.URLDecoder.decode(k.replace("+", "%2B"), StandardCharsets.UTF_8)).sorted().toList();
                put(m, text(msg), tags);
            }
        }
        return m;
    }

    static Map<String, String> local(Path groupware) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String f : new String[] {"Calendar", "Contacts"}) {
            try (Stream<Path> files = Files.list(groupware.resolve(f))) {
                for (Path p : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    String text = Files.readString(p);
                    Matcher c = CATEGORIES.matcher(text);
                    put(m, text, c.find() ? java.util.Arrays.stream(c.group(1).split(",")).map(String::trim).sorted().toList()
                            : java.util.List.of());
                }
            }
        }
        return m;
    }

    private static void put(Map<String, String> m, String text, java.util.List<String> categories) {
        Matcher u = UID.matcher(text);
        Matcher t = TITLE.matcher(text);
        if (u.find() && t.find()) {
            m.put(u.group(1).trim(), t.group(1).trim() + (categories.isEmpty() ? "" : " " + categories));
        }
    }

    private static String text(TestMessage m) {
        return new String(m.content(), StandardCharsets.UTF_8);
    }
}
