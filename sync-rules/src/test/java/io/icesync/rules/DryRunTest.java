package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.rules.Condition.Comparison;
import io.icesync.rules.Condition.Field;
import io.icesync.rules.Condition.Level;
import io.icesync.rules.Condition.Locality;
import io.icesync.rules.StringTest.Function;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DryRunTest {
    static final String MSG = "From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <renee@partner.example>\r\n"
            + "To: jean@iwdemo.test\r\nCc: team@iwdemo.test\r\nReply-To: support@partner.example\r\n"
            + "Subject: =?UTF-8?Q?Facture_n=C2=B0_42?=\r\nDate: Mon, 5 Jan 2026 09:00:00 +0100\r\n"
            + "Message-ID: <inv42@partner.example>\r\nX-Priority: 1 (Highest)\r\nX-Mailer: Billing 3.1\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, veuillez trouver la facture urgente.\r\n"
            + "--b1\r\nContent-Type: application/pdf; name=facture-42.pdf\r\nContent-Disposition: attachment; "
            + "filename=facture-42.pdf\r\n\r\nJVBERi0=\r\n--b1--\r\n";
    static final byte[] MESSAGE = MSG.getBytes(StandardCharsets.UTF_8);
    static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 1, 5, 10, 0);
    static final DeliveryContext CTX = new DeliveryContext("jean@iwdemo.test", null, null, "203.0.113.7",
            "mail.partner.example", true, 4.5, false, true, false, MONDAY_10, Set.of("jean@iwdemo.test", "team@iwdemo.test"),
            Map.of("sales@iwdemo.test", Set.of("renee@partner.example")), Map.of());
    static final Action MOVE = new Action.MoveTo("Factures");

    static boolean matches(Condition c) {
        RuleSet set = RuleSet.empty().withList("vip", List.of("someone@x.test", "renee@partner.example"))
                .add(new Rule("r", true, c, List.of(MOVE)));
        return !DryRun.run(set, MESSAGE, CTX).matched().isEmpty();
    }

    @Test
    void everyConditionKindMatchesWhatItShouldAndOnlyThat() {
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.contains("René")))).isTrue();
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.contains("nobody;renee@")))).isTrue();
        assertThat(matches(new Condition.Header(Field.TO, StringTest.of(Function.ENDS_WITH, "@iwdemo.test")))).isTrue();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.of(Function.REGEX, "n°\\s*\\d+")))).isTrue();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.of(Function.EQUALS, "facture n° 42")))).isTrue();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.of(Function.EQUALS, "facture n° 42")
                .withCaseSensitive()))).isFalse();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.of(Function.STARTS_WITH, "Factu")))).isTrue();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.contains("Fact").withWholeWord()))).isFalse();
        assertThat(matches(new Condition.Header(Field.CC, StringTest.contains("team@")))).isTrue();
        assertThat(matches(new Condition.Header(Field.REPLY_TO, StringTest.contains("support@")))).isTrue();
        assertThat(matches(new Condition.Header(Field.DATE, StringTest.contains("Jan 2026")))).isTrue();
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.of(Function.IN_LIST, "vip")))).isTrue();
        assertThat(matches(new Condition.CustomHeader("X-Mailer:", StringTest.of(Function.STARTS_WITH, "Billing")))).isTrue();
        assertThat(matches(new Condition.AnyHeader(StringTest.contains("Billing 3")))).isTrue();
        assertThat(matches(new Condition.Priority(Level.HIGHEST))).isTrue();
        assertThat(matches(new Condition.Priority(Level.LOW))).isFalse();
        assertThat(matches(new Condition.IsSpam())).isFalse();
        assertThat(matches(new Condition.Size(Comparison.MORE_THAN, 100, Condition.Unit.B))).isTrue();
        assertThat(matches(new Condition.Size(Comparison.MORE_THAN, 1, Condition.Unit.MB))).isFalse();
        assertThat(matches(new Condition.Body(StringTest.contains("urgente")))).isTrue();
        assertThat(matches(new Condition.Body(StringTest.contains("JVBERi0")))).as("attachments are not body").isFalse();
        assertThat(matches(new Condition.AttachmentName(StringTest.of(Function.ENDS_WITH, ".pdf")))).isTrue();
        assertThat(matches(new Condition.HasAttachment())).isTrue();
        assertThat(matches(new Condition.SmtpSender(StringTest.of(Function.EQUALS, "renee@partner.example")))).isTrue();
        assertThat(matches(new Condition.SmtpRecipient(StringTest.of(Function.EQUALS, "team@iwdemo.test")))).isTrue();
        assertThat(matches(new Condition.Sender(Locality.REMOTE, null))).isTrue();
        assertThat(matches(new Condition.Sender(Locality.LOCAL, null))).isFalse();
        assertThat(matches(new Condition.Sender(Locality.MEMBER_OF, "sales@iwdemo.test"))).isTrue();
        assertThat(matches(new Condition.Recipient(Locality.LOCAL, null))).isTrue();
        assertThat(matches(new Condition.SenderIp(StringTest.of(Function.STARTS_WITH, "203.0.113.")))).isTrue();
        assertThat(matches(new Condition.ReverseDns(StringTest.of(Function.ENDS_WITH, ".partner.example")))).isTrue();
        assertThat(matches(new Condition.InDnsbl())).isTrue();
        assertThat(matches(new Condition.TrustedSession())).isFalse();
        assertThat(matches(new Condition.SpamScore(Comparison.MORE_THAN, 4.0))).isTrue();
        assertThat(matches(new Condition.SpamScore(Comparison.LESS_THAN, 4.0))).isFalse();
        assertThat(matches(new Condition.SmtpAuth())).isTrue();
        assertThat(matches(new Condition.LocalTimeIs(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)))).isTrue();
        assertThat(matches(new Condition.LocalTimeIs(Set.of(DayOfWeek.SUNDAY), null, null))).isFalse();
        assertThat(matches(new Condition.LocalTimeIs(null, LocalTime.of(22, 0), LocalTime.of(6, 0)))).as("overnight").isFalse();
        assertThat(matches(new Condition.AllMessages())).isTrue();
    }

    @Test
    void anAddressHeaderMatchesByItsAddressesAsSieveAddressDoes() {
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.of(Function.ENDS_WITH, "@partner.example"))))
                .as("the header ends with '>', the address with the domain").isTrue();
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.of(Function.EQUALS, "renee@partner.example")))).isTrue();
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.of(Function.STARTS_WITH, "Renée")))).isTrue();
        assertThat(matches(new Condition.Header(Field.SUBJECT, StringTest.of(Function.ENDS_WITH, "@partner.example"))))
                .isFalse();
        assertThat(matches(new Condition.Header(Field.FROM, StringTest.of(Function.EQUALS, "RENEE@partner.example")
                .withCaseSensitive()))).isFalse();
    }

    @Test
    void notAndBracketsCombine() {
        Condition spamOrBig = new Condition.AnyOf(List.of(new Condition.IsSpam(),
                new Condition.Size(Comparison.MORE_THAN, 1, Condition.Unit.MB)));
        assertThat(matches(spamOrBig)).isFalse();
        assertThat(matches(new Condition.Not(spamOrBig))).isTrue();
        assertThat(matches(new Condition.AllOf(List.of(new Condition.HasAttachment(), new Condition.Not(spamOrBig))))).isTrue();
        assertThat(matches(new Condition.AllOf(List.of(new Condition.HasAttachment(), spamOrBig)))).isFalse();
    }

    @Test
    void rulesRunInOrderUntilStopAndDisabledRulesAreSkipped() {
        RuleSet set = RuleSet.empty()
                .add(new Rule("off", false, new Condition.AllMessages(), List.of(new Action.Delete())))
                .add(new Rule("flag", true, new Condition.HasAttachment(), List.of(new Action.SetFlags(List.of("\\Flagged", "$facture")))))
                .add(new Rule("file", true, new Condition.Header(Field.SUBJECT, StringTest.contains("facture")),
                        List.of(MOVE, new Action.EditHeader(Action.HeaderOp.ADD, "X-Filed:", "%%Subject%% from %%From_Name%%"),
                                new Action.Stop())))
                .add(new Rule("never", true, new Condition.AllMessages(), List.of(new Action.CopyTo("Archive"))));
        DryRun.Result r = DryRun.run(set, MESSAGE, CTX);
        assertThat(r.matched()).extracting(DryRun.Match::rule).containsExactly("flag", "file");
        assertThat(r.stoppedBy()).isEqualTo("file");
        assertThat(r.actions()).containsExactly(new Action.SetFlags(List.of("\\Flagged", "$facture")), MOVE,
                new Action.EditHeader(Action.HeaderOp.ADD, "X-Filed:", "Facture n° 42 from Renée Dupont"), new Action.Stop());
    }

    @Test
    void everyActionKindPassesThroughWithItsVariablesFilled() {
        List<Action> all = List.of(new Action.SendMessage("boss@iwdemo.test", "Re: %%Subject%%", "%%From_Email%% wrote at %%Time%%"),
                new Action.Forward("sms:+33600000000"), new Action.Forward("xmpp:jean@iwdemo.test"), MOVE,
                new Action.CopyTo("Archive"), new Action.Encrypt(), new Action.SetPriority(Level.LOW),
                new Action.SetFlags(List.of("\\Seen")), new Action.EditHeader(Action.HeaderOp.CHANGE, "Subject:", "[x] %%Subject%%"),
                new Action.EditHeader(Action.HeaderOp.DELETE, "X-Mailer:", null), new Action.Accept(),
                new Action.Reject("no thanks"), new Action.Delete(), new Action.MarkSpam(), new Action.Quarantine());
        DryRun.Result r = DryRun.run(RuleSet.empty().add(new Rule("all", true, new Condition.AllMessages(), all)), MESSAGE, CTX);
        assertThat(r.actions()).hasSize(all.size());
        assertThat(r.actions().get(0)).isEqualTo(new Action.SendMessage("boss@iwdemo.test", "Re: Facture n° 42",
                "renee@partner.example wrote at 10:00:00"));
        assertThat(r.actions().get(8)).isEqualTo(new Action.EditHeader(Action.HeaderOp.CHANGE, "Subject:", "[x] Facture n° 42"));
        assertThat(r.actions().subList(1, 8)).isEqualTo(all.subList(1, 8));
    }

    @Test
    void forwardingAndTheAutoResponderFollowTheirModes() {
        AutoResponder once = new AutoResponder(AutoResponder.Mode.ONCE_PER_SENDER, 0, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), List.of("*@noreply.example"), true, null, "Absent: %%Subject%%",
                "Bonjour %%From_Name%%, je suis absent.");
        RuleSet set = RuleSet.empty().withResponder(once)
                .withForwarding(new Forwarding(List.of("jean.mobile@example.org"), false, true));
        DryRun.Result r = DryRun.run(set, MESSAGE, CTX);
        assertThat(r.forwardedTo()).containsExactly("jean.mobile@example.org");
        assertThat(r.keptAfterForward()).isFalse();
        assertThat(r.reply()).isEqualTo(new DryRun.Reply("renee@partner.example", "jean@iwdemo.test",
                "Absent: Facture n° 42", "Bonjour Renée Dupont, je suis absent."));

        DeliveryContext answered = new DeliveryContext("jean@iwdemo.test", null, null, null, null, false, null, true,
                false, false, MONDAY_10, null, null, Map.of("renee@partner.example", LocalDate.of(2026, 1, 2)));
        DryRun.Result again = DryRun.run(set, MESSAGE, answered);
        assertThat(again.reply()).isNull();
        assertThat(again.noReplyBecause()).contains("was answered on 2026-01-02");
        assertThat(again.forwardedTo()).as("spam is not forwarded when asked").isEmpty();

        RuleSet afterDays = set.withResponder(new AutoResponder(AutoResponder.Mode.AGAIN_AFTER_DAYS, 2, null, null,
                List.of(), false, null, null, "back soon"));
        assertThat(DryRun.run(afterDays, MESSAGE, answered).reply()).isNotNull();
        RuleSet outOfDates = set.withResponder(new AutoResponder(AutoResponder.Mode.ALWAYS, 0, LocalDate.of(2026, 2, 1),
                null, List.of(), false, null, null, "later"));
        assertThat(DryRun.run(outOfDates, MESSAGE, CTX).noReplyBecause()).contains("dates");
        byte[] list = ("List-Id: <dev.lists.example>\r\n" + MSG).getBytes(StandardCharsets.UTF_8);
        assertThat(DryRun.run(set, list, CTX).noReplyBecause()).contains("list");
    }

    @Test
    void badRulesAreRefusedWithTheFieldAndTheReason() {
        assertThatThrownBy(() -> StringTest.of(Function.REGEX, "(unclosed")).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new Condition.CustomHeader("X-Mailer", StringTest.contains("a")))
                .hasMessageContaining("ends with ':'");
        assertThatThrownBy(() -> new Condition.Size(Comparison.MORE_THAN, 5, null)).hasMessageContaining("unit");
        assertThatThrownBy(() -> new Action.MoveTo(" ")).hasMessageContaining("target folder is empty");
        assertThatThrownBy(() -> new Action.Forward("not-an-address")).hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> new Rule("x", true, new Condition.AllMessages(), List.of())).hasMessageContaining("no action");
        assertThatThrownBy(() -> new AutoResponder(AutoResponder.Mode.AGAIN_AFTER_DAYS, 0, null, null, null, false, null,
                null, "t")).hasMessageContaining("N >= 1");
    }

    @Test
    void theDialogsOperationsKeepTheOrder() {
        Rule a = new Rule("a", true, new Condition.AllMessages(), List.of(new Action.Accept()));
        Rule b = new Rule("b", true, new Condition.IsSpam(), List.of(new Action.MarkSpam()));
        RuleSet s = RuleSet.empty().add(a).add(b).copy(0).moveDown(0).enable(2, false).moveUp(2);
        assertThat(s.rules()).extracting(Rule::name).containsExactly("a (copy)", "b", "a");
        assertThat(s.rules().get(1).enabled()).isFalse();
        assertThat(s.delete(0).rules()).extracting(Rule::name).containsExactly("b", "a");
    }
}
