package io.icesync.groupware;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/**
 * Throughput of the mapping layer (PITFALL 12): the corpus repeated to about 10,000 objects,
 * (a) parsed and written by plain ical4j / ez-vcard, (b) parsed, mapped and written by IceSync.
 * Usage: {@code MappingBench CORPUS_DIR [objects]}.
 */
public final class MappingBench {
    private MappingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "sync-groupware/src/test/resources/corpus");
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> ics = new ArrayList<>();
        List<String> vcf = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                (p.toString().endsWith(".ics") ? ics : vcf).add(Files.readString(p));
            }
        }
        int perRound = ics.size() + vcf.size();
        int rounds = Math.max(1, target / perRound);
        ICalendarCodec ical = ICalendarCodec.standard();
        VCardCodec vcard = new VCardCodec();
        for (int warm = 0; warm < 3; warm++) {
            plain(ics, vcf, rounds / 2);
            iceSync(ical, vcard, ics, vcf, rounds / 2);
        }
        long plainNs = plain(ics, vcf, rounds);
        long iceNs = iceSync(ical, vcard, ics, vcf, rounds);
        int objects = rounds * perRound;
        System.out.printf("objects per run: %d (%d files x %d)%n", objects, perRound, rounds);
        System.out.printf("plain ical4j/ez-vcard parse+write: %8.0f objects/s (%d ms)%n", objects / (plainNs / 1e9), plainNs / 1_000_000);
        System.out.printf("IceSync parse+map+write:           %8.0f objects/s (%d ms)%n", objects / (iceNs / 1e9), iceNs / 1_000_000);
        System.out.printf("IceSync time / plain time: %.2f (target <= 1.5)%n", (double) iceNs / plainNs);
    }

    private static long plain(List<String> ics, List<String> vcf, int rounds) throws Exception {
        long sink = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String s : ics) {
                Calendar c = new CalendarBuilder().build(new StringReader(s));
                sink += c.toString().length();
            }
            for (String s : vcf) {
                List<VCard> cards = Ezvcard.parse(s).all();
                sink += Ezvcard.write(cards).go().length();
            }
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            System.out.println();
        }
        return t;
    }

    private static long iceSync(ICalendarCodec ical, VCardCodec vcard, List<String> ics, List<String> vcf, int rounds) {
        long sink = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String s : ics) {
                sink += ical.writeAll(ical.parse(s).items()).length();
            }
            for (String s : vcf) {
                sink += vcard.writeAll(vcard.parse(s).items()).length();
            }
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            System.out.println();
        }
        return t;
    }
}
