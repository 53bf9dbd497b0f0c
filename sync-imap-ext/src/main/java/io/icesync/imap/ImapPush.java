package io.icesync.imap;

import io.icesync.core.FolderPath;
import java.time.Duration;
import java.util.List;

/**
 * Server changes as they happen, from {@link ImapRemoteStore#push}: on a connection of its own, IMAP
 * NOTIFY (RFC 5465) reports every personal folder where the server offers it; otherwise IDLE (RFC
 * 2177) watches a few folders, one connection each. A dropped connection is made again after a
 * growing pause (1 s doubling up to 5 minutes); {@link Listener#watching} then says that news may
 * have been missed meanwhile. Closing stops every connection and thread.
 */
public interface ImapPush extends AutoCloseable {
    /** How the server pushes. */
    enum Mode {
        /** One connection, every personal folder (RFC 5465). */
        NOTIFY,
        /** One connection per watched folder (RFC 2177). */
        IDLE
    }

    /** Most folders watched with IDLE (each costs a connection; servers cap them per user, Dovecot at 10). */
    int MAX_IDLE_FOLDERS = 3;

    /** What the push connection hears; called on its threads, so hand the news on rather than sync there. */
    interface Listener {
        /**
         * Items of this folder changed on the server (new, removed, flags).
         *
         * @param folder the folder whose items changed
         */
        void changed(FolderPath folder);

        /** Folders were created, renamed or deleted on the server. */
        void treeChanged();

        /**
         * News flows: {@code folders} are watched (empty for NOTIFY: all of them). {@code resumed} is
         * true after a drop, when changes made meanwhile were not reported.
         *
         * @param mode    how the server pushes
         * @param folders the folders watched (empty for NOTIFY: all of them)
         * @param resumed true after a drop, when changes made meanwhile were not reported
         */
        void watching(Mode mode, List<FolderPath> folders, boolean resumed);

        /**
         * Push stopped: the connection dropped or could not be made ({@code why}, a sentence);
         * tried again after {@code retryIn}, or never when it is null (the server offers neither
         * NOTIFY nor IDLE, or the login was refused).
         *
         * @param why     what happened, as a sentence
         * @param retryIn when push is tried again, or null for never
         */
        void stopped(String why, Duration retryIn);
    }

    /**
     * How this server pushes, once connected.
     *
     * @return the mode, or null before the first connection
     */
    Mode mode();

    /** Stops watching: closes the connections, ends the threads. */
    @Override
    void close();
}
