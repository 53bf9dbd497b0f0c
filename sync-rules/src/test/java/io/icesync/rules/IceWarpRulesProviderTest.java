package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.PolicyLockedException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestIceWarpApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules, forwarding and the responder through the testkit's /icewarpapi/, as a user of the API would meet them. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret"})
class IceWarpRulesProviderTest {
    private static final String JEAN = "jean@iwdemo.test";

    private static IceWarpRulesProvider connect(IceWarpServer server) {
        return IceWarpRulesProvider.connect(server.icewarpApiUrl(), JEAN, "secret".toCharArray(),
                CertificateTrust.inMemory(server.certificate()));
    }

    private static StringTest words(StringTest.Function f, String... values) {
        return new StringTest(f, List.of(values), false, false);
    }

    /** Every condition and action kind, in the forms IceWarp holds exactly. */
    static RuleSet everyKind() {
        List<Rule> rules = List.of(
                new Rule("headers", true, new Condition.AllOf(List.of(
                        new Condition.Header(Condition.Field.FROM, words(StringTest.Function.CONTAINS, "boss@", "ceo@")),
                        new Condition.Header(Condition.Field.TO, words(StringTest.Function.ENDS_WITH, "@iwdemo.test")),
                        new Condition.Header(Condition.Field.SUBJECT, new StringTest(StringTest.Function.REGEX,
                                List.of("^\\[(urgent|now)\\]"), true, false)),
                        new Condition.Header(Condition.Field.CC, words(StringTest.Function.EQUALS, "team@iwdemo.test")),
                        new Condition.Header(Condition.Field.REPLY_TO, words(StringTest.Function.STARTS_WITH, "noreply")),
                        new Condition.Header(Condition.Field.DATE, new StringTest(StringTest.Function.CONTAINS,
                                List.of("Sat"), false, true)))),
                        List.of(new Action.MoveTo("Work/Urgent"), new Action.SetFlags(List.of("\\Flagged", "\\Seen")),
                                new Action.Stop())),
                new Rule("other texts", false, new Condition.AnyOf(List.of(
                        new Condition.CustomHeader("X-Mailer:", words(StringTest.Function.CONTAINS, "Outlook", "Thunderbird")),
                        new Condition.AnyHeader(words(StringTest.Function.IN_LIST, "blocked-senders")),
                        new Condition.Body(words(StringTest.Function.CONTAINS, "unsubscribe")),
                        new Condition.AttachmentName(words(StringTest.Function.ENDS_WITH, ".exe", ".scr")),
                        new Condition.SmtpSender(words(StringTest.Function.EQUALS, "bounce@lists.example")),
                        new Condition.SmtpRecipient(words(StringTest.Function.STARTS_WITH, "jean+")),
                        new Condition.SenderIp(words(StringTest.Function.STARTS_WITH, "10.")),
                        new Condition.ReverseDns(words(StringTest.Function.ENDS_WITH, ".spam.example")))),
                        List.of(new Action.CopyTo("Archive"), new Action.MarkSpam())),
                new Rule("server facts", true, new Condition.AllOf(List.of(
                        new Condition.AnyOf(List.of(new Condition.IsSpam(), new Condition.InDnsbl(),
                                new Condition.SpamScore(Condition.Comparison.MORE_THAN, 4.5))),
                        new Condition.Not(new Condition.TrustedSession()),
                        new Condition.Not(new Condition.SmtpAuth()),
                        new Condition.Size(Condition.Comparison.MORE_THAN, 5, Condition.Unit.MB),
                        new Condition.Priority(Condition.Level.LOWEST),
                        new Condition.HasAttachment())),
                        List.of(new Action.Quarantine())),
                new Rule("who and when", true, new Condition.AnyOf(List.of(
                        new Condition.AllOf(List.of(new Condition.Sender(Condition.Locality.REMOTE, null),
                                new Condition.Recipient(Condition.Locality.LOCAL, null))),
                        new Condition.Sender(Condition.Locality.MEMBER_OF, "sales@iwdemo.test"),
                        new Condition.Recipient(Condition.Locality.MEMBER_OF, "support@iwdemo.test"),
                        new Condition.LocalTimeIs(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(18, 30),
                                LocalTime.of(7, 0)))),
                        List.of(new Action.SendMessage("jean@iwdemo.test", "After hours: %%Subject%%", "From %%From_Email%%"),
                                new Action.Forward("jean.mobile@example.com"),
                                new Action.SetPriority(Condition.Level.HIGH),
                                new Action.EditHeader(Action.HeaderOp.CHANGE, "X-Handled:", "icesync"),
                                new Action.EditHeader(Action.HeaderOp.DELETE, "X-Spam-Flag:", null),
                                new Action.Encrypt())),
                new Rule("the rest", true, new Condition.AllMessages(),
                        List.of(new Action.Accept(), new Action.Reject(null), new Action.Delete(),
                                new Action.SetFlags(List.of("$Junk", "$label3"))))
        );
        return new RuleSet(rules, Map.of(),
                new Forwarding(List.of("jean@home.example", "jean@backup.example"), true, true),
                new AutoResponder(AutoResponder.Mode.AGAIN_AFTER_DAYS, 7, LocalDate.of(2026, 12, 20),
                        LocalDate.of(2027, 1, 4), List.of("*@lists.example", "noreply@*"), true,
                        "Jean <jean@iwdemo.test>", "Away: %%Subject%%", "Back on 4 January.\nJean\n"));
    }

