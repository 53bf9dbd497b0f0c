package io.icesync.groupware.gal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a profile's groupware directory the way the vdir store lays it out. */
final class GalVdir {
    private final Path root;

    GalVdir(Path root) {
        this.root = root;
    }

    /** A folder by its escaped directory names, with its kind in .icesync-folder. */
    Path folder(String kind, String... dirNames) throws IOException {
        Path d = root;
        for (String n : dirNames) {
            d = d.resolve(n);
        }
        Files.createDirectories(d);
        Files.writeString(d.resolve(".icesync-folder"), "#IceSync folder identity\nid=g-" + String.join("-", dirNames).hashCode()
                + "\nkind=" + kind + "\n", StandardCharsets.UTF_8);
        return d;
    }

    static void card(Path folder, String file, String... lines) throws IOException {
        card(folder, file, StandardCharsets.UTF_8, lines);
    }

    static void card(Path folder, String file, Charset charset, String... lines) throws IOException {
        Files.write(folder.resolve(file), (String.join("\r\n", lines) + "\r\n").getBytes(charset));
    }
}
