package io.icesync.groupware.mdn;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages whose receipt request was answered (sent or declined), by {@link ReceiptRequest#key()}
 * (the Message-ID), so that no message gets two receipts (RFC 8098 section 2.1). An app may back it
 * with its own storage, for instance the IMAP keyword {@code $MDNSent} (RFC 3503). Implementations
 * must be thread-safe; {@link #add} must be atomic.
 */
public interface ReceiptRecord {
    /**
     * Records the key; false when it was recorded already (then nothing may be sent).
     *
     * @param key the message's {@link ReceiptRequest#key()}
     * @return true when it was not recorded before
     */
    boolean add(String key);

    /**
     * @param key the message's {@link ReceiptRequest#key()}
     * @return whether the key is recorded
     */
    boolean contains(String key);

    /**
     * Forgets the key, after a receipt that could not be sent.
     *
     * @param key the message's {@link ReceiptRequest#key()}
     */
    void remove(String key);

    /** {@return a record that lasts as long as the process} */
    static ReceiptRecord inMemory() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        return new ReceiptRecord() {
            @Override
            public boolean add(String key) {
                return keys.add(key);
            }

            @Override
            public boolean contains(String key) {
                return keys.contains(key);
            }

            @Override
            public void remove(String key) {
                keys.remove(key);
            }
        };
    }

    /**
     * A record kept in a text file (one key a line), rewritten atomically at each change; see {@link FileReceiptRecord}.
     *
     * @param file the text file
     * @return the record
     */
    static ReceiptRecord file(Path file) {
        return new FileReceiptRecord(file);
    }
}
