package io.github.camelgb28181.media.ps;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.NalUnits;
import io.github.camelgb28181.media.codec.ParameterSetTracker;
import io.github.camelgb28181.media.codec.ParameterSets;

/**
 * Builds access units from what {@link PsDemuxer} reports: a video frame is the payload of consecutive video PES up
 * to the RTP marker, the next pack header (GB/T 28181 devices start each frame with one) or a PES with a new PTS,
 * whichever comes first; PES without a PTS continue the frame. Each audio PES is one unit.
 *
 * <p>After a loss the frame being built is dropped and video is held until a key frame that is known to be whole:
 * it must follow a pack header, carry a PTS other than the broken frame's, and its first PES must begin with a start
 * code (a resync that lands on the second PES of a split frame would otherwise pass a headless slice on). Audio goes
 * on. Every buffer is capped by {@code maxAccessUnitSize}; a frame beyond it is dropped like a lost one.
 *
 * <p>Not thread-safe: driven by the demuxer's thread. Counters are written by that thread only and may be read from
 * others.
 */
public final class AccessUnitAssembler implements PsListener {

    /** The default cap of one access unit: far above any camera's key frame, far below a memory problem. */
    public static final int DEFAULT_MAX_ACCESS_UNIT_SIZE = 8 * 1024 * 1024;

    private static final int NONE = 0;
    private static final int VIDEO = 1;
    private static final int AUDIO = 2;
    private static final double FPS_SMOOTHING = 0.1;
    /**
     * How far into a frame the codec is looked for: parameter sets, AUD and IRAP/IDR headers sit at its start, and
     * scanning a whole P-frame's slice for proof that is never there would cost a pass over every byte.
     */
    private static final int CODEC_PROOF_WINDOW = 4096;

    private final AccessUnitListener listener;
    private final int maxAccessUnitSize;
    private final GrowableBuffer video;
    private final GrowableBuffer audio;
    private final ParameterSetTracker parameterSets = new ParameterSetTracker();

    private PsStreamMap streamMap;
    private int current = NONE;
    private boolean videoOpen;
    private boolean videoBroken;
    private long videoPts;
    private long videoDts;
    private long lastVideoPts = PsListener.NO_TIMESTAMP;
    private boolean audioOpen;
    private boolean audioBroken;
    private int audioStreamId;
    private long audioPts;

    private boolean waitingForKeyFrame = true;
    /** Video must restart at a clean frame: after a pack header, at a start code (initially and after a loss). */
    private boolean resyncing = true;
    private boolean needPackHeader = true;
    private boolean recovering;
    private long brokenPts = PsListener.NO_TIMESTAMP;
    private boolean firstKeyFrameSeen;
    private MediaCodec reportedMismatch;

    /** Published for readers on other threads; the tracker itself belongs to the feeding thread. */
    private volatile ParameterSets latestParameterSets;
    private volatile MediaCodec videoCodec;
    private volatile MediaCodec audioCodec;
    private volatile long frames;
    private volatile long keyFrames;
    private volatile long droppedFrames;
    private volatile long oversizedUnits;
    private volatile long recoveries;
    private volatile long audioUnits;
    private volatile long codecMismatches;
    private volatile double averageFrameInterval;

    public AccessUnitAssembler(AccessUnitListener listener, int maxAccessUnitSize) {
        if (maxAccessUnitSize < 1024) {
            throw new IllegalArgumentException("maxAccessUnitSize must be at least 1024 bytes: " + maxAccessUnitSize);
        }
        this.listener = listener;
        this.maxAccessUnitSize = maxAccessUnitSize;
        this.video = new GrowableBuffer(maxAccessUnitSize);
        this.audio = new GrowableBuffer(maxAccessUnitSize);
    }

    @Override
    public void onPackHeader() {
        if (videoOpen) {
            finishVideo();
        }
        needPackHeader = false;
    }

    @Override
    public void onStreamMap(PsStreamMap map) {
        streamMap = map;
    }

    @Override
    public void onPesStart(int streamId, long pts, long dts) {
        if (streamId >= 0xE0 && streamId <= 0xEF) {
            startVideoPes(pts, dts);
        } else if (streamId >= 0xC0 && streamId <= 0xDF) {
            dropAudio();
            current = AUDIO;
            audioOpen = true;
            audioStreamId = streamId;
            audioPts = pts == PsListener.NO_TIMESTAMP ? Math.max(lastVideoPts, 0) : pts;
        } else {
            current = NONE;
        }
    }

