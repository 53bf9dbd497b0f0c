package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.icesync.core.AuthenticationException;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.TokenMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token login against a real Dovecot 2.3: a private instance (not the shared peer, whose configuration is
 * fixed) with {@code passdb { driver = oauth2 }} asking an OAuth 2.0 introspection endpoint this test
 * serves, so that the test decides which tokens are active. Needs the dovecot binary and the vmail user
 * of ../shared/peers/dovecot-up.sh (root to start it).
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotOAuthIT {
    static final String USER = "jean@iwdemo.test";
    static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();
    static Path dir;
    static HttpServer introspection;
    static int imapPort;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dovecot")), "dovecot is not installed");
        assumeTrue(new ProcessBuilder("id", "vmail").start().waitFor() == 0, "no vmail user (dovecot-up.sh makes it)");
        dir = Files.createTempDirectory(Path.of("/tmp"), "icesync-dovecot-oauth");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        new ProcessBuilder("chown", "vmail:vmail", home.toString()).start().waitFor();
        introspection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        introspection.createContext("/introspect", ex -> {
            String form;
            try (InputStream in = ex.getRequestBody()) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String token = "";
            for (String kv : form.split("&")) {
                if (kv.startsWith("token=")) {
                    token = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
                }
            }
            byte[] body = (ACTIVE.contains(token) ? "{\"active\":true,\"username\":\"" + USER + "\"}"
                    : "{\"active\":false}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        introspection.start();
        try (ServerSocket s = new ServerSocket(0)) {
            imapPort = s.getLocalPort();
        }
        Files.writeString(dir.resolve("oauth2.conf.ext"), "introspection_mode = post\nintrospection_url = http://127.0.0.1:"
                + introspection.getAddress().getPort() + "/introspect\nusername_attribute = username\n"
                + "active_attribute = active\nactive_value = true\ntokeninfo_url =\n");
        Files.writeString(dir.resolve("dovecot.conf"), String.join("\n",
                "base_dir = " + dir.resolve("run"), "state_dir = " + dir.resolve("state"),
                "log_path = " + dir.resolve("dovecot.log"), "listen = 127.0.0.1", "protocols = imap", "ssl = no",
                "disable_plaintext_auth = no", "auth_mechanisms = xoauth2 oauthbearer",
                "default_internal_user = dovecot", "default_login_user = dovenull", "first_valid_uid = 1",
                "passdb {", "  driver = oauth2", "  mechanisms = xoauth2 oauthbearer",
                "  args = " + dir.resolve("oauth2.conf.ext"), "}",
                "userdb {", "  driver = static", "  args = uid=vmail gid=vmail home=" + home + "/%d/%n", "}",
                "mail_location = maildir:~/Maildir",
                "service imap-login {", "  inet_listener imap {", "    port = " + imapPort, "  }",
                "  inet_listener imaps {", "    port = 0", "  }", "}",
                "service stats {", "  unix_listener stats-reader {", "    mode = 0666", "  }",
                "  unix_listener stats-writer {", "    mode = 0666", "  }", "}", ""));
        // The daemon keeps the descriptors it was given: a file, never a pipe this test would wait on.
        Path said = dir.resolve("start.txt");
        Process p = new ProcessBuilder("/usr/sbin/dovecot", "-c", dir.resolve("dovecot.conf").toString())
                .redirectErrorStream(true).redirectOutput(said.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("dovecot started: "
                + (Files.exists(said) ? Files.readString(said) : "")).isTrue();
        for (int i = 0; i < 100 && !listening(); i++) {
            Thread.sleep(100);
        }
        assertThat(listening()).as("dovecot listens on " + imapPort).isTrue();
    }

    private static boolean listening() {
        try (Socket s = new Socket("127.0.0.1", imapPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (dir != null && Files.exists(dir.resolve("run/master.pid"))) {
            new ProcessBuilder("/usr/sbin/dovecot", "-c", dir.resolve("dovecot.conf").toString(), "stop")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
        if (introspection != null) {
            introspection.stop(0);
        }
        if (dir != null) {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static ImapRemoteStore store(IceSyncTokens tokens, TokenMechanism mechanism) {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", imapPort, Security.PLAIN)).login(USER)
                .tokens(tokens).tokenMechanism(mechanism).build();
    }

    /** Hands out tokens the introspection endpoint knows, recording each ask. */
    static final class IceSyncTokens implements io.icesync.core.TokenSource {
        final List<Boolean> asks = new CopyOnWriteArrayList<>();
        final boolean activateFresh;
        volatile String current;

        IceSyncTokens(String first, boolean activateFresh) {
            this.current = first;
            this.activateFresh = activateFresh;
        }

        @Override
        public String token(boolean refresh) {
            asks.add(refresh);
            if (refresh) {
                current = "fresh-" + java.util.UUID.randomUUID();
                if (activateFresh) {
                    ACTIVE.add(current);
                }
            }
            return current;
        }
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void dovecotTakesTheTokenAndAnExpiredOneIsRefreshedOnce(TokenMechanism mechanism) {
        String first = "first-" + java.util.UUID.randomUUID();
        ACTIVE.add(first);
        IceSyncTokens tokens = new IceSyncTokens(first, true);
        try (ImapRemoteStore store = store(tokens, mechanism)) {
            assertThat(store.connect().capabilities()).contains("IMAP4REV1");
            assertThat(store.folders()).anyMatch(f -> f.path().toString().equals("INBOX"));
            ACTIVE.remove(first);
            store.abort();
            store.connect();
            assertThat(store.folders()).anyMatch(f -> f.path().toString().equals("INBOX"));
        }
        assertThat(tokens.asks).containsExactly(false, true);
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aTokenDovecotRefusesTwiceIsAnAuthenticationError(TokenMechanism mechanism) {
        IceSyncTokens tokens = new IceSyncTokens("inactive-" + java.util.UUID.randomUUID(), false);
        try (ImapRemoteStore store = store(tokens, mechanism)) {
            assertThatThrownBy(store::connect).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(USER).hasMessageNotContaining("inactive-").hasMessageNotContaining("fresh-");
        }
        assertThat(tokens.asks).containsExactly(false, true);
    }
}
