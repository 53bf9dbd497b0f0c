package io.icesync.webdav.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A multistatus body from a WebDAV server reads as entries whose accessors answer, or fails with
 * MalformedException, whatever its bytes. Regression inputs:
 * {@code MultistatusFuzzTestInputs/readsOrRefuses}; fuzzed by {@code bench/fuzz.sh}.
 */
class MultistatusFuzzTest {
    @FuzzTest
    void readsOrRefuses(byte[] input) throws IOException {
        try {
            for (Multistatus.Entry e : Multistatus.read(new ByteArrayInputStream(input)).entries()) {
                e.text("getetag");
                e.text("displayname");
                e.contentLength();
                e.hasChild("resourcetype", "collection");
            }
        } catch (Multistatus.MalformedException expected) {
            // the documented refusal
        }
    }
}
