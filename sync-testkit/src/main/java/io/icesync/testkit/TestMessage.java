package io.icesync.testkit;

import io.icesync.core.MessageHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;

/** One message as the server holds it: a snapshot, so later changes on the server do not show here. */
public final class TestMessage {
    private final long uid;
    private final byte[] content;
    private final Set<String> flags;
    private final Instant internalDate;
    private final long modSeq;

    TestMessage(long uid, byte[] content, Set<String> flags, Instant internalDate, long modSeq) {
        this.uid = uid;
        this.content = content;
        this.flags = Collections.unmodifiableSet(ImapFlags.copy(flags));
        this.internalDate = internalDate;
        this.modSeq = modSeq;
    }

    /** {@return the UID in its folder at the time of the snapshot} */
    public long uid() {
        return uid;
    }

    /** {@return the raw RFC 5322 bytes (a copy)} */
    public byte[] content() {
        return content.clone();
    }

    /** {@return the message's size in bytes (RFC822.SIZE)} */
    public int size() {
        return content.length;
    }

    /**
     * {@return the IMAP flags and keywords as the client set them, for example {@code \Seen} or {@code $label1};
     * an unmodifiable set that compares case-insensitively}
     */
    public Set<String> flags() {
        return flags;
    }

    /**
     * Tells whether the message has a flag.
     *
     * @param flag a system flag or keyword, in any case
     * @return true when it is set
     */
    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    /** {@return the INTERNALDATE: when the server received the message, or the date the appender gave} */
    public Instant internalDate() {
        return internalDate;
    }

    /** {@return the MODSEQ of the message's last change (append or flags)} */
    public long modSeq() {
        return modSeq;
    }

    /** {@return the Message-ID header's value with its angle brackets, or null when there is none} */
    public String messageId() {
        try {
            return MessageHeaders.messageId(new ByteArrayInputStream(content));
        } catch (IOException e) {
            return null;
        }
    }

    byte[] raw() {
        return content;
    }

    TestMessage with(Set<String> newFlags, long newModSeq) {
        return new TestMessage(uid, content, newFlags, internalDate, newModSeq);
    }

    TestMessage renumbered(long newUid, long newModSeq) {
        return new TestMessage(newUid, content, flags, internalDate, newModSeq);
    }

    @Override
    public String toString() {
        return "TestMessage[uid=" + uid + ", size=" + content.length + ", flags=" + flags + ", modseq=" + modSeq + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestMessage m && m.uid == uid && m.modSeq == modSeq && m.flags.equals(flags)
                && Arrays.equals(m.content, content) && m.internalDate.equals(internalDate);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(uid) * 31 + Long.hashCode(modSeq);
    }
}
