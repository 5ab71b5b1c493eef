package io.github.camelgb28181.media.codec;

import io.github.camelgb28181.bridge.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** G.711 expansion against the standard's corner values and, for all 256 codes, against Debian's ffmpeg. */
class G711Test {

    @TempDir
    Path dir;

    @Test
    void cornerValuesOfTheStandard() {
        assertEquals(8, G711.alaw(0xD5), "smallest positive A-law step");
        assertEquals(-8, G711.alaw(0x55));
        assertEquals(32_256, G711.alaw(0xAA), "A-law full scale");
        assertEquals(-32_256, G711.alaw(0x2A));
        assertEquals(0, G711.ulaw(0xFF), "μ-law zero");
        assertEquals(0, G711.ulaw(0x7F));
        assertEquals(32_124, G711.ulaw(0x80), "μ-law full scale");
        assertEquals(-32_124, G711.ulaw(0x00));
    }

    @Test
    void everyCodeExpandsAsFfmpegDoes() throws Exception {
        ExternalTools.requireFfmpeg();
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        Path in = dir.resolve("codes.raw");
        Files.write(in, codes);
        for (String format : new String[] {"alaw", "mulaw"}) {
            Path out = dir.resolve(format + ".s16");
            ExternalTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", format, "-ar", "8000", "-ac", "1", "-i",
                    in.toString(), "-f", "s16le", "-c:a", "pcm_s16le", out.toString());
            ByteBuffer linear = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(512, linear.remaining(), format);
            for (int code = 0; code < 256; code++) {
                short expected = linear.getShort();
                short ours = format.equals("alaw") ? G711.alaw(code) : G711.ulaw(code);
                assertEquals(expected, ours, format + " code " + code);
            }
        }
    }

    @Test
    void toFloatScalesIntoTheUnitRange() {
        byte[] in = {(byte) 0xAA, (byte) 0x2A, (byte) 0xD5};
        float[] out = new float[5];
        G711.toFloat(in, 0, 3, true, out, 2);
        assertEquals(0f, out[0]);
        assertEquals(32_256 / 32_768f, out[2]);
        assertEquals(-32_256 / 32_768f, out[3]);
        assertTrue(out[4] > 0 && out[4] < 0.001f);
    }
}