    private void startVideoPes(long pts, long dts) {
        if (videoOpen && pts != PsListener.NO_TIMESTAMP && pts != videoPts) {
            finishVideo();
        }
        current = VIDEO;
        if (videoOpen) {
            return;
        }
        if (needPackHeader || pts != PsListener.NO_TIMESTAMP && pts == brokenPts) {
            current = NONE; // the rest of a frame that a loss cut into
            return;
        }
        videoOpen = true;
        videoBroken = false;
        videoPts = pts != PsListener.NO_TIMESTAMP ? pts : Math.max(lastVideoPts, 0);
        videoDts = dts != PsListener.NO_TIMESTAMP ? dts : videoPts;
        measureFrameInterval(videoPts);
    }

    /** Every frame that starts counts, delivered or not, so that losses do not make the stream look slower. */
    private void measureFrameInterval(long pts) {
        if (lastVideoPts != PsListener.NO_TIMESTAMP) {
            long interval = pts - lastVideoPts;
            if (interval > 0 && interval < 90_000 * 2) {
                double average = averageFrameInterval;
                averageFrameInterval = average == 0 ? interval : average + FPS_SMOOTHING * (interval - average);
            }
        }
        lastVideoPts = pts;
    }

    @Override
    public void onPesData(byte[] data, int offset, int length) {
        if (current == VIDEO && videoOpen && !videoBroken) {
            boolean unchecked = resyncing && video.length() < 4;
            if (!video.append(data, offset, length)) {
                oversizedUnits++;
                videoBroken = true;
            } else if (unchecked && video.length() >= 4 && !startsWithStartCode(video.array())) {
                videoBroken = true; // a frame after a loss must begin with a NAL unit, not in the middle of one
            }
        } else if (current == AUDIO && audioOpen && !audioBroken && !audio.append(data, offset, length)) {
            oversizedUnits++;
            audioBroken = true;
        }
    }

    @Override
    public void onPesEnd() {
        if (current == AUDIO) {
            finishAudio();
        }
        current = NONE;
    }

    @Override
    public void onFrameEnd() {
        if (videoOpen) {
            finishVideo();
        }
    }

    @Override
    public void onDiscontinuity() {
        brokenPts = videoOpen ? videoPts : PsListener.NO_TIMESTAMP;
        if (videoOpen) {
            drop();
        }
        dropAudio();
        current = NONE;
        waitingForKeyFrame = true;
        resyncing = true;
        recovering = true;
        needPackHeader = true;
    }

    /** Forgets the codec and parameter sets, for a new stream on the same receiver. */
    public void reset() {
        onDiscontinuity();
        recovering = false;
        streamMap = null;
        parameterSets.clear();
        latestParameterSets = null;
        lastVideoPts = PsListener.NO_TIMESTAMP;
        brokenPts = PsListener.NO_TIMESTAMP;
        reportedMismatch = null;
    }

    private void finishVideo() {
        videoOpen = false;
        if (videoBroken || video.length() == 0) {
            drop();
            return;
        }
        byte[] data = video.array();
        int length = video.length();
        MediaCodec codec = videoCodec(data, length);
        boolean key = scanNalUnits(codec, data, length);
        if (parameterSets.takeChanged()) {
            ParameterSets sets = parameterSets.current();
            if (sets != null) {
                latestParameterSets = sets;
                listener.onParameterSets(sets);
            }
        }
        if (waitingForKeyFrame && !key) {
            drop();
            return;
        }
        if (waitingForKeyFrame) {
            waitingForKeyFrame = false;
            resyncing = false;
            if (recovering) {
                recoveries++;
                recovering = false;
            }
        }
        AccessUnit unit = new AccessUnit(codec, videoPts, videoDts, key, video.copy());
        video.clear();
        countFrame(key);
        if (key && !firstKeyFrameSeen) {
            firstKeyFrameSeen = true;
            listener.onFirstKeyFrame(unit);
        }
        listener.onAccessUnit(unit);
    }

    private void countFrame(boolean key) {
        frames++;
        if (key) {
            keyFrames++;
        }
    }

    private void drop() {
        videoOpen = false;
        if (video.length() > 0 || videoBroken) {
            droppedFrames++;
        }
        video.clear();
        videoBroken = false;
    }

    /**
     * The codec the content shows wins over the PSM's claim (SPEC §5: PSMs that list what the stream does not carry);
     * without a PSM and without proof in the content the last known codec stays.
     */
    private MediaCodec videoCodec(byte[] data, int length) {
        MediaCodec declared = streamMap == null ? null : firstVideoCodec(streamMap);
        MediaCodec detected = NalUnits.guessCodec(data, 0, Math.min(length, CODEC_PROOF_WINDOW));
        MediaCodec codec = detected != null ? detected : videoCodec != null ? videoCodec
                : declared != null ? declared : MediaCodec.UNKNOWN;
        if (detected != null && declared != null && declared != detected && reportedMismatch != detected) {
            reportedMismatch = detected;
            codecMismatches++;
            listener.onCodecMismatch(declared, detected);
        }
        videoCodec = codec;
        return codec;
    }

