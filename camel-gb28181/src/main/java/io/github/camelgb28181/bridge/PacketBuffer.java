package io.github.camelgb28181.bridge;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacpp.BytePointer;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;

/**
 * One reusable {@link AVPacket} over one reusable native buffer: the hot path copies each access unit once into
 * native memory and allocates nothing else. The packet does not own the buffer (no {@code buf}), so FFmpeg copies
 * whatever it keeps and nothing must be unreferenced afterwards.
 */
final class PacketBuffer implements AutoCloseable {

    private static final int INITIAL_CAPACITY = 256 * 1024;
    /** FFmpeg's parsers may read this far past the end (AV_INPUT_BUFFER_PADDING_SIZE); it must be zero. */
    private static final byte[] PADDING = new byte[AV_INPUT_BUFFER_PADDING_SIZE];

    private final AVPacket packet = av_packet_alloc();
    private BytePointer memory = new BytePointer(INITIAL_CAPACITY);

    /** The packet with {@code length} bytes of {@code data} from {@code offset}; timing and flags are the caller's. */
    AVPacket fill(byte[] data, int offset, int length) {
        if (memory.capacity() < length + PADDING.length) {
            memory.close();
            memory = new BytePointer(Math.max(length + PADDING.length, memory.capacity() * 2));
        }
        memory.position(0).put(data, offset, length);
        memory.position(length).put(PADDING, 0, PADDING.length).position(0);
        packet.data(memory);
        packet.size(length);
        packet.pos(-1);
        return packet;
    }

    /** Detaches the buffer again, so the packet never points at memory that may be reallocated. */
    void clear() {
        packet.data(null);
        packet.size(0);
    }

    @Override
    public void close() {
        av_packet_free(packet);
        memory.close();
    }
}
