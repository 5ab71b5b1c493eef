package io.github.camelgb28181.media.codec;

/** A picture size after the crop offsets an SPS codes (H.264 frame cropping, H.265 conformance window). */
record CroppedSize(int width, int height) {

    /**
     * Reads the four offsets (left, right, top, bottom; ue(v) each) and applies them in units of {@code unitX} and
     * {@code unitY} luma samples.
     */
    static CroppedSize read(RbspReader r, int width, int height, int unitX, int unitY) throws BitstreamException {
        long left = r.ue();
        long right = r.ue();
        long top = r.ue();
        long bottom = r.ue();
        long croppedWidth = width - unitX * (left + right);
        long croppedHeight = height - unitY * (top + bottom);
        if (croppedWidth <= 0 || croppedHeight <= 0) {
            throw new BitstreamException("the crop offsets remove the whole picture");
        }
        return new CroppedSize((int) croppedWidth, (int) croppedHeight);
    }
}
