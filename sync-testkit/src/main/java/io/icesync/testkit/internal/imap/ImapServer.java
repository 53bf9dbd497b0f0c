package io.icesync.testkit.internal.imap;

import io.icesync.testkit.Faults;
import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.internal.net.Loops;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The IMAP listeners: plain (with STARTTLS) and implicit TLS. */
public final class ImapServer {
    private final int plainPort;
    private final int tlsPort;

    /** Binds both listeners on the loops; port 0 picks a free port. */
    public ImapServer(Loops loops, String host, int plainPort, int tlsPort, MailServerModel model, SslContext sslContext,
                      Set<String> disabledCapabilities, long maxLiteral, Faults faults, Consumer<String> trace,
                      List<String> connectorGreetings, Map<String, String> serverMetadata) {
        ServerContext ctx = new ServerContext(model, disabledCapabilities, sslContext, maxLiteral, faults, trace,
                connectorGreetings, serverMetadata);
        this.plainPort = loops.listen(host, plainPort, ch -> init(ch, ctx, false));
        this.tlsPort = loops.listen(host, tlsPort, ch -> init(ch, ctx, true));
    }

    private static void init(io.netty.channel.socket.SocketChannel ch, ServerContext ctx, boolean implicitTls) {
        if (implicitTls) {
            ch.pipeline().addLast("tls", ctx.tls().newHandler(ch.alloc()));
        }
        ch.pipeline().addLast("limit", new ByteLimit(ctx.faults()));
        ch.pipeline().addLast("decoder", new ImapDecoder(64 * 1024, ctx.maxLiteral()));
        ch.pipeline().addLast("session", new ImapSession(ctx, implicitTls));
    }

    public int plainPort() {
        return plainPort;
    }

    public int tlsPort() {
        return tlsPort;
    }
}
