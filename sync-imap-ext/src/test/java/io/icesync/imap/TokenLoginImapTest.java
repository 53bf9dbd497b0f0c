package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.TokenMechanism;
import io.icesync.core.TokenSource;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** IMAP with OAuth access tokens (SASL XOAUTH2 and OAUTHBEARER) against the testkit, and the app's own mail properties. */
class TokenLoginImapTest {
    static final String USER = "jean@iwdemo.test";
    IceWarpServer server;

    @BeforeEach
    void start() {
        server = IceWarpServer.start(USER, "secret");
        append("First");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A token source that records each ask: false for the cached token, true for a fresh one. */
    static final class Tokens implements TokenSource {
        final List<Boolean> asks = new CopyOnWriteArrayList<>();
        volatile String current;
        final java.util.function.Supplier<String> fresh;

        Tokens(String first, java.util.function.Supplier<String> fresh) {
            this.current = first;
            this.fresh = fresh;
        }

        @Override
        public String token(boolean refresh) {
            asks.add(refresh);
            if (refresh) {
                current = fresh.get();
            }
            return current;
        }
    }

    ImapRemoteStore store(TokenSource tokens, TokenMechanism mechanism) {
        ServiceAccess access = ServiceAccess.builder().endpoint(server.imaps()).token(USER, tokens)
                .tokenMechanism(mechanism).build();
        return ImapRemoteStore.builder().access(access).trustPem(server.certificatePem()).build();
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aSyncWithATokenBringsTheMail(TokenMechanism mechanism, @TempDir Path dir) {
        Tokens tokens = new Tokens(server.model().issueToken(USER), () -> "never");
        try (ImapRemoteStore remote = store(tokens, mechanism); Sync sync = new Sync(remote, dir)) {
            SyncReport r = sync.once();
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.downloaded()).isEqualTo(1);
        }
        assertThat(tokens.asks).containsExactly(false);
        assertThat(server.model().refusedTokens()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aTokenThatExpiresMidLifeIsRefreshedOnceAndTheSyncGoesOn(TokenMechanism mechanism, @TempDir Path dir) {
        String first = server.model().issueToken(USER);
        Tokens tokens = new Tokens(first, () -> server.model().issueToken(USER));
        try (ImapRemoteStore remote = store(tokens, mechanism); Sync sync = new Sync(remote, dir)) {
            assertThat(sync.once().downloaded()).isEqualTo(1);
            server.model().expireToken(first);
            append("Second");
            remote.abort(); // the connections drop: the next cycle logs in again, with the expired token first

            SyncReport r = sync.once();
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.downloaded()).isEqualTo(1);

            append("Third");
            remote.abort();
            assertThat(sync.once().downloaded()).as("the fresh token is kept for the next logins").isEqualTo(1);
        }
        assertThat(tokens.asks).containsExactly(false, true);
        assertThat(server.model().refusedTokens()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aRefusedTokenIsAnAuthenticationErrorThatNeverShowsTheToken(TokenMechanism mechanism) {
        Tokens tokens = new Tokens("bad-token-0001", () -> "bad-token-0002");
        try (ImapRemoteStore remote = store(tokens, mechanism)) {
            assertThatThrownBy(remote::connect).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused the login of '" + USER + "'")
                    .hasMessageNotContaining("bad-token");
        }
        assertThat(tokens.asks).as("one fresh token, then no more").containsExactly(false, true);
        assertThat(server.model().refusedTokens()).isEqualTo(2);
    }

    @Test
    void aTokenSourceThatFailsIsAnAuthenticationErrorNamingTheAccount() {
        TokenSource broken = refresh -> {
            throw new IllegalStateException("no network to the identity provider");
        };
        try (ImapRemoteStore remote = store(broken, TokenMechanism.XOAUTH2)) {
            assertThatThrownBy(remote::connect).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("token source gave no access token for '" + USER + "'");
        }
    }

    @Test
    void theTraceNeverShowsTheToken() {
        String token = server.model().issueToken(USER);
        List<String> trace = new CopyOnWriteArrayList<>();
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imaps()).login(USER)
                .tokens(refresh -> token).tokenMechanism(TokenMechanism.OAUTHBEARER)
                .trustPem(server.certificatePem()).protocolTrace(trace::add).build()) {
            remote.connect();
            assertThat(remote.folders()).isNotEmpty();
        }
        assertThat(trace).as("Angus' SASL path with IceSync's OAUTHBEARER client")
                .contains("DEBUG IMAP: SASL client OAUTHBEARER", "DEBUG IMAP: SASL authentication succeeded");
        assertThat(String.join("\n", trace)).doesNotContain(token)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(("n,a=" + USER + ",\u0001auth=Bearer "
                        + token + "\u0001\u0001").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMailPropertyOfTheApplicationReachesAngus(@TempDir Path dir) {
        // Angus gives each connection its own tag prefix (A, B, C...) unless told to reuse "A".
        List<String> trace = new CopyOnWriteArrayList<>();
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imaps()).login(USER)
                .password("secret".toCharArray()).trustPem(server.certificatePem())
                .mailProperties(Map.of("mail.imap.reusetagprefix", "true")).protocolTrace(trace::add).build();
             Sync sync = new Sync(remote, dir)) {
            assertThat(sync.once().downloaded()).isEqualTo(1);
        }
        assertThat(tagPrefixes(trace)).containsExactly("A");
    }

    @Test
    void withoutThePropertyTheConnectionsHaveTheirOwnPrefixes(@TempDir Path dir) {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imaps()).login(USER)
                .password("secret".toCharArray()).trustPem(server.certificatePem()).protocolTrace(trace::add).build();
             Sync sync = new Sync(remote, dir)) {
            assertThat(sync.once().downloaded()).isEqualTo(1);
        }
        assertThat(tagPrefixes(trace)).hasSizeGreaterThan(1);
    }

    @Test
    void aPropertyIceSyncOwnsIsRefusedByName() {
        ImapRemoteStore.Builder b = ImapRemoteStore.builder();
        assertThatThrownBy(() -> b.mailProperties(Map.of("mail.imap.ssl.trust", "*")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'mail.imap.ssl.trust' cannot be set")
                .hasMessageContaining("TLS and certificate trust");
        assertThatThrownBy(() -> b.mailProperties(Map.of("mail.imap.auth.mechanisms", "PLAIN")))
                .hasMessageContaining("'mail.imap.auth.mechanisms' cannot be set");
        assertThatThrownBy(() -> b.mailProperties(Map.of("mail.debug", "true")))
                .hasMessageContaining("'mail.debug' is not a mail.imap.*");
    }

    private static List<String> tagPrefixes(List<String> trace) {
        Pattern tag = Pattern.compile("^([A-Z]+)\\d+ (?:OK|NO|BAD) ");
        List<String> out = new ArrayList<>();
        for (String line : trace) {
            Matcher m = tag.matcher(line);
            if (m.find() && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        assertThat(out).as("tagged answers in the trace").isNotEmpty();
        return out;
    }

    private void append(String subject) {
        server.account(USER).mailbox("INBOX").append(("Subject: " + subject + "\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** One engine over a Maildir and in-memory state, kept across cycles. */
    static final class Sync implements AutoCloseable {
        final LocalStore local;
        final SyncStateStore state = StateStores.inMemory();
        final SyncEngine engine;

        Sync(ImapRemoteStore remote, Path dir) {
            local = LocalStores.maildir(dir.resolve("mail"));
            SyncSettings settings = SyncSettings.defaults();
            engine = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> settings).build();
        }

        SyncReport once() {
            return engine.syncOnce();
        }

        @Override
        public void close() {
            try {
                local.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
