package io.icesync.testkit.internal.imap;

import io.icesync.testkit.Faults;
import io.icesync.testkit.MailServerModel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The IMAP listeners (plain with STARTTLS, and implicit TLS) on Netty's NIO transport. */
public final class ImapServer implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel plain;
    private final Channel tls;

    /** Binds both listeners; port 0 picks a free port. */
    public ImapServer(String host, int plainPort, int tlsPort, MailServerModel model, SslContext sslContext,
                      Set<String> disabledCapabilities, long maxLiteral, Faults faults, Consumer<String> trace,
                      List<String> connectorGreetings, Map<String, String> serverMetadata) {
        ServerContext ctx = new ServerContext(model, disabledCapabilities, sslContext, maxLiteral, faults, trace,
                connectorGreetings, serverMetadata);
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            plain = bind(host, plainPort, ctx, false);
            tls = bind(host, tlsPort, ctx, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Channel bind(String host, int port, ServerContext ctx, boolean implicitTls) {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (implicitTls) {
                            ch.pipeline().addLast("tls", ctx.tls().newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("limit", new ByteLimit(ctx.faults()));
                        ch.pipeline().addLast("decoder", new ImapDecoder(64 * 1024, ctx.maxLiteral()));
                        ch.pipeline().addLast("session", new ImapSession(ctx, implicitTls));
                    }
                });
        try {
            return b.bind(new InetSocketAddress(host, port)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the IMAP port", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int plainPort() {
        return ((InetSocketAddress) plain.localAddress()).getPort();
    }

    public int tlsPort() {
        return ((InetSocketAddress) tls.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.close().syncUninterruptibly();
        }
        if (tls != null) {
            tls.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
