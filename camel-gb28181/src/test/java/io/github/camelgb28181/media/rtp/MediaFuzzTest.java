package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.GbStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.ps.PsMuxer;
import io.github.camelgb28181.media.ps.AccessUnitAssembler;
import io.github.camelgb28181.media.ps.PsDemuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input for the whole receive path: random bytes, truncations, bit flips and oversized length fields of a
 * valid stream. Nothing may throw, output stays bounded by the input and the access-unit cap.
 */
class MediaFuzzTest {

    static final int CAP = 64 * 1024;
    static final List<byte[]> VALID = GbStream.build(ElementaryStream.h264Small(),
            PsMuxer.Options.gb(MediaCodec.H264).withAudio(), 0, 0).packets();

    /** Counts what comes out and checks each unit against the cap. */
    static final class Bounded implements AccessUnitListener {
        long units;
        long bytes;

        @Override
        public void onAccessUnit(AccessUnit unit) {
            assertTrue(unit.data().length <= CAP, "unit over the cap");
            units++;
            bytes += unit.data().length;
        }
    }

    static RtpStreamReceiver receiver(Bounded out) {
        return new RtpStreamReceiver(RtpReceiverConfig.udp().withMaxAccessUnitSize(CAP), out);
    }

    @Test
    void randomDatagrams() {
        Random random = new Random(1);
        Bounded out = new Bounded();
        RtpStreamReceiver receiver = receiver(out);
        long in = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] datagram = new byte[random.nextInt(1500)];
            random.nextBytes(datagram);
            if (i % 2 == 0 && datagram.length >= 12) {
                datagram[0] = (byte) (0x80 | datagram[0] & 0x3F); // RTP v2, so the junk reaches the demuxer
                datagram[1] = (byte) (datagram[1] & 0x80 | 96);
            }
            in += datagram.length;
            receiver.onPacket(datagram, 0, datagram.length, i * 1_000_000L);
            receiver.tick(i * 1_000_000L);
        }
        receiver.flush();
        assertTrue(out.bytes <= in);
        assertTrue(receiver.statistics().invalidPackets() > 0);
    }

    @Test
    void truncatedAndBitFlippedPacketsOfAValidStream() {
        Random random = new Random(2);
        for (int round = 0; round < 6; round++) {
            Bounded out = new Bounded();
            RtpStreamReceiver receiver = receiver(out);
            long in = 0;
            long now = 0;
            for (byte[] original : VALID) {
                byte[] p = original.clone();
                int length = p.length;
                double dice = random.nextDouble();
                if (dice < 0.1) {
                    length = random.nextInt(p.length + 1);
                } else if (dice < 0.3) {
                    for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                        p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                in += length;
                receiver.onPacket(p, 0, length, now += 1_000_000);
            }
            receiver.flush();
            assertTrue(out.bytes <= in, "output cannot exceed input");
        }
    }

    @Test
    void oversizedLengthFieldsAreBounded() {
        Random random = new Random(3);
        byte[][] poison = {
                { 0, 0, 1, (byte) 0xBC, (byte) 0xFF, (byte) 0xFF }, // PSM claiming 64 KiB
                { 0, 0, 1, (byte) 0xBB, (byte) 0xFF, (byte) 0xFF }, // system header claiming 64 KiB
                { 0, 0, 1, (byte) 0xE0, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, (byte) 0x80, (byte) 0xFF },
                { 0, 0, 1, (byte) 0xC0, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0, 0 }, // audio of 64 KiB
                { 0, 0, 1, (byte) 0xBA, 0x44, 0, 4, 0, 4, 1, 1, (byte) 0x89, (byte) 0xC3, (byte) 0xFF } };
        for (int round = 0; round < 300; round++) {
            Bounded out = new Bounded();
            CountingDemux demux = new CountingDemux(out);
            byte[] ps = GbStream.build(ElementaryStream.h264Yuv444(), PsMuxer.Options.gb(MediaCodec.H264), 0, 0)
                    .programStream();
            int at = random.nextInt(ps.length);
            byte[] bad = poison[round % poison.length];
            System.arraycopy(bad, 0, ps, at, Math.min(bad.length, ps.length - at));
            demux.feed(ps, random);
            assertTrue(out.bytes <= ps.length);
        }
    }

    @Test
    void aFrameOverTheCapIsDroppedAndCounted() {
        ElementaryStream es = ElementaryStream.h264Big();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 0);
        Bounded out = new Bounded();
        RtpStreamReceiver receiver = receiver(out);
        long now = 0;
        for (byte[] p : stream.packets()) {
            receiver.onPacket(p, 0, p.length, now += 1_000_000);
        }
        long over = es.frames().stream().filter(f -> f.data().length > CAP).count();
        assertTrue(over > 0, "the fixture has frames over the cap");
        StreamStatistics stats = receiver.statistics();
        assertEquals(es.frames().size(), stats.frames() + stats.droppedFrames());
        assertTrue(stats.droppedFrames() >= over);
        assertEquals(0, out.units, "every key frame is over the cap, so nothing can start");
    }

    @Test
    void tcpFramerOnRandomAndCorruptedStreams() {
        Random random = new Random(4);
        for (int round = 0; round < 200; round++) {
            byte[] stream = new byte[random.nextInt(20_000)];
            random.nextBytes(stream);
            if (round % 2 == 0) {
                // valid frames with flipped bits here and there
                java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
                for (byte[] p : VALID.subList(0, 20)) {
                    framed.write(p.length >> 8);
                    framed.write(p.length);
                    framed.writeBytes(p);
                }
                stream = framed.toByteArray();
                for (int flips = random.nextInt(30); flips > 0; flips--) {
                    stream[random.nextInt(stream.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            Rfc4571FrameDecoder decoder = new Rfc4571FrameDecoder(2000, round % 4 == 0 ? -1 : GbStream.SSRC);
            EmbeddedChannel channel = new EmbeddedChannel(decoder);
            int at = 0;
            long out = 0;
            while (at < stream.length) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(1500));
                channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, at, at + n)));
                at += n;
                for (ByteBuf b; (b = channel.readInbound()) != null; ) {
                    assertTrue(b.readableBytes() >= 12 && b.readableBytes() <= 2000);
                    out += b.readableBytes() + 2;
                    b.release();
                }
            }
            assertTrue(out + decoder.skippedBytes() <= stream.length);
            channel.finishAndReleaseAll();
        }
    }

    /** Feeds a program stream straight into a demuxer in random pieces. */
    static final class CountingDemux {
        final PsDemuxer demuxer;

        CountingDemux(AccessUnitListener out) {
            demuxer = new PsDemuxer(new AccessUnitAssembler(out, CAP));
        }

        void feed(byte[] ps, Random random) {
            int at = 0;
            while (at < ps.length) {
                int n = Math.min(ps.length - at, 1 + random.nextInt(1400));
                demuxer.feed(ps, at, n, random.nextInt(10) == 0);
                if (random.nextInt(50) == 0) {
                    demuxer.discontinuity();
                }
                at += n;
            }
        }
    }

    @Test
    void randomProgramStreamBytesWithStartCodesSprinkledIn() {
        Random random = new Random(5);
        for (int round = 0; round < 2000; round++) {
            byte[] ps = new byte[random.nextInt(4000)];
            random.nextBytes(ps);
            for (int i = 0; i + 4 < ps.length; i += 1 + random.nextInt(200)) {
                ps[i] = 0;
                ps[i + 1] = 0;
                ps[i + 2] = 1;
                ps[i + 3] = (byte) (0xB9 + random.nextInt(0x47));
            }
            Bounded out = new Bounded();
            new CountingDemux(out).feed(ps, random);
            assertTrue(out.bytes <= ps.length);
        }
    }
}
