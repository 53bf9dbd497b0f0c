package io.icesync.examples.demo;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Both trees as a user would compare them: folder -> sorted Message-IDs with their read/flagged state. */
final class DemoCompare {
    private DemoCompare() {
    }

    static Map<String, List<String>> server(Store s) throws MessagingException {
        Map<String, List<String>> out = new TreeMap<>();
        char sep = s.getDefaultFolder().getSeparator();
        for (Folder f : s.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) == 0 || isDrafts(f)) {
                continue; // Drafts are never synced (F3.3)
            }
            f.open(Folder.READ_ONLY);
            Message[] msgs = f.getMessages();
            FetchProfile fp = new FetchProfile();
            fp.add(FetchProfile.Item.FLAGS);
            fp.add("Message-ID");
            f.fetch(msgs, fp);
            List<String> l = new ArrayList<>();
            for (Message m : msgs) {
                String[] id = m.getHeader("Message-ID");
                l.add((id == null ? "?" : id[0]) + (m.isSet(jakarta.mail.Flags.Flag.SEEN) ? " S" : "")
                        + (m.isSet(jakarta.mail.Flags.Flag.FLAGGED) ? " F" : ""));
            }
            Collections.sort(l);
            out.put(f.getFullName().replace(sep, '/'), l);
            f.close(false);
        }
        return out;
    }

    private static boolean isDrafts(Folder f) throws MessagingException {
        return f instanceof org.eclipse.angus.mail.imap.IMAPFolder i
                && java.util.Arrays.asList(i.getAttributes()).contains("\\Drafts");
    }

    static Map<String, List<String>> local(Path root) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path cur : s.filter(p -> p.getFileName().toString().equals("cur") && Files.isDirectory(p)).toList()) {
                Path folder = cur.getParent();
                List<String> l = new ArrayList<>();
                for (String sub : List.of("cur", "new")) {
                    try (Stream<Path> files = Files.list(folder.resolve(sub))) {
                        for (Path f : files.toList()) {
                            String name = f.getFileName().toString();
                            String info = name.contains(":2,") ? name.substring(name.indexOf(":2,") + 3) : "";
                            l.add(messageId(f) + (info.contains("S") ? " S" : "") + (info.contains("F") ? " F" : ""));
                        }
                    }
                }
                Collections.sort(l);
                out.put(root.relativize(folder).toString(), l);
            }
        }
        return out;
    }

    private static String messageId(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null && !line.isEmpty(); ) {
                if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    return line.substring(11).trim();
                }
            }
        }
        return "?";
    }
}
