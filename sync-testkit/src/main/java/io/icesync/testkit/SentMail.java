package io.icesync.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A message a client handed to the test server's SMTP: envelope sender and recipients, the login
 * it authenticated with (null when it did not), and the bytes of DATA as sent (dots undone).
 */
public record SentMail(String from, List<String> recipients, String login, byte[] content, Instant at) {
    public SentMail {
        recipients = List.copyOf(recipients);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
