package io.icesync.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What only the receiving server knows about a delivery, for a dry run: the account it is for, the
 * SMTP envelope, the client's address and reverse DNS, DNSBL and spam verdicts, authentication, the
 * local time, which addresses are local accounts and group members, and when the auto-responder last
 * answered each sender. Every field may be left out (null, empty): tests on it then do not match,
 * and the envelope defaults to the message's From, To and Cc.
 */
public record DeliveryContext(String account, String smtpSender, List<String> smtpRecipients, String senderIp,
                              String reverseDns, boolean inDnsbl, Double spamScore, boolean spam, boolean smtpAuth,
                              boolean trustedSession, LocalDateTime localTime, Set<String> localAccounts,
                              Map<String, Set<String>> groups, Map<String, LocalDate> repliedTo) {
    public DeliveryContext {
        smtpRecipients = smtpRecipients == null ? List.of() : List.copyOf(smtpRecipients);
        localAccounts = localAccounts == null ? Set.of() : Set.copyOf(localAccounts);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        repliedTo = repliedTo == null ? Map.of() : Map.copyOf(repliedTo);
        localTime = localTime == null ? LocalDateTime.now() : localTime;
    }

    /** A delivery to this account now, nothing else known. */
    public static DeliveryContext to(String account) {
        return new DeliveryContext(account, null, null, null, null, false, null, false, false, false, null, null, null,
                null);
    }
}
