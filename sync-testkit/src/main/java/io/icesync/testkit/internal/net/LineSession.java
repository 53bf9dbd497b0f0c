package io.icesync.testkit.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A line-at-a-time text protocol session (POP3, SMTP): lines in, lines out, STARTTLS in place. */
public abstract class LineSession extends SimpleChannelInboundHandler<ByteBuf> {
    protected ChannelHandlerContext ctx;
    private final Consumer<String> trace;
    private final String name;

    protected LineSession(String name, Consumer<String> trace) {
        this.name = name;
        this.trace = trace;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        greet();
        ctx.flush();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        byte[] bytes = new byte[line.readableBytes()];
        line.readBytes(bytes);
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, n - 1);
        }
        line(bytes);
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            tooLong();
            ctx.flush();
            return;
        }
        ctx.close();
    }

    protected abstract void greet();

    /** One line without its line end, as bytes (a message body may be 8-bit). */
    protected abstract void line(byte[] line);

    /** The answer to a line over the length limit. */
    protected abstract void tooLong();

    protected static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    protected void send(String line) {
        if (trace != null) {
            trace.accept(name + " S: " + line);
        }
        ctx.write(Unpooled.wrappedBuffer((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    protected void sendRaw(byte[] bytes) {
        ctx.write(Unpooled.wrappedBuffer(bytes));
    }

    protected void traceIn(String line) {
        if (trace != null) {
            trace.accept(name + " C: " + line);
        }
    }

    protected boolean tlsActive() {
        return ctx.pipeline().get(SslHandler.class) != null;
    }

    /** Sends the go-ahead in plain text, then everything after it goes through TLS. */
    protected void startTls(SslContext tls, String goAhead) {
        ctx.pipeline().addFirst("tls", new SslHandler(tls.newEngine(ctx.alloc()), true));
        send(goAhead);
        ctx.flush();
    }

    protected void close() {
        ctx.flush();
        ctx.close();
    }
}