    @Test
    void everyKindRoundTripsUnchangedAndNothingIsReported(IceWarpServer server) {
        RuleSet rules = everyKind();
        try (IceWarpRulesProvider p = connect(server)) {
            assertThat(p.push(rules).unsupported()).isEmpty();
        }
        try (IceWarpRulesProvider p = connect(server)) {
            assertThat(p.pull()).isEqualTo(rules);
            assertThat(p.skipped()).isEmpty();
            assertThat(p.locked()).isEmpty();
        }
        TestIceWarpApi api = server.icewarpApi();
        assertThat(api.rules(JEAN)).hasSize(5);
        assertThat(api.rules(JEAN).get(0)).contains("<classname>TRuleSomeWordsCondition</classname>")
                .contains("<matchvalue>boss@;ceo@</matchvalue>").contains("<title>headers</title>");
        assertThat(api.property(JEAN, "u_forwardto")).contains("jean@home.example;jean@backup.example");
        assertThat(api.property(JEAN, "u_donotforwardspam")).contains("1");
        assertThat(api.property(JEAN, "A_Responder")).get().asString()
                .contains("<respondertype>3</respondertype>").contains("<respondbetweenfrom>2026/12/20</respondbetweenfrom>");
    }

    @Test
    void pushingTheSameRulesAgainWritesNothing(IceWarpServer server) {
        try (IceWarpRulesProvider p = connect(server)) {
            p.push(everyKind());
        }
        int before = server.icewarpApi().commands().size();
        try (IceWarpRulesProvider p = connect(server)) {
            p.push(everyKind());
        }
        List<String> second = server.icewarpApi().commands().subList(before, server.icewarpApi().commands().size());
        assertThat(second).doesNotContain("addrule", "editrule", "deleterule", "setaccountproperties");
    }

    @Test
    void editsInPlaceAddsAndDeletesToMatchTheNewList(IceWarpServer server) {
        RuleSet all = everyKind();
        try (IceWarpRulesProvider p = connect(server)) {
            p.push(all);
        }
        String firstId = server.icewarpApi().rules(JEAN).get(0);
        RuleSet changed = all.edit(1, all.rules().get(1).withEnabled(true)).delete(4).delete(3);
        try (IceWarpRulesProvider p = connect(server)) {
            p.push(changed);
            assertThat(p.pull().rules()).isEqualTo(changed.rules());
        }
        assertThat(server.icewarpApi().rules(JEAN)).hasSize(3).first().isEqualTo(firstId);
        assertThat(server.icewarpApi().commands()).contains("editrule", "deleterule");
    }

    @Test
    void whatIceWarpCannotHoldIsReportedPerRule(IceWarpServer server) throws Exception {
        RuleSet example = RulesJson.read(Files.readString(Path.of("..", "docs", "rules-example.json")), "example");
        List<String> report;
        try (IceWarpRulesProvider p = connect(server)) {
            report = p.push(example).unsupported();
        }
        RuleSet back;
        try (IceWarpRulesProvider p = connect(server)) {
            back = p.pull();
        }
        assertThat(back.rules()).extracting(Rule::name).isEqualTo(example.rules().stream().map(Rule::name).toList());
        for (int i = 0; i < example.rules().size(); i++) {
            Rule r = example.rules().get(i);
            boolean reported = report.stream().anyMatch(n -> n.startsWith(r.name() + ": "));
            // A rule comes back unchanged unless the report says why it does not.
            assertThat(back.rules().get(i).equals(r) || reported).as(r.name()).isTrue();
        }
    }

