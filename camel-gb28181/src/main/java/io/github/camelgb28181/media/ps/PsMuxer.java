package io.github.camelgb28181.media.ps;

import io.github.camelgb28181.media.MediaCodec;

import java.io.ByteArrayOutputStream;

/**
 * Writes a program stream the way GB/T 28181 devices do (Annex C): a pack header per frame, system header and PSM
 * before key frames, the frame in video PES of at most 65,500 payload bytes, audio in its own pack. The options
 * reproduce device quirks for regression tests.
 */
public final class PsMuxer {

    /** What to write, and which device quirks to imitate. */
    public record Options(int videoStreamType, boolean writePsm, boolean audio, int maxPesPayload,
                          PesLength pesLength, boolean ptsOnEveryPes, int packStuffing, int stuffingByte,
                          boolean privateStream) {

        public static Options gb(MediaCodec codec) {
            return new Options(codec == MediaCodec.H265 ? 0x24 : 0x1B, true, false, 65_500, PesLength.EXACT, true,
                    0, 0xFF, false);
        }

        public Options withAudio() {
            return new Options(videoStreamType, writePsm, true, maxPesPayload, pesLength, ptsOnEveryPes,
                    packStuffing, stuffingByte, privateStream);
        }

        public Options withoutPsm() {
            return new Options(videoStreamType, false, audio, maxPesPayload, pesLength, ptsOnEveryPes,
                    packStuffing, stuffingByte, privateStream);
        }

        public Options withVideoStreamType(int type) {
            return new Options(type, writePsm, audio, maxPesPayload, pesLength, ptsOnEveryPes, packStuffing,
                    stuffingByte, privateStream);
        }

        /** One PES per frame however large, its length written as the device chooses. */
        public Options withSinglePes(PesLength length) {
            return new Options(videoStreamType, writePsm, audio, Integer.MAX_VALUE, length, ptsOnEveryPes,
                    packStuffing, stuffingByte, privateStream);
        }

        public Options withMaxPesPayload(int max) {
            return new Options(videoStreamType, writePsm, audio, max, pesLength, ptsOnEveryPes, packStuffing,
                    stuffingByte, privateStream);
        }

        public Options withPesLength(PesLength length) {
            return new Options(videoStreamType, writePsm, audio, maxPesPayload, length, ptsOnEveryPes,
                    packStuffing, stuffingByte, privateStream);
        }

        public Options withPtsOnFirstPesOnly() {
            return new Options(videoStreamType, writePsm, audio, maxPesPayload, pesLength, false, packStuffing,
                    stuffingByte, privateStream);
        }

        public Options withPackStuffing(int count, int value) {
            return new Options(videoStreamType, writePsm, audio, maxPesPayload, pesLength, ptsOnEveryPes, count,
                    value, privateStream);
        }

        public Options withPrivateStream() {
            return new Options(videoStreamType, writePsm, audio, maxPesPayload, pesLength, ptsOnEveryPes,
                    packStuffing, stuffingByte, true);
        }
    }

    /** How the PES_packet_length field is written. */
    public enum PesLength {
        /** The real length (what the standard says). */
        EXACT,
        /** 0: "unbounded", allowed for video (ISO/IEC 13818-1 §2.4.3.7). */
        ZERO,
        /** The real length modulo 65536: what devices write for frames over 64 KiB. */
        WRAPPED
    }

    public static final int VIDEO_ID = 0xE0;
    public static final int AUDIO_ID = 0xC0;

    private final Options options;

    public PsMuxer(Options options) {
        this.options = options;
    }

