package io.icesync.core.internal.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FolderNamesTest {
    private static final String NFC = "Caf\u00e9";
    private static final String NFD = "Cafe\u0301";

    @Test
    void anNfcNameIsWrittenAsItIsAndReadBackFromItsDecomposedForm() {
        assertThat(FolderNames.encode(NFC)).isEqualTo(NFC);
        // macOS hands back the name of a directory made as NFC decomposed.
        assertThat(FolderNames.decode(NFD)).isEqualTo(NFC);
    }

    @Test
    void aNameNotInNfcGetsADirectoryOfItsOwnThatReadsBackExactly() {
        String dir = FolderNames.encode(NFD);

        assertThat(dir).isEqualTo("Cafe%CC%81").isNotEqualTo(FolderNames.encode(NFC));
        assertThat(FolderNames.decode(dir)).isEqualTo(NFD);
        assertThat(FolderNames.decode(Normalizer.normalize(dir, Normalizer.Form.NFD))).isEqualTo(NFD);
    }

    @Test
    void escapesBesideCombiningMarksStillReadBack() {
        for (String name : new String[] {"\n\u0301", "%\u0301x", "\u1100\u1161", "\u212b", "A\u030a\u0301", ".\u0301",
                "cur\u0301", "\u0915\u093c"}) {
            assertThat(FolderNames.decode(FolderNames.encode(name))).as(name).isEqualTo(name);
        }
    }

    @Test
    void everyStringReadsBackExactly() {
        Random r = new Random(7);
        int[] pool = {'a', 'e', 'A', 'c', '.', '%', '/', '\\', 0, '\n', 0x7f, '~', 0xe9, 0x301, 0x308, 0x323, 0x1100,
            0x1161, 0x11a8, 0xac00, 0x212b, 0x2126, 0xfb01, 0x915, 0x93c, 0x1f600, 0xd800, 0xdc00, 0x4e2d, 0xc5};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(n % 100 == 0 ? 120 : 8);
            for (int i = 0; i < len; i++) {
                int cp = r.nextInt(4) == 0 ? r.nextInt(0x30000) : pool[r.nextInt(pool.length)];
                b.append(cp <= 0xffff ? String.valueOf((char) cp) : new String(Character.toChars(cp)));
            }
            String name = b.toString();
            String dir = FolderNames.encode(name);
            if (FolderNames.isShortened(dir)) {
                assertThat(FolderNames.shortenedFrom(dir, name)).isTrue();
            } else {
                assertThat(FolderNames.decode(dir)).as("%s as %s", name.codePoints().toArray(), dir).isEqualTo(name);
            }
        }
    }

    @Test
    void aLongNameIsCutUnder255BytesOutsideEscapesAndMarkedWithItsHash() {
        String cjk = "\u4e2d".repeat(90);
        String dir = FolderNames.encode(cjk);

        assertThat(dir.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FolderNames.MAX_BYTES);
        assertThat(dir).startsWith("\u4e2d".repeat(60)).matches(".*%~[0-9a-f]{12}");
        assertThat(FolderNames.isShortened(dir)).isTrue();
        assertThat(FolderNames.shortenedFrom(dir, cjk)).isTrue();
        assertThat(FolderNames.shortenedFrom(dir, cjk + "x")).isFalse();
        assertThat(FolderNames.encode(cjk + "x")).isNotEqualTo(dir);

        String escapes = "%".repeat(100);
        assertThat(FolderNames.encode(escapes)).matches("(%25)+%~[0-9a-f]{12}");
        assertThat(FolderNames.isShortened(FolderNames.encode("a".repeat(200)))).isFalse();
        assertThat(FolderNames.isShortened(FolderNames.encode("a".repeat(201)))).isTrue();
        // A name that merely looks shortened is escaped like any other.
        assertThat(FolderNames.isShortened(FolderNames.encode("x%~0123456789ab"))).isFalse();
    }
}
