package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local POP3 listener (F10.4): an always-empty maildrop on 127.0.0.1 while the schedule runs. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class Pop3ListenerTest {
    @TempDir
    Path dir;

    @Test
    void aPop3ClientFindsAnEmptyMailboxWhileTheScheduleRunsAndNothingAfter(IceWarpServer server) throws Exception {
        int port = freePort();
        try (IceSync sync = IceSync.create(dir, profile(server).withPop3ListenerPort(port), "secret".toCharArray())) {
            sync.syncOnce();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .as("a single cycle starts no listener").isInstanceOf(ConnectException.class);

            ScheduledSync schedule = sync.startScheduled();
            Store store = Session.getInstance(new Properties()).getStore("pop3");
            store.connect("127.0.0.1", port, "outlook", "anything");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isZero();
            assertThat(((POP3Folder) inbox).getSize()).isZero();
            inbox.close(true);
            store.close();

            assertThat(schedule.stop(Duration.ofSeconds(30))).isTrue();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .as("stopped with the schedule").isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void itAnswersEachRfc1939CommandOfAnEmptyMaildrop(IceWarpServer server) throws Exception {
        int port = freePort();
        try (IceSync sync = IceSync.create(dir, profile(server).withPop3ListenerPort(port), "secret".toCharArray());
             ScheduledSync schedule = sync.startScheduled();
             Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new java.io.OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(in.readLine()).startsWith("+OK");
            assertThat(cmd(in, out, "STAT")).startsWith("-ERR");
            assertThat(multi(in, out, "CAPA")).contains("USER", "UIDL");
            assertThat(cmd(in, out, "USER jean")).startsWith("+OK");
            assertThat(cmd(in, out, "PASS secret")).startsWith("+OK");
            assertThat(cmd(in, out, "STAT")).isEqualTo("+OK 0 0");
            assertThat(multi(in, out, "LIST")).isEmpty();
            assertThat(multi(in, out, "UIDL")).isEmpty();
            assertThat(cmd(in, out, "LIST 1")).startsWith("-ERR");
            assertThat(cmd(in, out, "RETR 1")).startsWith("-ERR");
            assertThat(cmd(in, out, "NOOP")).isEqualTo("+OK");
            assertThat(cmd(in, out, "QUIT")).startsWith("+OK");
            assertThat(in.readLine()).as("the connection closes after QUIT").isNull();
        }
    }

    @Test
    void aPortInUseIsAWarningAndTheScheduleSyncsAnyway(IceWarpServer server) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             IceSync sync = IceSync.create(dir, profile(server).withPop3ListenerPort(taken.getLocalPort()),
                     "secret".toCharArray())) {
            ScheduledSync schedule = sync.startScheduled();
            assertThat(schedule.runNow().get().ok()).isTrue();
            assertThat(schedule.isRunning()).isTrue();
            assertThat(sync.events(50)).anySatisfy(e -> {
                assertThat(e.message()).isEqualTo("local POP3 listener not started");
                assertThat(e.details()).contains("127.0.0.1:" + taken.getLocalPort(), "pop3ListenerPort");
            });
            schedule.close();
        }
    }

    private static Profile profile(IceWarpServer server) {
        return Profile.of(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imap()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String cmd(BufferedReader in, Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        return in.readLine();
    }

    /** A multi-line answer's lines, without its status line and final dot. */
    private static List<String> multi(BufferedReader in, Writer out, String line) throws IOException {
        assertThat(cmd(in, out, line)).startsWith("+OK");
        List<String> lines = new ArrayList<>();
        for (String l; !(l = in.readLine()).equals("."); ) {
            lines.add(l);
        }
        return lines;
    }
}
