package io.icesync.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.icesync.core.ProxyChoice;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientFactoryTest {
    HttpServer server;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestURI().toString());
            if (ex.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (ex.getRequestURI().getPath().equals("/moved")) {
                ex.getResponseHeaders().add("Location", "/here");
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String get(CloseableHttpClient client, String url) throws IOException {
        return client.execute(new HttpGet(url), r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
    }

    @Test
    void theStandardClientFollowsNoRedirectUnlessAsked() throws IOException {
        ServiceAccess access = ServiceAccess.defaults();
        try (CloseableHttpClient plain = HttpClientFactory.standard().create(HttpSetup.of(access, null));
             CloseableHttpClient following = HttpClientFactory.standard().create(HttpSetup.of(access, null)
                     .withRedirects(Redirects.follow(3)))) {
            assertThat(get(plain, base() + "/moved")).startsWith("302");
            assertThat(get(following, base() + "/moved")).isEqualTo("200 ok");
        }
    }

    @Test
    void anExplicitProxyGetsTheRequestWithTheWholeUrl() throws IOException {
        ServiceAccess access = ServiceAccess.builder()
                .proxy(ProxyChoice.http("127.0.0.1", server.getAddress().getPort())).build();
        try (CloseableHttpClient client = HttpClientFactory.standard().create(HttpSetup.of(access, null))) {
            assertThat(get(client, "http://service.invalid/x")).isEqualTo("200 ok");
        }
        assertThat(seen).containsExactly("http://service.invalid/x");
    }

    @Test
    void theReadTimeoutBoundsAWaitForAnswer() throws IOException {
        ServiceAccess access = ServiceAccess.builder()
                .timeouts(Timeouts.DEFAULTS.withRead(Duration.ofMillis(300))).build();
        try (CloseableHttpClient client = HttpClientFactory.standard().create(HttpSetup.of(access, null))) {
            assertThatThrownBy(() -> get(client, base() + "/slow")).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void theApplicationsOwnClientIsUsedAndLeftOpen() throws IOException {
        try (CloseableHttpClient own = HttpClients.createDefault()) {
            HttpClientFactory factory = HttpClientFactory.of(own);
            try (CloseableHttpClient lent = factory.create(HttpSetup.of(ServiceAccess.defaults(), null))) {
                assertThat(get(lent, base() + "/a")).isEqualTo("200 ok");
            }
            assertThat(get(own, base() + "/b")).as("still open").isEqualTo("200 ok");
        }
        assertThat(seen).containsExactly("/a", "/b");
    }

    @Test
    void namesGoThroughTheGivenResolver() throws IOException {
        List<String> asked = new ArrayList<>();
        HttpSetup setup = HttpSetup.of(ServiceAccess.defaults(), null).withDns(host -> {
            asked.add(host);
            return List.of(server.getAddress().getAddress());
        }, 443);
        try (CloseableHttpClient client = HttpClientFactory.standard().create(setup)) {
            URI uri = URI.create("http://files.example.test:" + server.getAddress().getPort() + "/c");
            assertThat(get(client, uri.toString())).isEqualTo("200 ok");
        }
        assertThat(asked).containsExactly("files.example.test");
    }
}
