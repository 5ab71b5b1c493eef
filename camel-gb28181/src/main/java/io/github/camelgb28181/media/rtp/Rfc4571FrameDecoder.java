package io.github.camelgb28181.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Cuts RTP packets out of a TCP byte stream framed as RFC 4571 §2 (a 2-byte big-endian length before each packet),
 * as GB/T 28181-2016 §4.4.3 prescribes for TCP media. Emits each packet as a retained slice.
 *
 * <p>Devices lose the framing (a half-written packet after a reconnect, a length that counts the prefix, stray
 * bytes), and a wrong length would otherwise misread everything after it. So a length below 12 or above the limit, or
 * a frame that is not an RTP v2 packet with the expected SSRC, starts a resynchronisation: the decoder scans forward
 * for a position where a plausible length is followed by a valid RTP header with that SSRC (and, when it is already
 * there, the next frame's header too). A frame whose successor does not look like a frame while a frame start lies
 * inside it was cut short by the device; it is dropped from that inner start on. Without an expected SSRC the first
 * valid frame's SSRC is adopted.
 *
 * <p>One instance per connection (not sharable). Counters are written by the event loop and may be read elsewhere.
 */
public final class Rfc4571FrameDecoder extends ByteToMessageDecoder {

    private static final int PREFIX = 2;
    private static final int MIN_FRAME = RtpPacket.HEADER_SIZE;

    private final int maxFrameLength;
    private long ssrc;
    private byte[] scratch = new byte[2048];
    private boolean resynchronising;

    private volatile long frames;
    private volatile long resyncs;
    private volatile long skippedBytes;

    /**
     * @param maxFrameLength the largest RTP packet accepted (at most 65535)
     * @param expectedSsrc   the SSRC (unsigned 32 bit) frames must carry, or -1 to adopt the first valid frame's
     */
    public Rfc4571FrameDecoder(int maxFrameLength, long expectedSsrc) {
        if (maxFrameLength < MIN_FRAME || maxFrameLength > 0xFFFF) {
            throw new IllegalArgumentException("maxFrameLength must be 12..65535: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        this.ssrc = expectedSsrc;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= PREFIX) {
            int at = in.readerIndex();
            int length = in.getUnsignedShort(at);
            int available = in.readableBytes() - PREFIX;
            if (!plausible(length) || !headerMatches(in, at + PREFIX, Math.min(length, available), length)) {
                if (!resynchronise(in)) {
                    return;
                }
                continue;
            }
            if (available < length) {
                return; // wait for the rest of a frame whose header looks right
            }
            if (!nextFrameMatches(in, at + PREFIX + length, in.writerIndex())) {
                int embedded = findFrameStart(in, at + PREFIX + 1, at + PREFIX + length);
                if (embedded >= 0) {
                    // a packet cut short (a device that restarted its write): the frame swallowed the next one
                    startResync();
                    skip(in, embedded - at);
                    continue;
                }
            }
            if (ssrc < 0) {
                ssrc = in.getUnsignedInt(at + PREFIX + 8);
            }
            resynchronising = false;
            frames++;
            in.skipBytes(PREFIX);
            out.add(in.readRetainedSlice(length));
        }
    }

    /** Frames passed on. */
    public long frames() {
        return frames;
    }

    /** Times the framing was lost and searched for. */
    public long resyncs() {
        return resyncs;
    }

    /** Bytes thrown away while searching. */
    public long skippedBytes() {
        return skippedBytes;
    }

    private boolean plausible(int length) {
        return length >= MIN_FRAME && length <= maxFrameLength;
    }

    /**
     * Whether the frame at {@code start} looks like RTP from our source, judged on the bytes there so far: the fixed
     * header as soon as it has arrived, and the whole packet's syntax once {@code length} bytes have.
     */
    private boolean headerMatches(ByteBuf in, int start, int present, int length) {
        if (present < RtpPacket.HEADER_SIZE) {
            return present < 1 || (in.getUnsignedByte(start) >> 6) == 2;
        }
        if ((in.getUnsignedByte(start) >> 6) != 2 || ssrc >= 0 && in.getUnsignedInt(start + 8) != ssrc) {
            return false;
        }
        if (present < length) {
            return true;
        }
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        in.getBytes(start, scratch, 0, length);
        return RtpPacket.check(scratch, 0, length) == null;
    }

    /**
     * Drops bytes up to the next position that can start a frame. Returns {@code false} when the buffer ran out
     * before one was found (the last bytes are kept, they may begin one).
     */
    private boolean resynchronise(ByteBuf in) {
        startResync();
        int start = in.readerIndex();
        int end = in.writerIndex();
        int found = findFrameStart(in, start + 1, end);
        if (found >= 0) {
            skip(in, found - start);
            return true;
        }
        // keep what could still be the start of a frame whose header has not fully arrived
        int keep = Math.min(end - start, PREFIX + RtpPacket.HEADER_SIZE - 1);
        skip(in, end - start - keep);
        return false;
    }

    private void startResync() {
        if (!resynchronising) {
            resynchronising = true;
            resyncs++;
        }
    }

    /** The first position in {@code [from, to)} where a frame can start, or -1. */
    private int findFrameStart(ByteBuf in, int from, int to) {
        int end = in.writerIndex();
        for (int at = from; at < to && at + PREFIX <= end; at++) {
            int length = in.getUnsignedShort(at);
            int available = end - at - PREFIX;
            if (plausible(length) && available >= RtpPacket.HEADER_SIZE
                    && headerMatches(in, at + PREFIX, Math.min(length, available), length)
                    && nextFrameMatches(in, at + PREFIX + length, end)) {
                return at;
            }
        }
        return -1;
    }

    /** When the frame after a candidate has begun to arrive, its length and header must be plausible too. */
    private boolean nextFrameMatches(ByteBuf in, int next, int end) {
        if (next + PREFIX + RtpPacket.HEADER_SIZE > end) {
            return true;
        }
        int length = in.getUnsignedShort(next);
        return plausible(length) && headerMatches(in, next + PREFIX, RtpPacket.HEADER_SIZE, length);
    }

    private void skip(ByteBuf in, int count) {
        if (count > 0) {
            in.skipBytes(count);
            skippedBytes += count;
        }
    }
}
