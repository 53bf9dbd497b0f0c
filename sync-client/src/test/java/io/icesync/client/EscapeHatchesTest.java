package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.TokenMechanism;
import io.icesync.core.TokenSource;
import io.icesync.core.engine.SyncReport;
import io.icesync.groupware.freebusy.FreeBusyTemplate;
import io.icesync.net.HttpClientFactory;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facade's escape hatches as an embedding application uses them: a profile that logs in with the
 * application's OAuth tokens (IMAP and SMTP), its own mail properties, and its own HttpClient for every
 * HTTP service of the profile.
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class EscapeHatchesTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    static Profile mailProfile(IceWarpServer server) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()));
        Endpoint submission = new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS);
        return p.withServices(p.services().withSmtp(submission)).withTrustedCertificatePem(server.certificatePem());
    }

    static byte[] message(String subject) {
        return ("From: Jean <jean@iwdemo.test>\r\nTo: anne@iwdemo.test\r\nSubject: " + subject
                + "\r\nDate: Mon, 24 Mar 2025 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + "Hello.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aTokenProfileSyncsAndSendsWithTheApplicationsTokensAndStoresNoPassword(TokenMechanism mechanism,
                                                                              IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<t-1@iwdemo.test>", "With a token"));
        String token = server.model().issueToken(JEAN);
        List<Boolean> asks = new CopyOnWriteArrayList<>();
        TokenSource tokens = refresh -> {
            asks.add(refresh);
            return token;
        };
        Profile p = mailProfile(server).withMail(MailOptions.DEFAULTS.withOAuth(mechanism));
        try (IceSync sync = IceSync.builder().tokens(tokens).create(dir, p, null)) {
            sync.send(message("Sent with a token"));
            SyncReport r = sync.syncOnce();
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.downloaded()).isGreaterThanOrEqualTo(1);
        }
        assertThat(server.sentMail()).singleElement().satisfies(m -> {
            assertThat(m.login()).isEqualTo(JEAN);
            assertThat(m.text()).contains("Subject: Sent with a token");
        });
        assertThat(Files.exists(dir.resolve(IceSync.SECRETS_FILE))).as("no password stored").isFalse();
        assertThat(Files.readString(dir.resolve(IceSync.PROFILE_FILE))).contains("\"auth\" : \"oauth\"")
                .contains("\"tokenMechanism\" : \"" + mechanism + "\"").doesNotContain(token);
        assertThat(asks).doesNotContain(true);
    }

    @Test
    void aTokenProfileOpenedWithoutATokenSourceSaysWhatIsMissing(IceWarpServer server) {
        Profile p = mailProfile(server).withMail(MailOptions.DEFAULTS.withOAuth(TokenMechanism.XOAUTH2));
        IceSync.builder().tokens(refresh -> "unused").create(dir, p, null).close();
        try (IceSync sync = IceSync.open(dir)) {
            assertThatThrownBy(sync::syncOnce).isInstanceOf(io.icesync.core.InvalidSettingException.class)
                    .hasMessageContaining("no token source was given");
        }
    }

    @Test
    void theProfilesMailPropertiesReachTheConnectionsAndOwnedOnesAreRefused(IceWarpServer server) {
        assertThatThrownBy(() -> MailOptions.DEFAULTS.withProperties(Map.of("mail.smtp.starttls.enable", "false")))
                .hasMessageContaining("'mail.smtp.starttls.enable' cannot be set");
        String json = mailProfile(server).withMail(MailOptions.DEFAULTS.withProperties(Map.of("mail.imap.fetchsize",
                "65536"))).toJson();
        assertThat(Profile.fromJson(json).mail().properties()).containsEntry("mail.imap.fetchsize", "65536");
        String bad = json.replace("mail.imap.fetchsize", "mail.imap.socketFactory.fallback");
        assertThatThrownBy(() -> Profile.fromJson(bad)).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("mailProperties")
                .hasMessageContaining("'mail.imap.socketFactory.fallback' cannot be set");
    }

    @Test
    void theApplicationsOwnHttpClientCarriesEveryHttpServiceOfTheProfile(IceWarpServer server) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.webdav().files(JEAN).put("Plan.txt", "plan".getBytes(StandardCharsets.UTF_8));
        server.icewarpApi().signature(JEAN, "<b>Jean</b>");
        try (CloseableHttpClient own = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(server.clientSslContext())).build())
                .addRequestInterceptorFirst((request, entity, context) -> seen.add(request.getMethod() + " "
                        + request.getRequestUri()))
                .build()) {
            Profile p = mailProfile(server);
            p = p.withServices(p.services().withDocuments(server.webdav().url()).withXmlApi(server.icewarpApiUrl()));
            try (IceSync sync = IceSync.builder().httpClients(HttpClientFactory.of(own))
                    .create(dir, p, "secret".toCharArray())) {
                SyncReport r = sync.syncOnce();
                assertThat(r.ok()).as(r.summary()).isTrue();
                assertThat(seen).as("WebDAV documents").anyMatch(s -> s.startsWith("PROPFIND "));
                int before = seen.size();
                try (var rules = sync.icewarpRules(null)) {
                    rules.pull();
                }
                assertThat(seen.subList(before, seen.size())).as("XML API rules").anyMatch(s -> s.contains("/icewarpapi/"));
                before = seen.size();
                sync.pullSignature();
                assertThat(seen.subList(before, seen.size())).as("XML API signature").isNotEmpty();
                before = seen.size();
                try (var webdav = sync.webdav(server.webdav().url())) {
                    webdav.propfind("", io.icesync.webdav.Depth.ONE);
                }
                assertThat(seen.subList(before, seen.size())).as("SmartAttach / WebDAV client").isNotEmpty();
                before = seen.size();
                String fb = server.https().toString().replaceAll("/$", "") + "/freebusy/?%NAME%@%SERVER%";
                try (var freeBusy = sync.freeBusy(FreeBusyTemplate.parse(fb))) {
                    catchThrowable(() -> freeBusy.fetch("anne@iwdemo.test", Instant.now(),
                            Instant.now().plus(Duration.ofDays(1))));
                }
                assertThat(seen.subList(before, seen.size())).as("free/busy").anyMatch(s -> s.contains("/freebusy/"));
            }
            assertThat(seen.size()).as("the client stays open after IceSync closed").isPositive();
            own.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(server.webdav().url()), resp -> null);
        }
    }
}
