package io.github.camelgb28181.media.codec;

/**
 * The fields of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) that a receiver needs, with the picture size
 * after frame cropping.
 *
 * @param profileIdc       profile_idc (66 baseline, 77 main, 100 high, 244 high 4:4:4, …)
 * @param constraintFlags  the constraint_set0..5 flags and reserved bits as one byte
 * @param levelIdc         level_idc (e.g. 31 for level 3.1)
 * @param spsId            seq_parameter_set_id
 * @param chromaFormatIdc  0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4 (1 when the profile does not code it)
 * @param bitDepthLuma     bit depth of luma samples
 * @param bitDepthChroma   bit depth of chroma samples
 * @param frameMbsOnly     {@code false} when the stream may code fields (height doubles from map units)
 * @param width            luma width in pixels after cropping
 * @param height           luma height in pixels after cropping
 */
public record H264Sps(int profileIdc, int constraintFlags, int levelIdc, int spsId, int chromaFormatIdc,
                      int bitDepthLuma, int bitDepthChroma, boolean frameMbsOnly, int width, int height) {

    /** The largest picture dimension accepted; beyond it the SPS is taken for garbage rather than a camera. */
    static final int MAX_DIMENSION = 16384;

    /**
     * Parses an SPS NAL unit, header byte included, without start code.
     */
    public static H264Sps parse(byte[] nal, int offset, int length) throws BitstreamException {
        if (length < 4 || (nal[offset] & 0x1F) != NalUnits.H264_SPS) {
            throw new BitstreamException("not an H.264 SPS NAL unit");
        }
        RbspReader r = new RbspReader(nal, offset + 1, offset + length);
        int profileIdc = r.u(8);
        int constraintFlags = r.u(8);
        int levelIdc = r.u(8);
        int spsId = r.ue("seq_parameter_set_id", 31);
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue("chroma_format_idc", 3);
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag();
            }
            bitDepthLuma = 8 + r.ue("bit_depth_luma_minus8", 6);
            bitDepthChroma = 8 + r.ue("bit_depth_chroma_minus8", 6);
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue("log2_max_frame_num_minus4", 12);
        int pocType = r.ue("pic_order_cnt_type", 2);
        if (pocType == 0) {
            r.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
        } else if (pocType == 1) {
            r.skip(1); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue("num_ref_frames_in_pic_order_cnt_cycle", 255);
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue("max_num_ref_frames", 16);
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.ue("pic_width_in_mbs_minus1", MAX_DIMENSION / 16) + 1;
        int heightInMapUnits = r.ue("pic_height_in_map_units_minus1", MAX_DIMENSION / 16) + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int width = widthInMbs * 16;
        int height = (frameMbsOnly ? 1 : 2) * heightInMapUnits * 16;
        if (r.flag()) { // frame_cropping_flag
            // §7.4.2.1.1: crop offsets count in chroma sample units, and in field pairs when fields are coded
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 0 || chromaArrayType == 3 ? 1 : 2;
            int cropUnitY = (chromaArrayType == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
            CroppedSize cropped = CroppedSize.read(r, width, height, cropUnitX, cropUnitY);
            width = cropped.width();
            height = cropped.height();
        }
        if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new BitstreamException("picture " + width + "x" + height + " is larger than any camera sends");
        }
        return new H264Sps(profileIdc, constraintFlags, levelIdc, spsId, chromaFormatIdc, bitDepthLuma,
                bitDepthChroma, frameMbsOnly, width, height);
    }

    /** The profiles whose SPS codes chroma format, bit depths and scaling matrices (§7.3.2.1.1). */
    private static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** scaling_list() (§7.3.2.1.1.1): only read past; the values do not matter to a receiver. */
    private static void skipScalingList(RbspReader r, int size) throws BitstreamException {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size; j++) {
            if (nextScale != 0) {
                int delta = r.se();
                if (delta < -128 || delta > 127) {
                    throw new BitstreamException("delta_scale " + delta + " out of range");
                }
                nextScale = (lastScale + delta + 256) % 256;
            }
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }
}
