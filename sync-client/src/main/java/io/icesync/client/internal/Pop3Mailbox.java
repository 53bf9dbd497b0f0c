package io.icesync.client.internal;

import java.util.List;

/**
 * One POP3 session on a maildrop (RFC 1939): the messages with their UIDLs, their content, and
 * deletions that take effect only at {@link #commit()} (QUIT); {@link #close()} without a commit
 * deletes nothing.
 */
public interface Pop3Mailbox extends AutoCloseable {
    /** A message of the maildrop: its number in this session and its unique id. */
    record Entry(int number, String uidl) {
    }

    /** Every message, in the server's order. */
    List<Entry> list();

    /** The whole message, as the server keeps it. */
    byte[] retrieve(int number);

    /** The message's Message-ID header (read with TOP), or null when it has none. */
    String messageId(int number);

    /** Marks the message for deletion at {@link #commit()}. */
    void delete(int number);

    /** Ends the session with QUIT: the marked messages are deleted then. */
    void commit();

    /** Ends the session; without a {@link #commit()} first, nothing is deleted. */
    @Override
    void close();
}
