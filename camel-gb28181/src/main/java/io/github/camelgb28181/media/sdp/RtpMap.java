package io.github.camelgb28181.media.sdp;

import java.util.List;

/**
 * {@code a=rtpmap:<pt> <encoding>/<clock>[/<params>]} (RFC 4566 §6). GB/T 28181 uses 96 PS/90000, 98 H264/90000,
 * 97 MPEG4/90000, 99 H265/90000 for video and 8 PCMA/8000, 0 PCMU/8000 for audio.
 */
public record RtpMap(int payloadType, String encoding, int clockRate, String encodingParameters) {

    public static final RtpMap PS = new RtpMap(96, "PS", 90000, null);
    public static final RtpMap MPEG4 = new RtpMap(97, "MPEG4", 90000, null);
    public static final RtpMap H264 = new RtpMap(98, "H264", 90000, null);
    public static final RtpMap H265 = new RtpMap(99, "H265", 90000, null);
    public static final RtpMap PCMA = new RtpMap(8, "PCMA", 8000, null);
    public static final RtpMap PCMU = new RtpMap(0, "PCMU", 8000, null);

    /** What a GB live/history video offer lists, PS first because the standard requires PS support. */
    public static final List<RtpMap> GB_VIDEO = List.of(PS, MPEG4, H264, H265);
    /** G.711 A-law then µ-law, the audio GB/T 28181 requires for talk and broadcast. */
    public static final List<RtpMap> GB_AUDIO = List.of(PCMA, PCMU);

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        SdpText.requireToken("encoding", encoding);
        if (encoding.indexOf('/') >= 0) {
            throw new IllegalArgumentException("encoding holds '/': " + SdpText.printable(encoding));
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        if (encodingParameters != null) {
            SdpText.requireToken("encoding parameters", encodingParameters);
        }
    }

    /** Parses the value of an {@code rtpmap} attribute ({@code 96 PS/90000}). */
    public static RtpMap parse(String value) {
        List<String> f = SdpText.fields(value);
        if (f.size() != 2) {
            throw new IllegalArgumentException("expected '<pt> <encoding>/<clock>': " + SdpText.printable(value));
        }
        long pt = SdpText.parseUnsigned(f.get(0), 3);
        String spec = f.get(1);
        int slash1 = spec.indexOf('/');
        if (pt < 0 || slash1 <= 0) {
            throw new IllegalArgumentException("bad rtpmap: " + SdpText.printable(value));
        }
        int slash2 = spec.indexOf('/', slash1 + 1);
        long clock = SdpText.parseUnsigned(slash2 < 0 ? spec.substring(slash1 + 1) : spec.substring(slash1 + 1, slash2),
                9);
        if (clock < 0) {
            throw new IllegalArgumentException("bad rtpmap clock rate: " + SdpText.printable(value));
        }
        return new RtpMap((int) pt, spec.substring(0, slash1), (int) clock,
                slash2 < 0 ? null : spec.substring(slash2 + 1));
    }

    /** The readable {@code rtpmap} attributes of a list; unreadable ones stay in the list as plain attributes. */
    public static List<RtpMap> of(List<SdpAttribute> attributes) {
        List<RtpMap> maps = new java.util.ArrayList<>(4);
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase("rtpmap") && a.value() != null) {
                try {
                    maps.add(parse(a.value()));
                } catch (IllegalArgumentException e) {
                    // a broken rtpmap beside good ones does not make the answer unusable; it is simply not a codec
                }
            }
        }
        return List.copyOf(maps);
    }

    public SdpAttribute toAttribute() {
        return SdpAttribute.of("rtpmap", toString());
    }

    @Override
    public String toString() {
        String s = payloadType + " " + encoding + "/" + clockRate;
        return encodingParameters == null ? s : s + "/" + encodingParameters;
    }
}
