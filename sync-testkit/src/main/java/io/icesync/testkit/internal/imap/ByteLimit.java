package io.icesync.testkit.internal.imap;

import io.icesync.testkit.Faults;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/** Cuts a connection once it has sent the number of bytes a fault names: a transfer broken midway. */
final class ByteLimit extends ChannelOutboundHandlerAdapter {
    private final Faults faults;
    private long sent;
    private boolean cut;

    ByteLimit(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (cut) {
            release(msg);
            promise.setFailure(new java.io.IOException("connection cut by a fault"));
            return;
        }
        Faults.Fault f = faults.byteLimit();
        if (msg instanceof ByteBuf buf && f != null && sent + buf.readableBytes() > f.afterBytes() && faults.claimBytes(f)) {
            int keep = (int) Math.max(0, f.afterBytes() - sent);
            cut = true;
            ctx.writeAndFlush(buf.retainedSlice(buf.readerIndex(), keep)).addListener(x -> ctx.close());
            buf.release();
            promise.setFailure(new java.io.IOException("connection cut by a fault"));
            return;
        }
        if (msg instanceof ByteBuf buf) {
            sent += buf.readableBytes();
        }
        ctx.write(msg, promise);
    }

    private static void release(Object msg) {
        if (msg instanceof ByteBuf b) {
            b.release();
        }
    }
}
