package io.icesync.testkit.internal.pop3;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.internal.net.Loops;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.function.Consumer;

/** The POP3 listeners: plain (with STLS) and implicit TLS. */
public final class Pop3Server {
    private final int plainPort;
    private final int tlsPort;

    public Pop3Server(Loops loops, String host, int plainPort, int tlsPort, MailServerModel model, SslContext tls,
                      Consumer<String> trace) {
        this.plainPort = loops.listen(host, plainPort, ch -> {
            ch.pipeline().addLast(new LineBasedFrameDecoder(8192));
            ch.pipeline().addLast(new Pop3Session(model, tls, trace));
        });
        this.tlsPort = loops.listen(host, tlsPort, ch -> {
            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
            ch.pipeline().addLast(new LineBasedFrameDecoder(8192));
            ch.pipeline().addLast(new Pop3Session(model, null, trace));
        });
    }

    public int plainPort() {
        return plainPort;
    }

    public int tlsPort() {
        return tlsPort;
    }
}
