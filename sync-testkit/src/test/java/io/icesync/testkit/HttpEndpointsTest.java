package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@IceWarpTest
class HttpEndpointsTest {
    @Test
    void mountedHandlersAnswerOverHttpAndHttpsAndTheRestIs404(IceWarpServer server) throws Exception {
        server.mount("/icewarpapi/", ex -> {
            byte[] body = "<iq type=\"result\"/>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        HttpClient client = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(server.http().resolve("icewarpapi/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo("<iq type=\"result\"/>");
        HttpResponse<String> tls = client.send(HttpRequest.newBuilder(server.https().resolve("icewarpapi/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tls.statusCode()).isEqualTo(200);
        HttpResponse<String> none = client.send(HttpRequest.newBuilder(server.http().resolve("nothing-here/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("/nothing-here/");
    }
}