    /** One video frame as a run of packs. */
    public byte[] videoFrame(byte[] frame, long pts, boolean key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 256);
        packHeader(out, pts);
        if (key) {
            systemHeader(out);
            if (options.writePsm()) {
                streamMap(out);
            }
        }
        if (options.privateStream()) {
            // Hikvision's private data: 0xBD with bytes that would confuse a parser that read into it
            byte[] hik = { 0, 0, 1, (byte) 0xBA, 0x48, 0x4B, 0x00, 0x01, 0x02, 0x03 };
            pes(out, 0xBD, hik, -1, PesLength.EXACT);
        }
        int at = 0;
        boolean first = true;
        while (at < frame.length) {
            int n = Math.min(options.maxPesPayload(), frame.length - at);
            byte[] part = java.util.Arrays.copyOfRange(frame, at, at + n);
            pes(out, VIDEO_ID, part, first || options.ptsOnEveryPes() ? pts : -1, options.pesLength());
            at += n;
            first = false;
        }
        return out.toByteArray();
    }

    /** One G.711/AAC audio unit in its own pack. */
    public byte[] audioFrame(byte[] samples, long pts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 64);
        packHeader(out, pts);
        pes(out, AUDIO_ID, samples, pts, PesLength.EXACT);
        return out.toByteArray();
    }

    /**
     * One audio unit of an audio-only program stream (voice broadcast to a device that asked for PS): pack header,
     * and when {@code withMap} a system header and PSM naming the one audio stream with {@code streamType} (0x90
     * G.711 A-law, 0x91 G.711 µ-law, GB/T 28181-2016 Annex C), then the PES.
     */
    public byte[] audioOnlyFrame(byte[] samples, long pts, int streamType, boolean withMap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 64);
        packHeader(out, pts);
        if (withMap) {
            write(out, 0, 0, 1, 0xBB, 0, 9, 0x80, 0x5F, 0x83, 0x04, 0xE1, 0xFF, AUDIO_ID, 0xC0, 0x08);
            write(out, 0, 0, 1, 0xBC, 0, 14, 0xE0, 0xFF, 0, 0, 0, 4, streamType, AUDIO_ID, 0, 0);
            write(out, 0x12, 0x34, 0x56, 0x78); // CRC_32, as streamMap writes it
        }
        pes(out, AUDIO_ID, samples, pts, PesLength.EXACT);
        return out.toByteArray();
    }

    private void packHeader(ByteArrayOutputStream out, long scr) {
        int muxRate = 6106;
        write(out, 0, 0, 1, 0xBA,
                0x44 | (int) (scr >> 27 & 0x38) | (int) (scr >> 28 & 0x03),
                (int) (scr >> 20), 0x04 | (int) (scr >> 12 & 0xF8) | (int) (scr >> 13 & 0x03),
                (int) (scr >> 5), (int) (scr << 3 & 0xF8) | 0x04, 0x01,
                muxRate >> 14, muxRate >> 6, (muxRate << 2 & 0xFC) | 0x03,
                0xF8 | options.packStuffing());
        for (int i = 0; i < options.packStuffing(); i++) {
            out.write(options.stuffingByte());
        }
    }

    private void systemHeader(ByteArrayOutputStream out) {
        int streams = options.audio() ? 2 : 1;
        int length = 6 + 3 * streams;
        write(out, 0, 0, 1, 0xBB, length >> 8, length, 0x80, 0x5F, 0x83, 0x04, 0xE1, 0xFF);
        write(out, VIDEO_ID, 0xE0, 0x80);
        if (options.audio()) {
            write(out, AUDIO_ID, 0xC0, 0x08);
        }
    }

    private void streamMap(ByteArrayOutputStream out) {
        int entries = options.audio() ? 2 : 1;
        int mapLength = 4 * entries;
        int length = 6 + 4 + mapLength;
        write(out, 0, 0, 1, 0xBC, length >> 8, length, 0xE0, 0xFF, 0, 0, mapLength >> 8, mapLength);
        write(out, options.videoStreamType(), VIDEO_ID, 0, 0);
        if (options.audio()) {
            write(out, 0x90, AUDIO_ID, 0, 0);
        }
        write(out, 0x12, 0x34, 0x56, 0x78); // CRC_32: devices get it wrong, receivers do not check it
    }

    private static void pes(ByteArrayOutputStream out, int streamId, byte[] payload, long pts, PesLength mode) {
        int headerData = pts >= 0 ? 5 : 0;
        int length = 3 + headerData + payload.length;
        int field = switch (mode) {
            case EXACT -> {
                if (length > 0xFFFF) {
                    throw new IllegalArgumentException("PES payload too large for an exact length: " + length);
                }
                yield length;
            }
            case ZERO -> 0;
            case WRAPPED -> length & 0xFFFF;
        };
        write(out, 0, 0, 1, streamId, field >> 8, field, 0x80, pts >= 0 ? 0x80 : 0, headerData);
        if (pts >= 0) {
            write(out, 0x21 | (int) (pts >> 29 & 0x0E), (int) (pts >> 22), (int) (pts >> 14 & 0xFE) | 1,
                    (int) (pts >> 7), (int) (pts << 1 & 0xFE) | 1);
        }
        out.writeBytes(payload);
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }
}
