package io.icesync.imap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolPartsTest {
    @Test
    void uidSetsAreCompactAndBoundedInLength() {
        assertThat(Uids.sets(List.of(5L, 1L, 2L, 3L, 9L, 10L), 100)).containsExactly("1:3,5,9:10");
        List<Long> scattered = new java.util.ArrayList<>();
        for (long u = 1; u < 2000; u += 2) {
            scattered.add(u);
        }
        List<String> sets = Uids.sets(scattered, 200);
        assertThat(sets).allSatisfy(s -> assertThat(s.length()).isLessThan(220));
        assertThat(sets.stream().flatMap(s -> Uids.parse(s).stream()).toList()).isEqualTo(scattered);
    }

    @Test
    void copyUidMapsSourceToDestinationInOrder() {
        Map<Long, Long> m = Uids.copyUid("A7 OK [COPYUID 1795516132 20:22,30 6:9] Moved UIDs.");
        assertThat(m).containsExactly(Map.entry(20L, 6L), Map.entry(21L, 7L), Map.entry(22L, 8L), Map.entry(30L, 9L));
        assertThat(Uids.copyUid("A7 OK done")).isEmpty();
    }

    @Test
    void kolabFolderTypesNameKinds() {
        assertThat(FolderTypes.kind("* METADATA \"Calendar\" (/shared/vendor/kolab/folder-type \"event.default\")"))
                .isEqualTo(FolderKind.EVENTS);
        assertThat(FolderTypes.kind("* METADATA \"Contacts\" (/private/vendor/kolab/folder-type \"contact\")"))
                .isEqualTo(FolderKind.CONTACTS);
        assertThat(FolderTypes.kind("* METADATA \"INBOX\" (/shared/vendor/kolab/folder-type NIL)")).isEqualTo(FolderKind.MAIL);
        assertThat(FolderTypes.kind(null)).isEqualTo(FolderKind.MAIL);
        for (FolderKind k : FolderKind.values()) {
            assertThat(FolderTypes.kind("(/shared/vendor/kolab/folder-type \"" + FolderTypes.name(k) + "\")")).isEqualTo(k);
        }
    }

    @Test
    void flagsConvertBothWaysKeepingKeywords() {
        Flags f = Flags.of(Flag.SEEN, Flag.DRAFT).withKeyword("$Completed").withKeyword("Projet_X");
        assertThat(FlagCodec.of(FlagCodec.to(f, false))).isEqualTo(f);
        assertThat(FlagCodec.of(FlagCodec.to(f, true))).isEqualTo(f);
        jakarta.mail.Flags odd = new jakarta.mail.Flags("bad keyword");
        odd.add(jakarta.mail.Flags.Flag.RECENT);
        // Kept as a category, so that a STORE of the item's flags renames it rather than dropping it.
        assertThat(FlagCodec.of(odd)).as("\\\\Recent is dropped").isEqualTo(Flags.NONE.withKeyword("bad&ACA-keyword"));
    }

    @Test
    void iceWarpsQuotedCategoriesReadBackAsTheirNames() {
        assertThat(FlagCodec.quote("Projet été")).isEqualTo("Projet%20%C3%A9t%C3%A9");
        assertThat(FlagCodec.quote("a+b&c~d")).isEqualTo("a%2Bb%26c~d");
        assertThat(FlagCodec.unquote("Projet%20%c3%a9t%C3%A9")).isEqualTo("Projet été");
        assertThat(FlagCodec.unquote("100%")).isNull();
        assertThat(FlagCodec.unquote("%C3")).as("not UTF-8").isNull();
        assertThat(FlagCodec.keyword("Red%20Category")).isEqualTo("Red&ACA-Category");
        assertThat(FlagCodec.keyword("100%")).isEqualTo("100&ACU-");
        assertThat(FlagCodec.keyword("$Forwarded")).isEqualTo("$Forwarded");
        assertThat(FlagCodec.list(Flags.of(Flag.SEEN).withKeyword("Red&ACA-Category").withKeyword("$MDNSent"), true))
                .isEqualTo("(\\Seen $MDNSent Red%20Category)");
        assertThat(FlagCodec.list(Flags.of(Flag.SEEN).withKeyword("Red&ACA-Category"), false))
                .isEqualTo("(\\Seen Red&ACA-Category)");
    }

    @Test
    void chunkedBodyReassemblesPartsAndStopsAtTheEnd() throws IOException {
        byte[] whole = new byte[2500];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = (byte) i;
        }
        List<long[]> asked = new java.util.ArrayList<>();
        ChunkedBody body = new ChunkedBody((offset, length) -> {
            asked.add(new long[] {offset, length});
            int from = (int) Math.min(offset, whole.length);
            return java.util.Arrays.copyOfRange(whole, from, (int) Math.min(whole.length, offset + length));
        }, 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(body.start()).isTrue();
        body.transferTo(out);
        assertThat(out.toByteArray()).isEqualTo(whole);
        assertThat(asked).extracting(a -> a[0]).containsExactly(0L, 1000L, 2000L);
        assertThat(new ChunkedBody((o, l) -> new byte[0], 10).start()).as("a vanished item has no content").isFalse();
    }
}
