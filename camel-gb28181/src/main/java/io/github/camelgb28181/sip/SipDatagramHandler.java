package io.github.camelgb28181.sip;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/** Reads one SIP message per datagram. Nothing a peer sends can close the socket or reach past this handler. */
@ChannelHandler.Sharable
final class SipDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(SipDatagramHandler.class);

    private final SipStack stack;
    private final SipMessageParser parser;

    SipDatagramHandler(SipStack stack, SipMessageParser parser) {
        this.stack = stack;
        this.parser = parser;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress sender = packet.sender();
        SipPeer source = new SipPeer(SipTransport.UDP, sender);
        SipServerTransaction.ReplyPath reply = bytes -> ctx.channel()
                .writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), sender));
        byte[] data = ByteBufUtil.getBytes(packet.content());
        if (SipMessageParser.skipLeadingLineBreaks(data, 0, data.length) == data.length) {
            return; // CRLF keep-alive or empty datagram (RFC 5626 §3.5.1)
        }
        try {
            stack.onMessage(parser.parseDatagram(data, 0, data.length), source, reply);
        } catch (SipParseException e) {
            stack.onMalformed(e, source, reply);
        } catch (RuntimeException e) {
            LOG.warn("dropped a datagram from {} that failed processing: {}", sender, e.toString(), e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("UDP socket error (socket stays open): {}", cause.toString());
    }
}
