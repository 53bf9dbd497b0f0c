package io.icesync.examples.demo;

import io.icesync.testkit.WebDavFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The demo's documents: the account's WebDAV files, synced into {@code documents/} as plain files. */
final class DemoDocuments {
    /** The root folder the WebDAV base stands for in the local tree. */
    static final String ROOT = "Files";
    /** The file IceWarp's SmartAttach took out of a message and left a link to. */
    static final String ATTACHED = "Pièces jointes/rapport-trimestriel.pdf";

    private DemoDocuments() {
    }

    static int seed(WebDavFiles files) {
        files.put("Lisez-moi.txt", bytes("Bienvenue dans les documents partagés.\n"));
        files.put("Projets/Été 2026/budget.csv", bytes("poste;montant\nsalle;1200\n"));
        files.put("Projets/Été 2026/planning.txt", bytes("juin: cadrage\njuillet: réalisation\n"));
        files.put(ATTACHED, bytes("%PDF-1.4\n% rapport trimestriel\n".repeat(200)));
        return files.list().stream().filter(p -> !p.endsWith("/")).mapToInt(p -> 1).sum();
    }

    static void onServer(WebDavFiles files, PrintWriter out) {
        files.put("Projets/Été 2026/planning.txt", bytes("juin: cadrage\njuillet: réalisation\naoût: bilan\n"));
        out.println("   server: document Projets/Été 2026/planning.txt edited in the WebClient");
    }

    static void locally(Path documents, PrintWriter out) throws IOException {
        Files.writeString(documents.resolve(ROOT).resolve("Compte rendu.txt"), "Réunion du 7 décembre: validé.\n");
        out.println("   local:  new document Compte rendu.txt saved by a text editor");
    }

    /** Path to content of every file on the server. */
    static Map<String, String> server(WebDavFiles files) {
        Map<String, String> m = new TreeMap<>();
        for (String p : files.list()) {
            if (!p.endsWith("/")) {
                m.put(p, new String(files.get(p).orElseThrow(), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    /** Path to content of every document in the local tree (IceSync's hidden files left out). */
    static Map<String, String> local(Path documents) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path root = documents.resolve(ROOT);
        if (!Files.isDirectory(root)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    m.put(rel, Files.readString(f));
                }
            }
        }
        return m;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
