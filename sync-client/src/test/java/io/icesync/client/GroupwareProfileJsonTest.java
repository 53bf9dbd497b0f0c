package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import org.junit.jupiter.api.Test;

/** The GroupWare profile's fields of profile.json: written when set, read strictly, old files unchanged. */
class GroupwareProfileJsonTest {
    static final String OLD = """
            { "email" : "jean@example.com", "imap" : { "host" : "mail.example.com", "port" : 993, "security" : "ssl" } }
            """;

    @Test
    void aProfileWithoutThemReadsAsANormalProfileWithTheListenerOn5110AndIsWrittenAsBefore() {
        Profile p = Profile.fromJson(OLD);
        assertThat(p.groupwareProfile()).isFalse();
        assertThat(p.services().pop3()).isNull();
        assertThat(p.pop3ListenerPort()).isEqualTo(5110);
        assertThat(p.toJson()).doesNotContain("pop3");
    }

    @Test
    void pop3AndTheListenerPortSurviveTheFile() {
        Endpoint pop3 = new Endpoint("mail.example.com", 995, Security.SSL);
        Profile base = Profile.of(new Account("jean@example.com", "jean@example.com",
                new Endpoint("mail.example.com", 993, Security.SSL)));
        Profile kept = base.withServices(base.services().withPop3(Pop3Mail.leaveOnServer(pop3)));
        Profile deleting = base.withServices(base.services().withPop3(Pop3Mail.deleteAfterDays(pop3, 14)))
                .withPop3ListenerPort(0);
        assertThat(Profile.fromJson(kept.toJson())).isEqualTo(kept);
        assertThat(kept.toJson()).contains("\"pop3\"").doesNotContain("deleteAfterDays", "pop3ListenerPort");
        assertThat(Profile.fromJson(deleting.toJson())).isEqualTo(deleting);
        assertThat(deleting.toJson()).contains("\"deleteAfterDays\" : 14", "\"pop3ListenerPort\" : 0");
        assertThat(Profile.fromJson(deleting.toJson()).services().pop3().leavesOnServer()).isFalse();
    }

    @Test
    void aWrongValueIsRefusedNamingItsField() {
        assertField(withServices("\"pop3\" : { \"host\" : \"h\", \"port\" : 995, \"security\" : \"ssl\", \"days\" : 3 }"),
                "services.pop3.days");
        assertField(withServices("\"pop3\" : { \"host\" : \"h\", \"port\" : 995, \"security\" : \"ssl\","
                + " \"deleteAfterDays\" : -1 }"), "services.pop3.deleteAfterDays");
        assertField(withServices("\"pop3\" : { \"host\" : \"h\", \"port\" : 0, \"security\" : \"ssl\" }"),
                "services.pop3.port");
        assertField(withServices("\"pop3\" : { \"host\" : \"h\", \"port\" : 995, \"security\" : \"tls\" }"),
                "services.pop3");
        assertField(withServices("\"pop3\" : { \"port\" : 995, \"security\" : \"ssl\" }"), "services.pop3.host");
        assertField(OLD.replace(" }\n", ", \"pop3ListenerPort\" : 70000 }\n"), "pop3ListenerPort");
    }

    private static String withServices(String inner) {
        return OLD.replace(" }\n", ", \"services\" : { " + inner + " } }\n");
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> Profile.fromJson(json)).isInstanceOf(InvalidProfileException.class)
                .satisfies(e -> assertThat(((InvalidProfileException) e).field()).isEqualTo(field));
    }
}
