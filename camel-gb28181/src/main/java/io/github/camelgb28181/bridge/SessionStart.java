package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the first units of a muxer session until its layout is known. A muxer declares its tracks in the header,
 * before the first packet, but whether a device sends audio shows only once audio arrives: wait for it up to the
 * probe window (stream time) at the first key frame, unless the bridge has already seen the stream's audio. Audio
 * that starts only after that decision is not added to the output.
 */
final class SessionStart {

    /** Bounds the held units even when a device's timestamps never advance. */
    private static final int MAX_UNITS = 256;

    private final List<StreamUnit> units = new ArrayList<>();
    private final Supplier<AudioFormat> knownAudio;
    private final long probeTicks;
    private final boolean wantsAudio;
    private AudioFormat audio;
    /** Set once the first session opened: later sessions (rotation, reconnect) keep its answer and do not wait. */
    private boolean decided;
    private AudioFormat decidedAudio;

    SessionStart(Supplier<AudioFormat> knownAudio, long probeTicks, boolean wantsAudio) {
        this.knownAudio = knownAudio;
        this.probeTicks = probeTicks;
        this.wantsAudio = wantsAudio;
    }

    /**
     * Adds a unit; returns whether the session can open now. Units before the first key frame with complete
     * parameter sets are not kept: a session starts at a key frame.
     */
    boolean add(StreamUnit unit) {
        if (units.isEmpty() && !(unit.isVideoKeyFrame() && unit.parameterSets() != null
                && unit.parameterSets().complete())) {
            return false;
        }
        units.add(unit);
        AccessUnit au = unit.unit();
        if (audio == null && !au.isVideo()) {
            try {
                audio = AudioFormat.of(au);
            } catch (MalformedUnitException e) {
                // the next audio unit may parse; until then the session is not held back by this one
            }
        }
        if (decided) {
            audio = audio == null ? decidedAudio : audio;
            return true;
        }
        if (!wantsAudio || audio != null || units.size() >= MAX_UNITS) {
            return true;
        }
        AudioFormat learnt = knownAudio.get();
        if (learnt != null) {
            audio = learnt;
            return true;
        }
        return au.isVideo() && au.dts() - units.get(0).unit().dts() >= probeTicks;
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    StreamLayout layout() {
        decided = true;
        decidedAudio = wantsAudio ? audio : null;
        return new StreamLayout(units.get(0).parameterSets(), decidedAudio);
    }

    /** The held units, oldest first; the start is empty again afterwards. */
    List<StreamUnit> drain() {
        List<StreamUnit> out = new ArrayList<>(units);
        units.clear();
        audio = null;
        return out;
    }
}
