package io.icesync.testkit.internal.imap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames client input into {@link ImapRequest}s: a line, and for each {@code {n}} or {@code {n+}} at
 * its end the n bytes that follow, then the rest of the line. Asks for synchronising literals with
 * a continuation; refuses lines and literals over the limits instead of buffering them.
 */
final class ImapDecoder extends ByteToMessageDecoder {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d{1,19})(\\+?)}$");
    private static final byte[] GO_AHEAD = "+ Ready for literal data\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int maxLine;
    private final long maxLiteral;
    private List<Object> parts = new ArrayList<>();
    private long literalLeft = -1;
    private boolean discarding;
    private String refusal;

    ImapDecoder(int maxLine, long maxLiteral) {
        this.maxLine = maxLine;
        this.maxLiteral = maxLiteral;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (literalLeft >= 0) {
                if (discarding) {
                    int n = (int) Math.min(literalLeft, in.readableBytes());
                    in.skipBytes(n);
                    literalLeft -= n;
                    if (literalLeft > 0) {
                        return;
                    }
                    literalLeft = -1;
                    continue; // the rest of the line follows; the request is refused at its end
                }
                if (in.readableBytes() < literalLeft) {
                    return;
                }
                byte[] lit = new byte[(int) literalLeft];
                in.readBytes(lit);
                parts.add(lit);
                literalLeft = -1;
                continue;
            }
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > maxLine) {
                    // No line end in sight: drop what came and refuse when the line ends.
                    refusal = refusal == null ? "line too long" : refusal;
                    discarding = true;
                    in.skipBytes(in.readableBytes());
                }
                return;
            }
            int len = eol - in.readerIndex();
            boolean tooLong = len > maxLine;
            String text;
            if (tooLong) {
                text = in.toString(in.readerIndex(), Math.min(len, 200), StandardCharsets.UTF_8);
                refusal = "line too long";
            } else {
                text = in.toString(in.readerIndex(), len, StandardCharsets.UTF_8);
            }
            in.skipBytes(len + 1);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (discarding && !tooLong && parts.isEmpty()) {
                // The end of an over-long line whose start was dropped.
                text = "";
            }
            parts.add(text);
            Matcher m = tooLong ? null : LITERAL.matcher(text);
            if (m != null && m.find()) {
                long n;
                try {
                    n = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    n = Long.MAX_VALUE;
                }
                boolean sync = m.group(2).isEmpty();
                if (n > maxLiteral || refusal != null) {
                    if (refusal == null) {
                        refusal = "[TOOBIG] literal of " + n + " bytes is over the limit of " + maxLiteral;
                    }
                    if (sync) {
                        // Never asked for, never sent: the line ends here.
                        emit(out);
                        continue;
                    }
                    discarding = true;
                    literalLeft = n;
                    continue;
                }
                if (sync) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(GO_AHEAD));
                }
                literalLeft = n;
                continue;
            }
            emit(out);
        }
    }

    private void emit(List<Object> out) {
        out.add(new ImapRequest(parts, refusal));
        parts = new ArrayList<>();
        refusal = null;
        discarding = false;
    }
}