    @Test
    void aLockedResponderReadsButRefusesChangesBeforeAnythingIsWritten(IceWarpServer server) {
        RuleSet rules = everyKind();
        try (IceWarpRulesProvider p = connect(server)) {
            p.push(rules);
        }
        server.icewarpApi().right(JEAN, "A_Responder", TestIceWarpApi.Right.FORCED_READ);
        int before = server.icewarpApi().commands().size();
        try (IceWarpRulesProvider p = connect(server)) {
            RuleSet now = p.pull();
            assertThat(p.locked()).containsExactly(RulesProvider.RESPONDER);
            assertThat(now.responder()).isEqualTo(rules.responder());
            RuleSet changed = new RuleSet(rules.rules().subList(0, 1), Map.of(), rules.forwarding(), AutoResponder.off());
            assertThatThrownBy(() -> p.push(changed)).isInstanceOf(PolicyLockedException.class)
                    .hasMessageContaining("responder");
            // The same responder with other rules is fine.
            p.push(new RuleSet(rules.rules().subList(0, 2), Map.of(), rules.forwarding(), rules.responder()));
        }
        List<String> after = server.icewarpApi().commands().subList(before, server.icewarpApi().commands().size());
        assertThat(after).doesNotContain("setaccountproperties");
        assertThat(server.icewarpApi().rules(JEAN)).hasSize(2);
    }

    @Test
    void aLockedForwardingIsRefusedAndTheServerRefusesItToo(IceWarpServer server) {
        server.icewarpApi().property(JEAN, "u_forwardto", "archive@iwdemo.test")
                .right(JEAN, "u_forwardto", TestIceWarpApi.Right.FORCED_READ);
        try (IceWarpRulesProvider p = connect(server)) {
            RuleSet now = p.pull();
            assertThat(now.forwarding().to()).containsExactly("archive@iwdemo.test");
            assertThat(p.locked()).containsExactly(RulesProvider.FORWARDING);
            RuleSet redirect = new RuleSet(List.of(), Map.of(), new Forwarding(List.of("me@example.com"), true, false), null);
            assertThatThrownBy(() -> p.push(redirect)).isInstanceOf(PolicyLockedException.class)
                    .hasMessageContaining("forwarding");
        }
        assertThat(server.icewarpApi().property(JEAN, "u_forwardto")).contains("archive@iwdemo.test");
    }

    @Test
    void aRuleIceSyncCannotReadIsListedAndKept(IceWarpServer server) {
        server.icewarpApi().addRule(JEAN, "<rulesettings><conditions><item><classname>TRuleSomeWordsCondition</classname>"
                + "<conditiontype>34</conditiontype><matchfunction>1</matchfunction><matchvalue>select 1</matchvalue></item>"
                + "</conditions><actions><item><classname>TRuleStopAction</classname><actiontype>27</actiontype></item>"
                + "</actions><title>from the SQL console</title><active>1</active></rulesettings>");
        try (IceWarpRulesProvider p = connect(server)) {
            RuleSet now = p.pull();
            assertThat(now.rules()).isEmpty();
            assertThat(p.skipped()).singleElement().asString().startsWith("from the SQL console: ")
                    .contains("condition type 34");
            p.push(everyKind());
        }
        assertThat(server.icewarpApi().rules(JEAN)).hasSize(6).first().asString().contains("from the SQL console");
    }

    @Test
    void aWrongPasswordAnUntrustedCertificateAndPlainHttpAreTypedErrors(IceWarpServer server) {
        assertThatThrownBy(() -> IceWarpRulesProvider.connect(server.icewarpApiUrl(), JEAN, "nope".toCharArray(),
                CertificateTrust.inMemory(server.certificate())))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining(JEAN).hasMessageNotContaining("nope");
        assertThatThrownBy(() -> IceWarpRulesProvider.connect(server.icewarpApiUrl(), JEAN, "secret".toCharArray(),
                CertificateTrust.inMemory()))
                .isInstanceOf(UntrustedCertificateException.class)
                .satisfies(e -> assertThat(((UntrustedCertificateException) e).chain()).isNotEmpty());
        URI plain = server.http().resolve("/icewarpapi/");
        assertThatThrownBy(() -> IceWarpRulesProvider.connect(plain, JEAN, "secret".toCharArray(), CertificateTrust.inMemory()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS");
        server.icewarpApi().enabled(false);
        assertThatThrownBy(() -> connect(server)).isInstanceOf(io.icesync.core.ProtocolException.class)
                .hasMessageContaining("404");
    }

    @Test
    void aUserCannotReachAnotherAccountsRules(IceWarpServer server) {
        server.icewarpApi().addRule("josephine@iwdemo.test", "<rulesettings><conditions/><actions><item>"
                + "<classname>TRuleStopAction</classname><actiontype>27</actiontype></item></actions>"
                + "<title>hers</title><active>1</active></rulesettings>");
        try (IceWarpRulesProvider p = IceWarpRulesProvider.connect(server.icewarpApiUrl(), JEAN, "secret".toCharArray(),
                CertificateTrust.inMemory(server.certificate()))) {
            assertThat(p.pull().rules()).isEmpty();
        }
        assertThat(server.icewarpApi().rules("josephine@iwdemo.test")).hasSize(1);
    }
}
