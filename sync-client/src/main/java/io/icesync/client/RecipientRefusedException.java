package io.icesync.client;

import io.icesync.core.ProtocolException;
import java.util.List;

/**
 * The SMTP server refused one or more recipients of a message (a 5xx answer to RCPT TO). Nothing was
 * sent: the message stays in the Outbox until it is corrected or ignored.
 */
public class RecipientRefusedException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    /** The refused addresses. */
    private final List<String> recipients;

    /**
     * @param server     the SMTP server, as the message names it
     * @param recipients the refused addresses, not null
     * @param serverLine the server's answer to RCPT TO
     * @param cause      the protocol error met, or null
     */
    public RecipientRefusedException(String server, List<String> recipients, String serverLine, Throwable cause) {
        super(server + " refused the recipient" + (recipients.size() == 1 ? " " : "s ") + String.join(", ", recipients),
                serverLine, cause);
        this.recipients = List.copyOf(recipients);
    }

    /**
     * The refused addresses.
     *
     * @return the addresses as the message gave them
     */
    public List<String> recipients() {
        return recipients;
    }
}
