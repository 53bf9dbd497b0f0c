package io.icesync.testkit.internal.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The event loops of one test server and the listeners bound on them (Netty's NIO transport). */
public final class Loops implements AutoCloseable {
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();

    /** Listens on host:port (0 = a free port); each accepted connection is set up by {@code init}. */
    public synchronized int listen(String host, int port, Consumer<SocketChannel> init) {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        init.accept(ch);
                    }
                });
        try {
            Channel c = b.bind(new InetSocketAddress(host, port)).sync().channel();
            listeners.add(c);
            return ((InetSocketAddress) c.localAddress()).getPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (Channel c : listeners) {
            c.close().syncUninterruptibly();
        }
        listeners.clear();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
