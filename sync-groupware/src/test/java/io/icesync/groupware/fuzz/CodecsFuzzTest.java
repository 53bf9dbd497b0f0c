package io.icesync.groupware.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.icesync.groupware.GroupwareFormatException;
import io.icesync.groupware.ICalendarCodec;
import io.icesync.groupware.VCardCodec;
import java.nio.charset.StandardCharsets;

/**
 * An object from a server or a vdir reads as items (with warnings) or fails with
 * GroupwareFormatException, whatever its bytes: each input goes to the iCalendar codec of event
 * folders, the one of notes folders and the vCard codec. Regression inputs:
 * {@code CodecsFuzzTestInputs/readsOrRefuses}; fuzzed by {@code bench/fuzz.sh}.
 */
class CodecsFuzzTest {
    private static final ICalendarCodec EVENTS = ICalendarCodec.standard();
    private static final ICalendarCodec NOTES = ICalendarCodec.forNotes();
    private static final VCardCodec CONTACTS = new VCardCodec();

    @FuzzTest
    void readsOrRefuses(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            EVENTS.parse(text);
        } catch (GroupwareFormatException expected) {
            // the documented refusal
        }
        try {
            NOTES.parse(text);
        } catch (GroupwareFormatException expected) {
            // the documented refusal
        }
        try {
            CONTACTS.parse(text);
        } catch (GroupwareFormatException expected) {
            // the documented refusal
        }
    }
}
