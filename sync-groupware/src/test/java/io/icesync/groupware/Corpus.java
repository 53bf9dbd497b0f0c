package io.icesync.groupware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The test corpus under src/test/resources/corpus. */
final class Corpus {
    private Corpus() {
    }

    static Path dir() {
        try {
            return Path.of(Corpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String ext) {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) {
        return read(dir().resolve(name));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logical property lines: folding (and vCard 2.1 soft line breaks) removed. */
    static List<String> unfoldedLines(String text) {
        String[] physical = text.split("\r\n|\n");
        List<String> out = new ArrayList<>();
        for (String l : physical) {
            if (l.isEmpty()) {
                continue;
            }
            if ((l.startsWith(" ") || l.startsWith("\t")) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + l.substring(1));
            } else if (!out.isEmpty() && out.get(out.size() - 1).endsWith("=")
                    && out.get(out.size() - 1).toUpperCase().contains("QUOTED-PRINTABLE")) {
                String prev = out.get(out.size() - 1);
                out.set(out.size() - 1, prev.substring(0, prev.length() - 1) + l);
            } else {
                out.add(l);
            }
        }
        return out;
    }
}
