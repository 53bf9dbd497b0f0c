package io.icesync.testkit.internal.smtp;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.SentMail;
import io.icesync.testkit.internal.net.Loops;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.function.Consumer;

/** The SMTP submission listener (STARTTLS offered). */
public final class SmtpServer {
    private final int port;

    public SmtpServer(Loops loops, String host, int port, MailServerModel model, SslContext tls, List<SentMail> sent,
                      long maxSize, Consumer<String> trace) {
        this.port = loops.listen(host, port, ch -> {
            ch.pipeline().addLast(new LineBasedFrameDecoder(64 * 1024));
            ch.pipeline().addLast(new SmtpSession(model, tls, sent, maxSize, trace));
        });
    }

    public int port() {
        return port;
    }
}
