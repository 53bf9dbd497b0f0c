package io.icesync.testkit.internal.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Answers DNS queries over UDP on loopback from a {@code TestDns} zone (dnsjava for the wire format). */
public final class DnsResponder implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;

    /** The records the responder answers from (a {@code TestDns}). */
    public interface Zone {
        /** The records of a name and type; null when the name should not be answered. */
        java.util.List<org.xbill.DNS.Record> lookup(org.xbill.DNS.Name name, int type);

        /** Whether the name exists with any type (NOERROR with no data, not NXDOMAIN). */
        boolean exists(org.xbill.DNS.Name name);

        java.time.Duration delay();
    }

    public DnsResponder(String host, Zone zone) {
        Bootstrap b = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        byte[] query = new byte[packet.content().readableBytes()];
                        packet.content().readBytes(query);
                        byte[] answer = answer(zone, query);
                        if (answer == null) {
                            return;
                        }
                        InetSocketAddress to = packet.sender();
                        Runnable send = () -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer), to));
                        long ms = zone.delay().toMillis();
                        if (ms > 0) {
                            ctx.executor().schedule(send, ms, TimeUnit.MILLISECONDS);
                        } else {
                            send.run();
                        }
                    }
                });
        try {
            channel = b.bind(new InetSocketAddress(host, 0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully();
            throw new IllegalStateException("interrupted while binding the DNS port", e);
        }
    }

    /** The reply to one query, or null to stay silent (a malformed query, or a name told to be silent). */
    static byte[] answer(Zone zone, byte[] query) {
        Message q;
        try {
            q = new Message(query);
        } catch (IOException e) {
            return null;
        }
        Record question = q.getQuestion();
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            r.getHeader().setRcode(Rcode.FORMERR);
            return r.toWire();
        }
        r.addRecord(question, Section.QUESTION);
        List<Record> found = zone.lookup(question.getName(), question.getType());
        if (found == null) {
            return null;
        }
        found.forEach(x -> r.addRecord(x, Section.ANSWER));
        if (found.isEmpty() && !zone.exists(question.getName())) {
            r.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return r.toWire(65535);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
