package io.github.camelgb28181.media.ps;

/**
 * Streaming MPEG-2 program stream demultiplexer (ISO/IEC 13818-1 §2.5, GB/T 28181-2016 Annex C), fed with RTP
 * payloads in order. Bytes may be split anywhere, inside a start code or a header included; headers are collected in
 * a small bounded buffer, PES payload is passed through without copying.
 *
 * <p>Video PES payload ends at the next program-stream start code ({@code 00 00 01} followed by a stream id of 0xB9 or
 * more), which H.264/H.265 emulation prevention guarantees never occurs inside the elementary stream. That one rule
 * covers three device behaviours: a length of 0 (video PES running to the next start code, ISO/IEC 13818-1
 * §2.4.3.7), a length written modulo 65536 on frames over 64 KiB, and a length longer than what was sent. The declared
 * length is only used to tell whether an RTP marker falls at the end of a PES. Audio payload may contain any bytes, so
 * its declared length is trusted.
 *
 * <p>Not thread-safe: one instance per stream, driven by one thread. Counters are written by that thread only and may
 * be read from others.
 */
public final class PsDemuxer {

    /** The largest header kept whole: a PES header is at most 9 + 255 bytes, a PSM or system header 6 + 65535. */
    private static final int MAX_HEADER = 6 + 0xFFFF;
    private static final int PACK_START = 0xBA;
    private static final int END_CODE = 0xB9;
    private static final int SYSTEM_HEADER = 0xBB;
    private static final int STREAM_MAP = 0xBC;
    private static final int PRIVATE_STREAM_1 = 0xBD;
    private static final int PADDING = 0xBE;
    private static final byte[] START_CODE_PREFIX = { 0, 0, 1 };

    private enum State { SYNC, HEADER, VIDEO_PAYLOAD, AUDIO_PAYLOAD, SKIP }

    private final PsListener listener;
    private final PsStreamMap streamMap = new PsStreamMap();
    private final PtsUnwrapper ptsUnwrapper = new PtsUnwrapper();

    private State state = State.SYNC;
    /** The last four bytes seen while searching for a start code, across feed calls. */
    private int syncWindow = -1;
    private byte[] header = new byte[272];
    private int headerLength;
    private int headerNeeded;
    /** Video: payload bytes the PES header declared (0: unbounded); audio/skip: bytes still to pass. */
    private int declaredPayload;
    private int payloadSeen;
    /** Video payload held back as a possible start code: 1 = {@code 00}, 2 = {@code 00 00}, 3 = {@code 00 00 01}. */
    private int heldPrefix;
    /** Bytes read in the current search for a start code, to count what was junk once it is found. */
    private int syncBytes;

    private volatile long packs;
    private volatile long pesPackets;
    private volatile long skippedBytes;
    private volatile long lengthMismatches;
    private volatile long privateStreamPackets;
    private volatile long invalidHeaders;

    public PsDemuxer(PsListener listener) {
        this.listener = listener;
    }

