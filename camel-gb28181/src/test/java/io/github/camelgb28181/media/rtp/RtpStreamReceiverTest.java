package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.CollectingListener;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.GbStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.ps.PsMuxer;
import io.github.camelgb28181.media.codec.ParameterSets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Source elementary stream → GB muxer → RTP → {@link RtpStreamReceiver} → the same access units. */
class RtpStreamReceiverTest {

    static final long MS = 1_000_000L;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("h264 320x180", ElementaryStream.h264Small(), false),
                Arguments.of("h264 320x180 + G.711A", ElementaryStream.h264Small(), true),
                Arguments.of("h264 1280x720 > 64 KiB", ElementaryStream.h264Big(), true),
                Arguments.of("h264 176x144 4:4:4", ElementaryStream.h264Yuv444(), false),
                Arguments.of("h265 320x180", ElementaryStream.h265Small(), false),
                Arguments.of("h265 320x180 + G.711A", ElementaryStream.h265Small(), true),
                Arguments.of("h265 1280x720 > 64 KiB", ElementaryStream.h265Big(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void deliversTheSourceAccessUnitsByteForByte(String name, ElementaryStream es, boolean audio) {
        PsMuxer.Options options = PsMuxer.Options.gb(es.codec());
        GbStream stream = GbStream.build(es, audio ? options.withAudio() : options, 900_000, 65_000);
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), listener);

        long now = feed(receiver, stream.packets(), 0);

        List<AccessUnit> video = listener.video();
        assertEquals(stream.frames().size(), video.size(), "one access unit per source frame");
        for (int i = 0; i < video.size(); i++) {
            AccessUnit unit = video.get(i);
            assertArrayEquals(stream.frames().get(i).data(), unit.data(), "frame " + i);
            assertEquals(stream.frames().get(i).key(), unit.keyFrame(), "key flag of frame " + i);
            assertEquals(stream.pts()[i], unit.pts(), "pts of frame " + i);
            assertEquals(es.codec(), unit.codec());
            if (i > 0) {
                assertTrue(unit.pts() > video.get(i - 1).pts(), "PTS monotonic");
            }
        }
        List<AccessUnit> sound = listener.audio();
        assertEquals(stream.audio().size(), sound.size());
        for (int i = 0; i < sound.size(); i++) {
            assertArrayEquals(stream.audio().get(i), sound.get(i).data(), "audio unit " + i);
            assertEquals(MediaCodec.G711A, sound.get(i).codec());
        }

        StreamStatistics stats = receiver.statistics();
        assertEquals(stream.packets().size(), stats.packets());
        assertEquals(0, stats.lost() + stats.duplicates() + stats.droppedFrames() + stats.invalidPackets());
        assertEquals(video.size(), stats.frames());
        assertEquals(es.keyFrameCount(), stats.keyFrames());
        assertEquals(stream.audio().size(), stats.audioUnits());
        assertEquals(es.codec(), stats.videoCodec());
        assertEquals(es.width(), stats.width(), "width as ffprobe reported it");
        assertEquals(es.height(), stats.height(), "height as ffprobe reported it");
        assertEquals(25.0, stats.framesPerSecond(), 0.01);
        assertEquals(0, stats.codecMismatches());

        ParameterSets sets = receiver.parameterSets();
        assertNotNull(sets);
        assertTrue(sets.complete());
        assertEquals(es.width(), sets.width());
        assertEquals(1, listener.parameterSets.size(), "the repeated parameter sets are reported once");
        assertEquals(1, listener.firstPackets);
        assertEquals(GbStream.SSRC, listener.firstSsrc);
        assertEquals(1, listener.firstKeyFrames.size());
        assertTrue(listener.mismatches.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void lossAndReorderingNeverYieldACorruptFrame(String name, ElementaryStream es, boolean audio) {
        PsMuxer.Options options = PsMuxer.Options.gb(es.codec());
        // repeat the fixture so that the loss has several GOPs to recover in
        List<ElementaryStream.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.addAll(es.frames());
        }
        ElementaryStream longer = new ElementaryStream(es.codec(), es.width(), es.height(), frames);
        GbStream stream = GbStream.build(longer, audio ? options.withAudio() : options, 0, 1234);
        Random random = new Random(name.hashCode());
        List<byte[]> sent = new ArrayList<>(stream.packets());
        int dropped = 0;
        int duplicated = 0;
        List<byte[]> network = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            boolean edge = i < 5 || i >= sent.size() - 5; // losses there cannot be seen as gaps
            double dice = random.nextDouble();
            if (!edge && dice < 0.05) {
                dropped++;
            } else if (!edge && dice < 0.06) {
                network.add(sent.get(i));
                network.add(sent.get(i));
                duplicated++;
            } else {
                network.add(sent.get(i));
            }
        }
        for (int i = 5; i + 3 < network.size() - 5; i++) {
            if (random.nextDouble() < 0.05) {
                int j = i + 1 + random.nextInt(3);
                byte[] t = network.get(i);
                network.set(i, network.get(j));
                network.set(j, t);
            }
        }

        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver[] holder = new RtpStreamReceiver[1];
        List<Boolean> lossBefore = new ArrayList<>();
        long[] lostSeen = { 0 };
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), new io.github.camelgb28181.media
                .AccessUnitListener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
                listener.onAccessUnit(unit);
                if (unit.isVideo()) {
                    long lost = holder[0].statistics().lost();
                    lossBefore.add(lost > lostSeen[0]);
                    lostSeen[0] = lost;
                }
            }
        });
        holder[0] = receiver;
        long now = 0;
        for (byte[] packet : network) {
            receiver.onPacket(packet, 0, packet.length, now += MS);
            receiver.tick(now);
        }
        receiver.flush();

        List<AccessUnit> video = listener.video();
        assertFalse(video.isEmpty());
        assertTrue(video.size() < longer.frames().size(), "the loss must have cost frames");
        for (int k = 0; k < video.size(); k++) {
            AccessUnit unit = video.get(k);
            int index = (int) (unit.pts() / GbStream.FRAME_TICKS);
            assertEquals(index * GbStream.FRAME_TICKS, unit.pts());
            assertArrayEquals(longer.frames().get(index).data(), unit.data(), "emitted frame " + index + " is whole");
            if (lossBefore.get(k)) {
                assertTrue(unit.keyFrame(), "after a loss video resumes with a key frame, not frame " + index);
            }
        }
        for (AccessUnit unit : listener.audio()) {
            int index = (int) (unit.pts() / GbStream.FRAME_TICKS);
            assertArrayEquals(stream.audio().get(index), unit.data());
        }

        StreamStatistics stats = receiver.statistics();
        assertEquals(network.size(), stats.packets());
        assertEquals(dropped, stats.lost(), "every dropped packet is counted lost, no more");
        assertEquals(duplicated, stats.duplicates());
        assertEquals(0, stats.late());
        assertTrue(stats.reordered() > 0);
        assertEquals(video.size(), stats.frames());
        assertEquals(video.stream().filter(AccessUnit::keyFrame).count(), stats.keyFrames());
        assertEquals(25.0, stats.framesPerSecond(), 2.5, "frame rate of the stream, not of what survived");
        assertTrue(stats.frames() + stats.droppedFrames() <= longer.frames().size());
        assertTrue(stats.recoveries() >= 1, "video came back after a loss");
        assertTrue(stats.recoveries() <= dropped);
    }

    @Test
    void locksOnTheFirstPayloadTypeAndCountsOthers() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 0);
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), listener);
        RtpPacketizer other = new RtpPacketizer(GbStream.SSRC, 30_000, 98);
        long now = 0;
        for (byte[] packet : stream.packets()) {
            receiver.onPacket(packet, 0, packet.length, now += MS);
            byte[] stray = other.packet(new byte[] { 0, 0, 1, 9, 0x10 }, 0, 5, 0, true);
            receiver.onPacket(stray, 0, stray.length, now);
        }
        assertEquals(stream.packets().size(), receiver.statistics().payloadTypeMismatches());
        assertEquals(es.frames().size(), listener.video().size());
    }

    @Test
    void strictSsrcDropsOtherSourcesAndLearnAdoptsTheFirst() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 0);
        byte[] intruder = new RtpPacketizer(42, 7).packet(new byte[100], 0, 100, 0, false);

        CollectingListener strictListener = new CollectingListener();
        RtpStreamReceiver strict = new RtpStreamReceiver(
                RtpReceiverConfig.udp().withSsrc(SsrcPolicy.STRICT, GbStream.SSRC), strictListener);
        strict.onPacket(intruder, 0, intruder.length, 0);
        CollectingListener learnListener = new CollectingListener();
        RtpStreamReceiver learn = new RtpStreamReceiver(RtpReceiverConfig.udp(), learnListener);
        long now = 0;
        for (byte[] packet : stream.packets()) {
            strict.onPacket(packet, 0, packet.length, now += MS);
            learn.onPacket(packet, 0, packet.length, now);
            learn.onPacket(intruder, 0, intruder.length, now);
        }
        assertEquals(1, strict.statistics().ssrcMismatches());
        assertEquals(es.frames().size(), strictListener.video().size());
        assertEquals(GbStream.SSRC, learn.ssrc());
        assertEquals(stream.packets().size(), learn.statistics().ssrcMismatches());
        assertEquals(es.frames().size(), learnListener.video().size());

        CollectingListener wrongListener = new CollectingListener();
        RtpStreamReceiver wrong = new RtpStreamReceiver(RtpReceiverConfig.udp().withSsrc(SsrcPolicy.STRICT, 43),
                wrongListener);
        feed(wrong, stream.packets(), now);
        assertTrue(wrongListener.units.isEmpty());
        assertEquals(0, wrongListener.firstPackets);
    }

    @Test
    void aReInviteWithNewSequenceNumbersIsFollowed() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream first = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 100);
        GbStream second = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 40_000);
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), listener);
        feed(receiver, second.packets(), feed(receiver, first.packets(), 0));
        List<AccessUnit> video = listener.video();
        assertEquals(2 * es.frames().size(), video.size(), "nothing of the new sequence is lost");
        assertArrayEquals(es.frames().get(0).data(), video.get(es.frames().size()).data());
        assertEquals(1, receiver.statistics().sequenceResets());
    }

    @Test
    void ssrcPolicyOffFollowsANewSourceAndResetForgetsTheOldStream() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream first = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 100);
        List<byte[]> other = new ArrayList<>();
        for (byte[] packet : first.packets()) {
            byte[] copy = packet.clone();
            copy[11] ^= 1; // another SSRC, same sequence numbers: nothing of it may look like a duplicate
            other.add(copy);
        }
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp().withSsrc(SsrcPolicy.OFF, -1),
                listener);
        long now = feed(receiver, other, feed(receiver, first.packets(), 0));
        assertEquals(2 * es.frames().size(), listener.video().size());
        assertEquals(0, receiver.statistics().duplicates());

        receiver.reset();
        assertEquals(null, receiver.parameterSets());
        feed(receiver, first.packets(), now);
        assertEquals(3 * es.frames().size(), listener.video().size());
        assertEquals(es.width(), receiver.parameterSets().width(), "parameter sets learnt again after reset");
    }

    @Test
    void directNettyBuffersAreReadWithoutMovingTheReaderIndex() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 0);
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.tcp(), listener);
        long now = 0;
        for (byte[] packet : stream.packets()) {
            io.netty.buffer.ByteBuf direct = io.netty.buffer.Unpooled.directBuffer(packet.length);
            direct.writeBytes(packet);
            receiver.onPacket(direct, now += MS);
            assertEquals(0, direct.readerIndex());
            direct.release();
        }
        assertEquals(es.frames().size(), listener.video().size());
        assertArrayEquals(es.frames().get(9).data(), listener.video().get(9).data());
    }

    @Test
    void bitRateOverTheLastSecondAndZeroAfterSilence() {
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = new RtpStreamReceiver(RtpReceiverConfig.udp(), listener);
        RtpPacketizer packetizer = new RtpPacketizer(GbStream.SSRC, 0);
        long now = 0;
        for (int i = 0; i < 150; i++) { // 50 packets of 1,000 bytes a second: 400 kbit/s
            byte[] packet = packetizer.packet(new byte[988], 0, 988, i * 1800L, false);
            receiver.onPacket(packet, 0, packet.length, now);
            now += 20 * MS;
        }
        assertEquals(400_000, receiver.statistics().bitsPerSecond(), 400_000 * 0.03);
        receiver.tick(now + 3000 * MS);
        assertEquals(0, receiver.statistics().bitsPerSecond());
    }

    /** Feeds packets one millisecond apart and returns the time of the last. */
    static long feed(RtpStreamReceiver receiver, List<byte[]> packets, long start) {
        long now = start;
        for (byte[] packet : packets) {
            receiver.onPacket(packet, 0, packet.length, now += MS);
        }
        return now;
    }
}
