package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/** Decodes a key frame and writes it as JPEG (ImageIO, so no encoder beyond the JDK is involved). */
final class JpegPictures {

    private static final int BGR = 3;

    private JpegPictures() {
    }

    static Snapshot snapshot(StreamUnit keyFrame) throws IOException {
        AccessUnit unit = keyFrame.unit();
        Snapshot[] picture = new Snapshot[1];
        try (VideoDecoder decoder = VideoDecoder.open(keyFrame.parameterSets())) {
            VideoDecoder.FrameSink first = frame -> {
                if (picture[0] == null) {
                    picture[0] = new Snapshot(jpeg(frame), frame.width(), frame.height(), unit.pts());
                }
            };
            decoder.decode(unit, first);
            decoder.flush(first);
        }
        if (picture[0] == null) {
            throw new IOException("the decoder made no picture of the key frame at " + unit.pts());
        }
        return picture[0];
    }

    static byte[] jpeg(AVFrame frame) throws IOException {
        int width = frame.width();
        int height = frame.height();
        SwsContext scaler = sws_getContext(width, height, frame.format(), width, height, AV_PIX_FMT_BGR24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new IOException("no conversion from pixel format " + frame.format() + " to BGR");
        }
        try (BytePointer bgr = new BytePointer((long) width * height * BGR);
             PointerPointer<BytePointer> planes = new PointerPointer<>(1);
             IntPointer stride = new IntPointer(1)) {
            planes.put(0, bgr);
            stride.put(0, width * BGR);
            sws_scale(scaler, frame.data(), frame.linesize(), 0, height, planes, stride);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            bgr.get(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4);
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IOException("no JPEG writer in this JDK");
            }
            return out.toByteArray();
        } finally {
            sws_freeContext(scaler);
        }
    }
}
