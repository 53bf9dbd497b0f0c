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
    /**
     * Copies the collections and fills the defaults.
     *
     * @param account        the account the message is delivered to
     * @param smtpSender     the envelope sender (MAIL FROM), or null
     * @param smtpRecipients the envelope recipients (RCPT TO); null for none
     * @param senderIp       the IP the message came from, or null
     * @param reverseDns     the PTR name of that IP, or null
     * @param inDnsbl        whether that IP is on a block list
     * @param spamScore      the spam score, or null when unknown
     * @param spam           whether the message was classed as spam
     * @param smtpAuth       whether the sender authenticated with SMTP AUTH
     * @param trustedSession whether the SMTP session is trusted
     * @param localTime      the server's local time of delivery; null for now
     * @param localAccounts  the addresses that are accounts of this server; null for none
     * @param groups         group address to its members' addresses; null for none
     * @param repliedTo      sender to the day the auto-responder last answered them; null for none
     */
    public DeliveryContext {
        smtpRecipients = smtpRecipients == null ? List.of() : List.copyOf(smtpRecipients);
        localAccounts = localAccounts == null ? Set.of() : Set.copyOf(localAccounts);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        repliedTo = repliedTo == null ? Map.of() : Map.copyOf(repliedTo);
        localTime = localTime == null ? LocalDateTime.now() : localTime;
    }

    /**
     * A delivery to this account now, nothing else known.
     *
     * @param account the account's address
     * @return the context
     */
    public static DeliveryContext to(String account) {
        return new DeliveryContext(account, null, null, null, null, false, null, false, false, false, null, null, null,
                null);
    }
}
