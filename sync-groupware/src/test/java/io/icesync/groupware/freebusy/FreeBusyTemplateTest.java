package io.icesync.groupware.freebusy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreeBusyTemplateTest {
    @Test
    void theGuidesTemplateGivesTheParticipantsUrl() {
        FreeBusyTemplate t = FreeBusyTemplate.parse("http://iwdemo.fr/freebusy/?%NAME%@%SERVER%");

        assertThat(t.expand("jean.dupont@iwdemo.fr")).hasToString("http://iwdemo.fr/freebusy/?jean.dupont@iwdemo.fr");
    }

    @Test
    void placeholdersAreCaseInsensitiveAndTheServerMayBeTheHost() {
        FreeBusyTemplate t = FreeBusyTemplate.parse("https://mail.%server%/freebusy/?%Name%@%SERVER%");

        assertThat(t.expand("anne@Example.COM")).hasToString("https://mail.example.com/freebusy/?anne@example.com");
    }

    @Test
    void charactersThatWouldChangeTheQueryAreEscaped() {
        FreeBusyTemplate t = FreeBusyTemplate.parse("https://x.test/freebusy/?%NAME%@%SERVER%");

        assertThat(t.expand("a+b&c=d é@x.test".replace(" ", ""))).hasToString("https://x.test/freebusy/?a%2Bb%26c%3Dd%C3%A9@x.test");
    }

    @Test
    void badTemplatesAreRefusedNamingTheTemplate() {
        assertThatThrownBy(() -> FreeBusyTemplate.parse("https://x.test/freebusy/?%SERVER%"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("'https://x.test/freebusy/?%SERVER%'")
                .hasMessageContaining("%NAME%");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("https://x.test/freebusy/?%NOM%@%SERVER%"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("%NOM%");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("https://x.test/freebusy/?%NAME@%SERVER%"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("'%'");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("ftp://x.test/%NAME%"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("https://bob:pw@x.test/%NAME%"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("user info");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("https://%NAME%.x.test/fb"))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("server part");
        assertThatThrownBy(() -> FreeBusyTemplate.parse("  "))
                .isInstanceOf(FreeBusyTemplateException.class).hasMessageContaining("empty");
    }

    @Test
    void anAddressWithoutDomainIsRefused() {
        FreeBusyTemplate t = FreeBusyTemplate.parse("https://x.test/freebusy/?%NAME%@%SERVER%");

        assertThatThrownBy(() -> t.expand("jean")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jean'");
    }
}