    /**
     * Feeds one RTP payload.
     *
     * @param marker the RTP marker bit: the device says a frame ends here. It is honoured only at a PES boundary, so a
     *               device that sets it on every packet does not cut frames apart.
     */
    public void feed(byte[] data, int offset, int length, boolean marker) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            at = switch (state) {
                case SYNC -> sync(data, at, end);
                case HEADER -> collectHeader(data, at, end);
                case VIDEO_PAYLOAD -> videoPayload(data, at, end);
                case AUDIO_PAYLOAD -> audioPayload(data, at, end);
                case SKIP -> skip(at, end);
            };
        }
        if (marker) {
            onMarker();
        }
    }

    /** Packets were lost or the sequence restarted: drop the PES in progress and search for the next start code. */
    public void discontinuity() {
        toSync();
        heldPrefix = 0;
        headerLength = 0;
        listener.onDiscontinuity();
    }

    /** Forgets everything, the stream map and timestamp history included (a new stream on the same receiver). */
    public void reset() {
        discontinuity();
        streamMap.clear();
        ptsUnwrapper.reset();
    }

    public PsStreamMap streamMap() {
        return streamMap;
    }

    public long packs() {
        return packs;
    }

    public long pesPackets() {
        return pesPackets;
    }

    /** Bytes passed over while searching for a start code (after a loss, or junk between packets). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** Video PES whose declared length disagreed with where the next start code was (wrap, zero or truncation). */
    public long lengthMismatches() {
        return lengthMismatches;
    }

    /** Private stream 1 packets (0xBD, Hikvision's private data) that were skipped. */
    public long privateStreamPackets() {
        return privateStreamPackets;
    }

    /** Pack or PES headers that broke the syntax and made the demuxer search for the next start code. */
    public long invalidHeaders() {
        return invalidHeaders;
    }

    private int sync(byte[] data, int at, int end) {
        int window = syncWindow;
        int i = at;
        while (i < end) {
            window = window << 8 | (data[i++] & 0xFF);
            if ((window & 0xFFFFFF00) == 0x100 && (window & 0xFF) >= END_CODE) {
                // what was read before the four bytes of this start code was junk
                syncBytes += i - at;
                skippedBytes += Math.max(0, syncBytes - 4);
                beginHeader(window & 0xFF);
                return i;
            }
        }
        syncBytes += end - at;
        syncWindow = window;
        return end;
    }

    private void beginHeader(int streamId) {
        header[0] = 0;
        header[1] = 0;
        header[2] = 1;
        header[3] = (byte) streamId;
        headerLength = 4;
        headerNeeded = streamId == PACK_START ? 5 : streamId == END_CODE ? 4 : 6;
        state = State.HEADER;
        if (headerNeeded == 4) {
            toSync(); // MPEG program end code: nothing follows it
        }
    }

    private int collectHeader(byte[] data, int at, int end) {
        int take = Math.min(headerNeeded - headerLength, end - at);
        System.arraycopy(data, at, header, headerLength, take);
        headerLength += take;
        if (headerLength == headerNeeded) {
            headerComplete();
        }
        return at + take;
    }

    /** Called each time the bytes asked for have arrived: either asks for more or acts on the header. */
    private void headerComplete() {
        int streamId = header[3] & 0xFF;
        if (streamId == PACK_START) {
            packHeader();
            return;
        }
        int packetLength = (header[4] & 0xFF) << 8 | (header[5] & 0xFF);
        if (streamId == STREAM_MAP || streamId == SYSTEM_HEADER) {
            if (headerNeeded == 6 && packetLength > 0) {
                need(6 + packetLength);
                return;
            }
            if (streamId == STREAM_MAP && streamMap.update(header, headerLength)) {
                listener.onStreamMap(streamMap);
            }
            toSync();
            return;
        }
        boolean video = streamId >= 0xE0 && streamId <= 0xEF;
        boolean audio = streamId >= 0xC0 && streamId <= 0xDF;
        if (!video && !audio) {
            // padding 0xBE, private streams 0xBD/0xBF (Hikvision puts its own data in 0xBD) and anything else we
            // do not decode: pass over by the declared length
            if (streamId == PRIVATE_STREAM_1) {
                privateStreamPackets++;
            }
            declaredPayload = packetLength;
            if (packetLength > 0) {
                state = State.SKIP;
            } else {
                toSync();
            }
            return;
        }
        if (headerNeeded == 6) {
            need(9);
            return;
        }
        if ((header[6] & 0xC0) != 0x80) {
            invalid(); // not the '10' marker of an MPEG-2 PES header
            return;
        }
        int headerDataLength = header[8] & 0xFF;
        if (headerNeeded == 9 && headerDataLength > 0) {
            need(9 + headerDataLength);
            return;
        }
        startPes(streamId, packetLength, headerDataLength, video);
    }

    private void need(int total) {
        if (total > MAX_HEADER) {
            invalid();
            return;
        }
        if (header.length < total) {
            byte[] bigger = new byte[Math.min(MAX_HEADER, Math.max(total, header.length * 2))];
            System.arraycopy(header, 0, bigger, 0, headerLength);
            header = bigger;
        }
        headerNeeded = total;
    }

    private void packHeader() {
        if (headerNeeded == 5) {
            int marker = header[4] & 0xFF;
            if ((marker & 0xC0) == 0x40) {
                need(14); // MPEG-2 pack header
            } else if ((marker & 0xF0) == 0x20) {
                need(12); // MPEG-1 pack header, seen from old encoders
            } else {
                invalid();
            }
            return;
        }
        if (headerNeeded == 14) {
            // pack_stuffing_length is the low 3 bits; the stuffing bytes should be 0xFF but devices send others,
            // so they are counted, not checked
            int stuffing = header[13] & 0x07;
            if (stuffing > 0) {
                need(14 + stuffing);
                return;
            }
        }
        packs++;
        toSync();
        listener.onPackHeader();
    }

    private void startPes(int streamId, int packetLength, int headerDataLength, boolean video) {
        long pts = PsListener.NO_TIMESTAMP;
        long dts = PsListener.NO_TIMESTAMP;
        int flags = (header[7] & 0xC0) >> 6;
        if (flags >= 2 && headerDataLength >= 5) {
            long rawPts = timestamp(9);
            long rawDts = flags == 3 && headerDataLength >= 10 ? timestamp(14) : rawPts;
            pts = ptsUnwrapper.unwrap(rawPts);
            // the DTS is placed relative to its own PTS so that one unwrapper serves both
            dts = pts - ((rawPts - rawDts) & (PtsUnwrapper.WRAP - 1));
        }
        pesPackets++;
        payloadSeen = 0;
        listener.onPesStart(streamId, pts, dts);
        int payload = packetLength == 0 ? 0 : packetLength - 3 - headerDataLength;
        if (payload < 0) {
            lengthMismatches++;
            payload = 0;
        }
        declaredPayload = payload;
        if (video) {
            state = State.VIDEO_PAYLOAD;
        } else if (payload > 0) {
            state = State.AUDIO_PAYLOAD;
        } else {
            endPes(); // an audio PES has no "unbounded" form (§2.4.3.7 allows length 0 for video only)
        }
    }

    /** The 33-bit PTS/DTS at {@code header[at, at + 5)}: 3 + 15 + 15 bits between marker bits (§2.4.3.6). */
    private long timestamp(int at) {
        return ((long) (header[at] & 0x0E) << 29) | ((header[at + 1] & 0xFFL) << 22)
                | ((header[at + 2] & 0xFEL) << 14) | ((header[at + 3] & 0xFFL) << 7) | ((header[at + 4] & 0xFFL) >> 1);
    }

    private int videoPayload(byte[] data, int at, int end) {
        int i = at;
        if (heldPrefix > 0) {
            i = resolveHeldPrefix(data, i, end);
            if (state != State.VIDEO_PAYLOAD || heldPrefix > 0) {
                return i;
            }
        }
        int from = i;
        while (i + 3 < end) {
            int third = data[i + 2] & 0xFF;
            if (third > 1) {
                i += 3; // no start code can begin at i, i + 1 or i + 2
            } else if (third == 1 && data[i] == 0 && data[i + 1] == 0 && (data[i + 3] & 0xFF) >= END_CODE) {
                emitVideo(data, from, i - from);
                endVideoPes();
                beginHeader(data[i + 3] & 0xFF);
                return i + 4;
            } else {
                i++;
            }
        }
        // the last up to three bytes may be the beginning of a start code that the next payload completes
        int held = trailingPrefix(data, Math.max(from, end - 3), end);
        emitVideo(data, from, end - held - from);
        heldPrefix = held;
        return end;
    }

    /**
     * Continues a possible start code that the previous payload ended with. Returns where the payload scan resumes;
     * leaves {@code heldPrefix > 0} when this payload ended too early to tell.
     */
    private int resolveHeldPrefix(byte[] data, int at, int end) {
        int i = at;
        while (heldPrefix > 0 && i < end) {
            int b = data[i] & 0xFF;
            if (heldPrefix < 2 && b == 0 || heldPrefix == 2 && b == 1) {
                heldPrefix++;
                i++;
            } else if (heldPrefix == 2 && b == 0) {
                emitVideo(START_CODE_PREFIX, 0, 1); // 00 00 00: the first zero was payload
                i++;
            } else if (heldPrefix == 3 && b >= END_CODE) {
                heldPrefix = 0;
                endVideoPes();
                beginHeader(b);
                return i + 1;
            } else {
                emitVideo(START_CODE_PREFIX, 0, heldPrefix);
                heldPrefix = 0;
            }
        }
        return i;
    }

    /** How many bytes at the end of {@code data[from, end)} are {@code 00}, {@code 00 00} or {@code 00 00 01}. */
    private static int trailingPrefix(byte[] data, int from, int end) {
        int n = end - from;
        if (n >= 3 && data[end - 3] == 0 && data[end - 2] == 0 && data[end - 1] == 1) {
            return 3;
        }
        if (n >= 2 && data[end - 2] == 0 && data[end - 1] == 0) {
            return 2;
        }
        return n >= 1 && data[end - 1] == 0 ? 1 : 0;
    }

    private void emitVideo(byte[] data, int offset, int length) {
        if (length > 0) {
            payloadSeen += length;
            listener.onPesData(data, offset, length);
        }
    }

    private void endVideoPes() {
        if (declaredPayload != 0 && payloadSeen != declaredPayload) {
            lengthMismatches++;
        }
        endPes();
    }

    private void endPes() {
        toSync();
        listener.onPesEnd();
    }

    private int audioPayload(byte[] data, int at, int end) {
        int take = Math.min(declaredPayload - payloadSeen, end - at);
        payloadSeen += take;
        listener.onPesData(data, at, take);
        if (payloadSeen == declaredPayload) {
            endPes();
        }
        return at + take;
    }

    private int skip(int at, int end) {
        int take = Math.min(declaredPayload, end - at);
        declaredPayload -= take;
        if (declaredPayload == 0) {
            toSync();
        }
        return at + take;
    }

    /**
     * The RTP marker ends a frame when the video PES is complete by its declared length, or unbounded, or already
     * past its declared length (a length written modulo 65536). A possible start code at the very end stays held and
     * primes the search, so a pack header split across the next packet is still found.
     */
    private void onMarker() {
        if (state == State.VIDEO_PAYLOAD) {
            if (declaredPayload != 0 && payloadSeen + heldPrefix < declaredPayload) {
                return;
            }
            int held = heldPrefix;
            heldPrefix = 0;
            endVideoPes();
            syncWindow = held == 3 ? 0x000001 : held == 2 ? 0xFF0000 : held == 1 ? 0xFFFF00 : -1;
            syncBytes = held;
            listener.onFrameEnd();
        } else if (state == State.SYNC) {
            listener.onFrameEnd();
        }
    }

    private void invalid() {
        invalidHeaders++;
        toSync();
    }

    private void toSync() {
        state = State.SYNC;
        syncWindow = -1;
        syncBytes = 0;
    }
}
