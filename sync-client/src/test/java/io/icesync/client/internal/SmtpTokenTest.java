package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.TokenMechanism;
import io.icesync.core.TokenSource;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SMTP submission with OAuth access tokens (XOAUTH2, OAUTHBEARER) and the application's own mail.smtp properties. */
class SmtpTokenTest {
    static final String JEAN = "jean@iwdemo.test";
    static final byte[] MESSAGE = ("From: jean@iwdemo.test\r\nTo: anne@iwdemo.test\r\nSubject: Budget\r\n\r\nHello.\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    final List<String> trace = new CopyOnWriteArrayList<>();
    IceWarpServer server;

    @BeforeEach
    void start() {
        server = IceWarpServer.builder().account(JEAN, "secret").account("anne@iwdemo.test", "secret")
                .trace(trace::add).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Endpoint submission() {
        return new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS);
    }

    ServiceAccess.Builder access() {
        return ServiceAccess.builder().endpoint(submission()).trust(CertificateTrust.inMemory(server.certificate()));
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aMessageLeavesWithAToken(TokenMechanism mechanism) {
        String token = server.model().issueToken(JEAN);
        List<Boolean> asks = new CopyOnWriteArrayList<>();
        TokenSource tokens = refresh -> {
            asks.add(refresh);
            return token;
        };
        try (SmtpSubmission s = new SmtpSubmission(submission(), access().token(JEAN, tokens).tokenMechanism(mechanism)
                .build())) {
            s.send(MESSAGE, JEAN, List.of("anne@iwdemo.test"));
        }
        assertThat(server.sentMail()).singleElement().satisfies(m -> {
            assertThat(m.login()).isEqualTo(JEAN);
            assertThat(m.text()).contains("Subject: Budget");
        });
        assertThat(asks).containsExactly(false);
        assertThat(trace).as("the token mechanism was used").anyMatch(l -> l.contains("AUTH <credentials>"))
                .noneMatch(l -> l.contains(token));
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void anExpiredTokenIsRefreshedOnceAndTheMessageLeaves(TokenMechanism mechanism) {
        String expired = server.model().issueToken(JEAN);
        server.model().expireToken(expired);
        List<Boolean> asks = new CopyOnWriteArrayList<>();
        TokenSource tokens = refresh -> {
            asks.add(refresh);
            return refresh ? server.model().issueToken(JEAN) : expired;
        };
        try (SmtpSubmission s = new SmtpSubmission(submission(), access().token(JEAN, tokens).tokenMechanism(mechanism)
                .build())) {
            s.send(MESSAGE, JEAN, List.of("anne@iwdemo.test"));
        }
        assertThat(server.sentMail()).hasSize(1);
        assertThat(asks).containsExactly(false, true);
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aTokenRefusedTwiceIsAnAuthenticationErrorWithoutTheToken(TokenMechanism mechanism) {
        List<Boolean> asks = new CopyOnWriteArrayList<>();
        TokenSource tokens = refresh -> {
            asks.add(refresh);
            return "revoked-token-42";
        };
        try (SmtpSubmission s = new SmtpSubmission(submission(), access().token(JEAN, tokens).tokenMechanism(mechanism)
                .build())) {
            assertThatThrownBy(() -> s.send(MESSAGE, JEAN, List.of("anne@iwdemo.test")))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused the login of '" + JEAN + "'")
                    .hasMessageNotContaining("revoked-token");
        }
        assertThat(asks).containsExactly(false, true);
        assertThat(server.sentMail()).isEmpty();
    }

    @Test
    void aMailPropertyOfTheApplicationReachesAngus() {
        ServiceAccess a = access().credentials(JEAN, "secret".toCharArray())
                .mailProperties(Map.of("mail.smtp.localhost", "laptop.iwdemo.test")).build();
        try (SmtpSubmission s = new SmtpSubmission(submission(), a)) {
            s.send(MESSAGE, JEAN, List.of("anne@iwdemo.test"));
        }
        assertThat(trace).anyMatch(l -> l.contains("EHLO laptop.iwdemo.test"));
        assertThat(server.sentMail()).hasSize(1);
    }
}
