package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A profile's log folder ({@code DIR/logs}): one {@code MM-DD-YYYY.txt} a day (F11.4), and the zips
 * packed for support. Only files named as a day are daily logs; anything else there is left alone.
 */
final class LogFolder {
    /** The guide's file name: "un format du type 07-24-2015.txt". */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd-uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final String SUFFIX = ".txt";

    private final Path dir;

    LogFolder(Path profileDir) {
        this.dir = profileDir.resolve(IceSync.LOGS_DIR);
    }

    Path dir() {
        return dir;
    }

    Path fileOf(LocalDate day) {
        return dir.resolve(DAY.format(day) + SUFFIX);
    }

    /** The daily files by day, oldest first; empty when the folder does not exist. */
    NavigableMap<LocalDate, Path> days() throws IOException {
        NavigableMap<LocalDate, Path> days = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX) && Files.isRegularFile(f)) {
                    try {
                        days.put(LocalDate.parse(name.substring(0, name.length() - SUFFIX.length()), DAY), f);
                    } catch (DateTimeParseException notADay) {
                        // another file: not ours to pack or delete
                    }
                }
            }
        } catch (NoSuchFileException none) {
            return days;
        }
        return days;
    }

    /**
     * Zips the files of {@code today} and the day before into {@code logs/icesync-logs-MM-DD-YYYY.zip}
     * (replacing one packed earlier that day) and returns it; null when neither day has a file.
     */
    Path pack(LocalDate today) throws IOException {
        List<Path> files = days().subMap(today.minusDays(1), true, today, true).values().stream().toList();
        if (files.isEmpty()) {
            return null;
        }
        Path zip = dir.resolve("icesync-logs-" + DAY.format(today) + ".zip");
        Path tmp = Files.createTempFile(dir, ".pack-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path f : files) {
                    z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return zip;
    }

    /** Deletes every daily file; returns how many. */
    int clear() throws IOException {
        return delete(days());
    }

    /** Deletes the daily files of the days before {@code today} minus {@code days}; returns how many. */
    int prune(int days, LocalDate today) throws IOException {
        return delete(days().headMap(today.minusDays(days), false));
    }

    private static int delete(NavigableMap<LocalDate, Path> files) throws IOException {
        int n = 0;
        for (Path f : files.values()) {
            if (Files.deleteIfExists(f)) {
                n++;
            }
        }
        return n;
    }
}
