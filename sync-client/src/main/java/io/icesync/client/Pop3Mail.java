package io.icesync.client;

import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import java.util.Objects;

/**
 * Where a GroupWare profile's mail comes from (F10.3): the POP3 server, and what happens to a message
 * on the server once it is in the local INBOX. With {@code deleteAfterDays} null a copy stays on the
 * server ("laisser une copie", the guide's usual case); with N, the message is deleted from the server
 * N days after it was downloaded (0: at the next cycle's end, once it is safely stored). Messages are
 * told apart by their POP3 UIDL, so each arrives once whatever the server keeps.
 *
 * @param server          the POP3 server: ssl (995) or plain (110), as the guide offers; starttls works too
 * @param deleteAfterDays days after download before the server copy is deleted, or null to leave it there
 */
public record Pop3Mail(Endpoint server, Integer deleteAfterDays) {
    /** The longest "delete after" accepted: 100 years. */
    public static final int MAX_DAYS = 36_500;

    /**
     * Checks the settings.
     *
     * @param server          the POP3 server, not null
     * @param deleteAfterDays 0 to {@link #MAX_DAYS} days, or null to leave a copy on the server
     * @throws InvalidSettingException naming {@code pop3.deleteAfterDays} for a negative or absurd number
     */
    public Pop3Mail {
        Objects.requireNonNull(server, "server");
        if (deleteAfterDays != null && (deleteAfterDays < 0 || deleteAfterDays > MAX_DAYS)) {
            throw new InvalidSettingException("pop3.deleteAfterDays", "expected 0 to " + MAX_DAYS + " days, got "
                    + deleteAfterDays);
        }
    }

    /**
     * Mail from {@code server}, a copy left on the server.
     *
     * @param server the POP3 server
     * @return the settings
     */
    public static Pop3Mail leaveOnServer(Endpoint server) {
        return new Pop3Mail(server, null);
    }

    /**
     * Mail from {@code server}, deleted there {@code days} days after its download.
     *
     * @param server the POP3 server
     * @param days   0 (at the next cycle's end) to {@link #MAX_DAYS}
     * @return the settings
     * @throws InvalidSettingException for a negative or absurd number of days
     */
    public static Pop3Mail deleteAfterDays(Endpoint server, int days) {
        return new Pop3Mail(server, days);
    }

    /**
     * Whether downloaded messages stay on the server for good.
     *
     * @return true when {@code deleteAfterDays} is null
     */
    public boolean leavesOnServer() {
        return deleteAfterDays == null;
    }
}
