package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.smartdiscover.internal.PoxResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Autodiscover and autoconfig answers as servers write them: namespaces, prefixes, attributes, and hostile sizes. */
class DiscoveryXmlTest {
    static final SmartDiscover DISCOVER = SmartDiscover.builder().build();
    static final String OUTER = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    static final String ACCOUNT = "<Account><Action>settings</Action><Protocol><Type>IMAP</Type><Server>mail.example.com</Server>"
            + "<Port>993</Port><LoginName>jean@example.com</LoginName></Protocol>"
            + "<Protocol><Type>WEB</Type><Internal><OWAUrl AuthenticationMethod=\"Basic\">https://mail.example.com/webmail/"
            + "</OWAUrl></Internal></Protocol><Protocol><Type>XMPP</Type><Server>im.example.com</Server></Protocol></Account>";

    static Object autodiscover(String xml) throws IOException {
        return DISCOVER.readAutodiscover("jean@example.com", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerInADefaultNamespaceGivesItsSettings() throws IOException {
        Object r = autodiscover("<?xml version=\"1.0\"?><Autodiscover xmlns=\"" + OUTER + "\"><Response xmlns=\"" + OUTLOOK
                + "\">" + ACCOUNT + "</Response></Autodiscover>");

        assertThat(r).isInstanceOfSatisfying(DiscoveredSettings.class, s -> {
            assertThat(s.imap()).isEqualTo(new Endpoint("mail.example.com", 993, Security.SSL));
            assertThat(s.imapLogin()).isEqualTo("jean@example.com");
            assertThat(s.web()).hasToString("https://mail.example.com/webmail/");
            assertThat(s.otherProtocols()).singleElement().satisfies(p -> assertThat(p)
                    .containsEntry("Type", "XMPP").containsEntry("Server", "im.example.com"));
        });
    }

    @Test
    void anAnswerWithPrefixesOrWithoutNamespaceReadsTheSame() throws IOException {
        String prefixed = "<a:Autodiscover xmlns:a=\"" + OUTER + "\"><o:Response xmlns:o=\"" + OUTLOOK + "\">"
                + ACCOUNT.replace("<", "<o:").replace("<o:/", "</o:") + "</o:Response></a:Autodiscover>";
        Object withPrefixes = autodiscover(prefixed);
        Object bare = autodiscover("<Autodiscover><Response>" + ACCOUNT + "</Response></Autodiscover>");

        assertThat(withPrefixes).isInstanceOf(DiscoveredSettings.class).isEqualTo(bare);
        assertThat(((DiscoveredSettings) bare).imap().host()).isEqualTo("mail.example.com");
    }

    @Test
    void anErrorAnswerInTheOuterNamespaceIsTheServersError() throws IOException {
        Object r = autodiscover("<Autodiscover xmlns=\"" + OUTER + "\"><Response><Error Time=\"0\" Id=\"1\">"
                + "<ErrorCode> 500 </ErrorCode><Message>Unknown e-mail address</Message></Error></Response></Autodiscover>");

        assertThat(r).isEqualTo(new PoxResponse.Error("500", "Unknown e-mail address"));
    }

    @Test
    void anAutoconfigFileGivesEachServerWithItsTypeAttributeAndLogin() throws IOException {
        String xml = "<clientConfig version=\"1.1\"><emailProvider id=\"example.com\">"
                + "<incomingServer type=\" pop3 \"><hostname>pop.example.com</hostname><port>110</port>"
                + "<socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username></incomingServer>"
                + "<outgoingServer type=\"smtp\"><hostname> smtp.example.com </hostname><port>465</port></outgoingServer>"
                + "</emailProvider></clientConfig>";

        DiscoveredSettings s = DISCOVER.readAutoconfig("jean@example.com", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(s.pop3()).isEqualTo(new Endpoint("pop.example.com", 110, Security.STARTTLS));
        assertThat(s.pop3Login()).isEqualTo("jean");
        assertThat(s.smtp()).isEqualTo(new Endpoint("smtp.example.com", 465, Security.SSL));
        assertThat(s.smtpLogin()).isEqualTo("jean@example.com");
        assertThat(s.imap()).isNull();
    }

    @Test
    void anAnswerNestedDeeperThanTheReadersLimitIsRefusedNamingIt() {
        String deep = "<Autodiscover><Response>" + "<x>".repeat(200) + "</x>".repeat(200) + ACCOUNT + "</Response></Autodiscover>";

        assertThatThrownBy(() -> autodiscover(deep)).isInstanceOf(IOException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> DISCOVER.readAutoconfig("jean@example.com", deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("maxDepth");
    }
}
