package io.github.camelgb28181.media.codec;

/**
 * The fields of an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2) that a receiver needs, with the picture size
 * after the conformance window.
 *
 * @param vpsId           sps_video_parameter_set_id
 * @param maxSubLayers    sps_max_sub_layers_minus1 + 1
 * @param profileSpace    general_profile_space
 * @param tierFlag        general_tier_flag ({@code true}: High tier)
 * @param profileIdc      general_profile_idc (1 Main, 2 Main 10, 3 Main Still Picture, 4 range extensions, …)
 * @param levelIdc        general_level_idc (30 × the level number, e.g. 93 for 3.1)
 * @param spsId           sps_seq_parameter_set_id
 * @param chromaFormatIdc 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma    bit depth of luma samples
 * @param bitDepthChroma  bit depth of chroma samples
 * @param width           luma width in pixels inside the conformance window
 * @param height          luma height in pixels inside the conformance window
 */
public record H265Sps(int vpsId, int maxSubLayers, int profileSpace, boolean tierFlag, int profileIdc, int levelIdc,
                      int spsId, int chromaFormatIdc, int bitDepthLuma, int bitDepthChroma, int width, int height) {

    /**
     * Parses an SPS NAL unit, the 2-byte NAL unit header included, without start code.
     */
    public static H265Sps parse(byte[] nal, int offset, int length) throws BitstreamException {
        if (length < 4 || NalUnits.h265Type(nal[offset]) != NalUnits.H265_SPS) {
            throw new BitstreamException("not an H.265 SPS NAL unit");
        }
        RbspReader r = new RbspReader(nal, offset + 2, offset + length);
        int vpsId = r.u(4);
        int maxSubLayersMinus1 = r.u(3);
        if (maxSubLayersMinus1 > 6) {
            throw new BitstreamException("sps_max_sub_layers_minus1 " + maxSubLayersMinus1 + " exceeds 6");
        }
        r.skip(1); // sps_temporal_id_nesting_flag
        // profile_tier_level(1, sps_max_sub_layers_minus1), §7.3.3
        int profileSpace = r.u(2);
        boolean tierFlag = r.flag();
        int profileIdc = r.u(5);
        r.skip(32); // general_profile_compatibility_flag[32]
        r.skip(4); // progressive, interlaced, non_packed, frame_only source flags
        r.skip(43); // general constraint flags / reserved
        r.skip(1); // general_inbld_flag or reserved
        int levelIdc = r.u(8);
        boolean[] subLayerProfilePresent = new boolean[maxSubLayersMinus1];
        boolean[] subLayerLevelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            subLayerProfilePresent[i] = r.flag();
            subLayerLevelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits up to eight sub-layers
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (subLayerProfilePresent[i]) {
                r.skip(2 + 1 + 5 + 32 + 4 + 43 + 1);
            }
            if (subLayerLevelPresent[i]) {
                r.skip(8);
            }
        }
        int spsId = r.ue("sps_seq_parameter_set_id", 15);
        int chromaFormatIdc = r.ue("chroma_format_idc", 3);
        boolean separateColourPlane = chromaFormatIdc == 3 && r.flag();
        int width = r.ue("pic_width_in_luma_samples", H264Sps.MAX_DIMENSION);
        int height = r.ue("pic_height_in_luma_samples", H264Sps.MAX_DIMENSION);
        if (width == 0 || height == 0) {
            throw new BitstreamException("picture of zero size");
        }
        if (r.flag()) { // conformance_window_flag
            // §7.4.3.2.1: offsets count in chroma samples (SubWidthC/SubHeightC of Table 6-1)
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeight = chromaArrayType == 1 ? 2 : 1;
            CroppedSize cropped = CroppedSize.read(r, width, height, subWidth, subHeight);
            width = cropped.width();
            height = cropped.height();
        }
        int bitDepthLuma = 8 + r.ue("bit_depth_luma_minus8", 8);
        int bitDepthChroma = 8 + r.ue("bit_depth_chroma_minus8", 8);
        return new H265Sps(vpsId, maxSubLayersMinus1 + 1, profileSpace, tierFlag, profileIdc, levelIdc, spsId,
                chromaFormatIdc, bitDepthLuma, bitDepthChroma, width, height);
    }
}