    private static MediaCodec firstVideoCodec(PsStreamMap map) {
        for (int id = 0xE0; id <= 0xEF; id++) {
            MediaCodec codec = map.codec(id);
            if (codec != null) {
                return codec;
            }
        }
        return null;
    }

    /** Records parameter sets and tells whether the frame holds a key-frame slice. */
    private boolean scanNalUnits(MediaCodec codec, byte[] data, int length) {
        if (codec != MediaCodec.H264 && codec != MediaCodec.H265) {
            return codec != MediaCodec.MPEG4 || isMpeg4IntraVop(data, length);
        }
        boolean key = false;
        int nal = NalUnits.nextNalStart(data, 0, length);
        while (nal >= 0 && nal < length) {
            int next = NalUnits.nextNalStart(data, nal, length);
            int end = next < 0 ? length : next - 3;
            parameterSets.accept(codec, data, nal, end);
            key |= NalUnits.isKeyFrameNal(codec, data[nal]);
            nal = next;
        }
        return key;
    }

    /** MPEG-4 Part 2: a VOP start code (0x000001B6) whose vop_coding_type (first two bits) is 0, an I-VOP. */
    private static boolean isMpeg4IntraVop(byte[] data, int length) {
        int at = NalUnits.nextNalStart(data, 0, length);
        while (at >= 0 && at + 1 < length) {
            if ((data[at] & 0xFF) == 0xB6) {
                return (data[at + 1] & 0xC0) == 0;
            }
            at = NalUnits.nextNalStart(data, at, length);
        }
        return false;
    }

    private void finishAudio() {
        audioOpen = false;
        if (audioBroken || audio.length() == 0) {
            dropAudio();
            return;
        }
        MediaCodec codec = audioCodec(audio.array(), audio.length());
        AccessUnit unit = new AccessUnit(codec, audioPts, audioPts, false, audio.copy());
        audio.clear();
        audioUnits++;
        listener.onAccessUnit(unit);
    }

    private void dropAudio() {
        audioOpen = false;
        audioBroken = false;
        audio.clear();
    }

    /**
     * The PSM's audio codec unless the bytes prove AAC (ADTS syncword 0xFFF, ISO/IEC 13818-7 §6.2); without a PSM a
     * stream that is not ADTS is taken for G.711A, the audio GB/T 28181 devices send by default.
     */
    private MediaCodec audioCodec(byte[] data, int length) {
        MediaCodec declared = streamMap == null ? null : streamMap.codec(audioStreamId);
        boolean adts = length >= 7 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xF6) == 0xF0;
        MediaCodec codec;
        if (adts) {
            codec = MediaCodec.AAC;
        } else if (declared != null && declared != MediaCodec.UNKNOWN && declared != MediaCodec.AAC) {
            codec = declared;
        } else if (declared == MediaCodec.AAC) {
            codec = MediaCodec.AAC; // raw AAC without ADTS: nothing in the bytes proves otherwise
        } else {
            codec = MediaCodec.G711A;
        }
        audioCodec = codec;
        return codec;
    }

    private static boolean startsWithStartCode(byte[] data) {
        return data[0] == 0 && data[1] == 0 && (data[2] == 1 || data[2] == 0 && data[3] == 1);
    }

    /** The latest parameter sets, or {@code null} before any; safe to call from any thread. */
    public ParameterSets parameterSets() {
        return latestParameterSets;
    }

    public MediaCodec videoCodec() {
        return videoCodec;
    }

    public MediaCodec audioCodec() {
        return audioCodec;
    }

    public int width() {
        ParameterSets sets = latestParameterSets;
        return sets == null ? 0 : sets.width();
    }

    public int height() {
        ParameterSets sets = latestParameterSets;
        return sets == null ? 0 : sets.height();
    }

    /** Frames per second from the smoothed PTS interval; 0 before two frames. */
    public double framesPerSecond() {
        double interval = averageFrameInterval;
        return interval == 0 ? 0 : 90_000 / interval;
    }

    public long frames() {
        return frames;
    }

    public long keyFrames() {
        return keyFrames;
    }

    /** Video frames dropped: broken by a loss, oversized, or waiting for a key frame. */
    public long droppedFrames() {
        return droppedFrames;
    }

    public long oversizedUnits() {
        return oversizedUnits;
    }

    /** Times video resumed with a key frame after a loss. */
    public long recoveries() {
        return recoveries;
    }

    public long audioUnits() {
        return audioUnits;
    }

    public long codecMismatches() {
        return codecMismatches;
    }

    public int maxAccessUnitSize() {
        return maxAccessUnitSize;
    }
}
