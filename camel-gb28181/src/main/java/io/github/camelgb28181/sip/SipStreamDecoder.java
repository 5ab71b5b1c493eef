package io.github.camelgb28181.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames SIP messages on a TCP connection by Content-Length (RFC 3261 §18.3): several messages in one read and one
 * message over several reads both work. A message whose header section is bad but whose framing is intact is
 * answered 400 and the connection stays up; a framing error (bad or conflicting Content-Length, oversize) cannot be
 * resynchronised, so the connection is closed.
 */
final class SipStreamDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(SipStreamDecoder.class);
    private static final byte[] PONG = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SipStack stack;
    private final SipMessageParser parser;
    private SipPeer peer;
    private SipServerTransaction.ReplyPath reply;

    SipStreamDecoder(SipStack stack, SipMessageParser parser) {
        this.stack = stack;
        this.parser = parser;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        peer = new SipPeer(SipTransport.TCP, (InetSocketAddress) ctx.channel().remoteAddress());
        reply = bytes -> ctx.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes));
        stack.tcpConnectionActive(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stack.tcpConnectionInactive(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int readable = in.readableBytes();
            byte[] data = ByteBufUtil.getBytes(in, in.readerIndex(), readable, false);
            int offset = in.hasArray() && data == in.array() ? in.arrayOffset() + in.readerIndex() : 0;
            int leading = SipMessageParser.skipLeadingLineBreaks(data, offset, offset + readable) - offset;
            if (leading == readable) {
                // only CR/LF so far: a double-CRLF ping gets a CRLF pong (RFC 5626 §3.5.1)
                if (readable >= 4) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
                }
                if (readable >= 2) {
                    in.skipBytes(readable);
                }
                return;
            }
            int frame;
            try {
                frame = parser.frameLength(data, offset, readable);
            } catch (SipParseException e) {
                LOG.debug("closing TCP connection from {}: {}", peer, e.getMessage());
                stack.onMalformed(e, peer, reply);
                in.skipBytes(readable);
                ctx.close();
                return;
            }
            if (frame < 0) {
                return;
            }
            try {
                SipMessage message = parser.parseFrame(data, offset, frame);
                in.skipBytes(frame);
                stack.onMessage(message, peer, reply);
            } catch (SipParseException e) {
                in.skipBytes(frame);
                stack.onMalformed(e, peer, reply);
            } catch (RuntimeException e) {
                in.skipBytes(frame);
                LOG.warn("dropped a message from {} that failed processing: {}", peer, e.toString(), e);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("closing idle TCP connection from {}", peer);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("TCP connection from {} failed: {}", peer, cause.toString());
        ctx.close();
    }
}
