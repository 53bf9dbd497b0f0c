package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test proxy as a client meets it: a tunnel to the target, a 403 when refusing, a 407 without its login. */
class TestProxyTest {
    ServerSocket target;

    @BeforeEach
    void greetingServer() throws IOException {
        target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!target.isClosed()) {
                try (Socket s = target.accept()) {
                    s.getOutputStream().write("* OK hello\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws IOException {
        target.close();
    }

    @Test
    void tunnelsAConnectAndRecordsItsTarget() throws IOException {
        try (TestProxy proxy = TestProxy.start()) {
            String to = "127.0.0.1:" + target.getLocalPort();
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                BufferedReader in = send(s, "CONNECT " + to + " HTTP/1.1\r\nHost: " + to + "\r\n\r\n");
                assertThat(in.readLine()).startsWith("HTTP/1.1 200");
                assertThat(in.readLine()).isEmpty();
                assertThat(in.readLine()).isEqualTo("* OK hello");
            }
            assertThat(proxy.connects()).containsExactly(to);
            assertThat(proxy.choice().port()).isEqualTo(proxy.port());
        }
    }

    @Test
    void refusesWith403AndAsksForALoginWith407() throws IOException {
        String to = "127.0.0.1:" + target.getLocalPort();
        try (TestProxy proxy = TestProxy.start()) {
            proxy.refuse();
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                assertThat(send(s, "CONNECT " + to + " HTTP/1.1\r\n\r\n").readLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            }
            proxy.allow().requireLogin("anne", "pw");
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                assertThat(send(s, "CONNECT " + to + " HTTP/1.1\r\n\r\n").readLine())
                        .isEqualTo("HTTP/1.1 407 Proxy Authentication Required");
            }
            String basic = Base64.getEncoder().encodeToString("anne:pw".getBytes(StandardCharsets.UTF_8));
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                BufferedReader in = send(s, "CONNECT " + to + " HTTP/1.1\r\nProxy-Authorization: Basic " + basic + "\r\n\r\n");
                assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            }
            assertThat(proxy.connects()).containsExactly(to, to, to);
        }
    }

    @Test
    void answersOtherMethodsWith405() throws IOException {
        try (TestProxy proxy = TestProxy.start(); Socket s = new Socket(proxy.host(), proxy.port())) {
            assertThat(send(s, "GET http://example.test/ HTTP/1.1\r\n\r\n").readLine()).startsWith("HTTP/1.1 405");
            assertThat(proxy.connects()).isEmpty();
        }
    }

    private static BufferedReader send(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }
}
