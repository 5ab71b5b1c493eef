package io.github.camelgb28181.media;

import io.github.camelgb28181.media.codec.ParameterSets;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a receiver reports, in order. */
public final class CollectingListener implements AccessUnitListener {

    public final List<AccessUnit> units = new ArrayList<>();
    public final List<ParameterSets> parameterSets = new ArrayList<>();
    public final List<MediaCodec[]> mismatches = new ArrayList<>();
    public final List<AccessUnit> firstKeyFrames = new ArrayList<>();
    public int firstPackets;
    public long firstSsrc = -1;

    @Override
    public void onAccessUnit(AccessUnit unit) {
        units.add(unit);
    }

    @Override
    public void onParameterSets(ParameterSets sets) {
        parameterSets.add(sets);
    }

    @Override
    public void onCodecMismatch(MediaCodec declared, MediaCodec detected) {
        mismatches.add(new MediaCodec[] { declared, detected });
    }

    @Override
    public void onFirstPacket(long ssrc, int payloadType) {
        firstPackets++;
        firstSsrc = ssrc;
    }

    @Override
    public void onFirstKeyFrame(AccessUnit unit) {
        firstKeyFrames.add(unit);
    }

    public List<AccessUnit> video() {
        return units.stream().filter(AccessUnit::isVideo).toList();
    }

    public List<AccessUnit> audio() {
        return units.stream().filter(u -> !u.isVideo()).toList();
    }
}
