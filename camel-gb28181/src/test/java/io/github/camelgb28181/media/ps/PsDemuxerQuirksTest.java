package io.github.camelgb28181.media.ps;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.CollectingListener;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.GbStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.ps.PsMuxer.PesLength;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Program streams as real devices write them (SPEC §5), each quirk with the bytes that show it. */
class PsDemuxerQuirksTest {

    /** Demuxes the RTP payloads of {@code stream}, as the receiver would, and returns what came out. */
    static Demuxed demux(GbStream stream) {
        CollectingListener listener = new CollectingListener();
        AccessUnitAssembler assembler = new AccessUnitAssembler(listener, 8 << 20);
        PsDemuxer demuxer = new PsDemuxer(assembler);
        for (byte[] packet : stream.packets()) {
            demuxer.feed(packet, 12, packet.length - 12, (packet[1] & 0x80) != 0);
        }
        return new Demuxed(listener, demuxer, assembler);
    }

    record Demuxed(CollectingListener listener, PsDemuxer demuxer, AccessUnitAssembler assembler) {
    }

    static void assertFramesIdentical(GbStream stream, List<AccessUnit> video) {
        assertEquals(stream.frames().size(), video.size(), "frames");
        for (int i = 0; i < video.size(); i++) {
            assertArrayEquals(stream.frames().get(i).data(), video.get(i).data(), "frame " + i);
            assertEquals(stream.frames().get(i).key(), video.get(i).keyFrame(), "key flag of frame " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h264", "h265" })
    void pesLengthWrittenModulo65536OnFramesOver64KiB(String codec) {
        ElementaryStream es = codec.equals("h264") ? ElementaryStream.h264Big() : ElementaryStream.h265Big();
        assertTrue(es.frames().get(0).data().length > 0xFFFF, "the fixture has a frame over 64 KiB");
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(es.codec()).withSinglePes(PesLength.WRAPPED), 0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        long oversized = es.frames().stream().filter(f -> f.data().length + 8 > 0xFFFF).count();
        assertEquals(oversized, out.demuxer().lengthMismatches(), "each wrapped length is noticed");
    }

    @Test
    void largeFrameSplitOverSeveralPesWithTheSamePts() {
        ElementaryStream es = ElementaryStream.h264Big();
        GbStream every = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264), 0, 0);
        GbStream first = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264).withPtsOnFirstPesOnly(), 0, 0);
        assertFramesIdentical(every, demux(every).listener().video());
        assertFramesIdentical(first, demux(first).listener().video());
        assertEquals(0, demux(every).demuxer().lengthMismatches());
    }

    @ParameterizedTest
    @ValueSource(strings = { "h264", "h265" })
    void zeroLengthVideoPes(String codec) {
        ElementaryStream es = codec.equals("h264") ? ElementaryStream.h264Small() : ElementaryStream.h265Big();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(es.codec()).withPesLength(PesLength.ZERO).withAudio(),
                0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        assertEquals(stream.audio().size(), out.listener().audio().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "h264", "h265" })
    void missingPsmIsGuessedFromTheNalUnits(String codec) {
        ElementaryStream es = codec.equals("h264") ? ElementaryStream.h264Small() : ElementaryStream.h265Small();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(es.codec()).withoutPsm().withAudio(), 0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        assertTrue(out.listener().video().stream().allMatch(u -> u.codec() == es.codec()));
        assertTrue(out.listener().audio().stream().allMatch(u -> u.codec() == MediaCodec.G711A),
                "audio on 0xC0 without PSM is taken for G.711A");
        assertEquals(es.width(), out.assembler().width());
        assertTrue(out.listener().mismatches.isEmpty());
    }

    @Test
    void aacWithoutPsmIsRecognisedByItsAdtsSyncword() {
        byte[] adts = ElementaryStream.resource("aac-16k-mono.adts");
        int frameLength = (adts[3] & 0x03) << 11 | (adts[4] & 0xFF) << 3 | (adts[5] & 0xE0) >> 5;
        byte[] first = java.util.Arrays.copyOf(adts, frameLength);
        PsMuxer muxer = new PsMuxer(PsMuxer.Options.gb(MediaCodec.H264).withoutPsm());
        CollectingListener listener = new CollectingListener();
        PsDemuxer demuxer = new PsDemuxer(new AccessUnitAssembler(listener, 1 << 20));
        byte[] ps = muxer.audioFrame(first, 9000);
        demuxer.feed(ps, 0, ps.length, true);
        assertEquals(1, listener.units.size());
        assertEquals(MediaCodec.AAC, listener.units.get(0).codec());
        assertArrayEquals(first, listener.units.get(0).data());
        assertEquals(9000, listener.units.get(0).pts());
    }

    @Test
    void psmThatClaimsH264ForH265ContentLosesToTheContent() {
        ElementaryStream es = ElementaryStream.h265Small();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H265).withVideoStreamType(0x1B), 0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        assertTrue(out.listener().video().stream().allMatch(u -> u.codec() == MediaCodec.H265));
        assertEquals(1, out.listener().mismatches.size(), "reported once, not per frame");
        assertEquals(MediaCodec.H264, out.listener().mismatches.get(0)[0]);
        assertEquals(MediaCodec.H265, out.listener().mismatches.get(0)[1]);
        assertEquals(es.width(), out.assembler().parameterSets().width());
    }

    @Test
    void hikvisionPrivateStreamIsSkipped() {
        ElementaryStream es = ElementaryStream.h264Small();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264).withPrivateStream(), 0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        assertEquals(es.frames().size(), out.demuxer().privateStreamPackets());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x00, 0xA5, 0x01 })
    void packStuffingBytesOtherThan0xFF(int stuffingByte) {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264).withPackStuffing(7, stuffingByte),
                0, 0);
        Demuxed out = demux(stream);
        assertFramesIdentical(stream, out.listener().video());
        assertEquals(es.frames().size(), out.demuxer().packs());
    }

    @Test
    void ptsKeepsCountingAcrossThe33BitWrap() {
        ElementaryStream es = ElementaryStream.h264Small();
        long start = (1L << 33) - 10 * GbStream.FRAME_TICKS;
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264).withAudio(), start, 0);
        assertTrue(stream.pts()[20] < stream.pts()[0], "the muxed PTS wrapped");
        Demuxed out = demux(stream);
        List<AccessUnit> video = out.listener().video();
        assertFramesIdentical(stream, video);
        for (int i = 0; i < video.size(); i++) {
            assertEquals(start + i * GbStream.FRAME_TICKS, video.get(i).pts(), "unwrapped pts of frame " + i);
        }
        List<AccessUnit> audio = out.listener().audio();
        assertEquals(start + 30 * GbStream.FRAME_TICKS, audio.get(30).pts());
    }

    @Test
    void payloadSplitAtEveryPositionIncludingInsideStartCodesAndHeaders() {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        GbStream stream = GbStream.build(es, PsMuxer.Options.gb(MediaCodec.H264).withAudio(), 0, 0);
        byte[] ps = stream.programStream();
        // one cut at each of the first 400 positions: through the pack header, system header, PSM, PES header and
        // the first NAL start codes
        for (int cut = 1; cut < 400; cut++) {
            CollectingListener listener = new CollectingListener();
            PsDemuxer demuxer = new PsDemuxer(new AccessUnitAssembler(listener, 8 << 20));
            demuxer.feed(ps, 0, cut, false);
            demuxer.feed(ps, cut, ps.length - cut, true);
            assertFramesIdentical(stream, listener.video());
            assertEquals(0, demuxer.skippedBytes(), "cut at " + cut);
        }
        // and tiny random pieces everywhere
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            CollectingListener listener = new CollectingListener();
            PsDemuxer demuxer = new PsDemuxer(new AccessUnitAssembler(listener, 8 << 20));
            int at = 0;
            while (at < ps.length) {
                int n = Math.min(ps.length - at, 1 + random.nextInt(5));
                demuxer.feed(ps, at, n, at + n == ps.length);
                at += n;
            }
            assertFramesIdentical(stream, listener.video());
            assertEquals(stream.audio().size(), listener.audio().size());
        }
    }

    /**
     * A key frame of two slices in two PES, the second PES starting at the second slice's start code. A loss in the
     * first PES must not let the second pass as a key frame of its own, whether it repeats the PTS or has none.
     */
    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aLossInsideAFrameDoesNotLetItsLaterSlicesPassAsAFrame(boolean ptsOnEveryPes) {
        ElementaryStream es = ElementaryStream.h264Yuv444();
        byte[] frame = es.frames().get(0).data();
        int idr = indexOf(frame, new byte[] { 0, 0, 1, 0x65 });
        byte[] twoSlices = java.util.Arrays.copyOf(frame, frame.length + frame.length - idr);
        System.arraycopy(frame, idr, twoSlices, frame.length, frame.length - idr);
        PsMuxer.Options options = PsMuxer.Options.gb(MediaCodec.H264).withMaxPesPayload(frame.length);
        PsMuxer muxer = new PsMuxer(ptsOnEveryPes ? options : options.withPtsOnFirstPesOnly());
        byte[] broken = muxer.videoFrame(twoSlices, 0, true);
        byte[] next = muxer.videoFrame(es.frames().get(5).data(), 5 * GbStream.FRAME_TICKS, true);
        int secondPes = indexOf(broken, new byte[] { 0, 0, 1, (byte) 0xE0 }) + 100;
        secondPes = secondPes + indexOf(java.util.Arrays.copyOfRange(broken, secondPes, broken.length),
                new byte[] { 0, 0, 1, (byte) 0xE0 });

        CollectingListener listener = new CollectingListener();
        PsDemuxer demuxer = new PsDemuxer(new AccessUnitAssembler(listener, 8 << 20));
        demuxer.feed(broken, 0, secondPes - 500, false);
        demuxer.discontinuity(); // the packet that held [secondPes - 500, secondPes - 100) was lost
        demuxer.feed(broken, secondPes - 100, broken.length - (secondPes - 100), true);
        demuxer.feed(next, 0, next.length, true);

        assertEquals(1, listener.units.size(), "only the next key frame");
        assertArrayEquals(es.frames().get(5).data(), listener.units.get(0).data());
    }

    static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    /**
     * The bytes of one frame as a camera sent them: MPEG-2 pack header with two stuffing bytes that are not 0xFF, a
     * PSM declaring H.264 and G.711A, Hikvision's 0xBD private packet, and a video PES of length 0 holding an AUD and
     * an IDR slice header.
     */
    @Test
    void handWrittenHikvisionStyleFrame() {
        byte[] frame = HexFormat.of().parseHex(""
                + "000001ba" + "44000400040101" + "89c3" + "fa" + "0000"
                + "000001bc" + "0012" + "e0ff" + "0000" + "0008" + "1be00000" + "90c00000" + "2a7b9c1d"
                + "000001bd" + "0006" + "8180003a1b2c"
                + "000001e0" + "0000" + "8080" + "05" + "2100010001"
                + "0000000109f0" + "0000000165888400ffe1"
                + "000001ba" + "44000400040101" + "89c3" + "f8");
        CollectingListener listener = new CollectingListener();
        PsDemuxer demuxer = new PsDemuxer(new AccessUnitAssembler(listener, 1 << 20));
        demuxer.feed(frame, 0, frame.length, false);
        assertEquals(1, listener.units.size());
        AccessUnit unit = listener.units.get(0);
        assertArrayEquals(HexFormat.of().parseHex("0000000109f0" + "0000000165888400ffe1"), unit.data());
        assertEquals(MediaCodec.H264, unit.codec());
        assertTrue(unit.keyFrame());
        assertEquals(0, unit.pts());
        assertEquals(1, demuxer.privateStreamPackets());
        assertEquals(MediaCodec.G711A, demuxer.streamMap().codec(0xC0));
        assertEquals(2, demuxer.packs());
        assertEquals(0, demuxer.skippedBytes());
    }
}
