package io.github.camelgb28181.bridge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transcode path chosen by the Camel options, and the escaping that keeps a value inside its option. */
class TranscodeSpecTest {

    @Test
    void noOptionMeansRemux() {
        assertNull(TranscodeSpec.fromOptions(null, " ", null, "", 0));
    }

    @Test
    void aFilterGraphIsTakenAsItIsWithTheBitRateAsked() {
        TranscodeSpec spec = TranscodeSpec.fromOptions(" scale=640:-2 ", null, null, null, 500_000);
        assertEquals("scale=640:-2", spec.filterGraph());
        assertEquals(500_000, spec.bitRate());
        assertEquals(1_000_000, TranscodeSpec.fromOptions("null", null, null, null, 0).bitRate(), "the default");
    }

    @Test
    void watermarksBecomeDrawtextAndOverlayWithTheirValuesEscaped() {
        TranscodeSpec text = TranscodeSpec.fromOptions(null, "Gate 1: north, [a]", "/fonts/a.ttf", null, 0);
        assertTrue(text.filterGraph().startsWith("drawtext=fontfile=/fonts/a.ttf:text="), text.filterGraph());
        // ':' escaped for the option parser, then '\\' and ',' '[' ']' for the graph parser
        assertTrue(text.filterGraph().contains("text=Gate 1\\\\: north\\, \\[a\\]:expansion=none"),
                text.filterGraph());
        TranscodeSpec image = TranscodeSpec.fromOptions(null, null, null, "/img/logo.png", 0);
        assertEquals("movie=/img/logo.png[watermark];[in][watermark]overlay=10:10", image.filterGraph());
    }

    @Test
    void conflictingOrIncompleteOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TranscodeSpec.fromOptions("null", "x", "/f.ttf", null, 0));
        assertThrows(IllegalArgumentException.class, () -> TranscodeSpec.fromOptions(null, "x", "/f.ttf", "/i.png", 0));
        IllegalArgumentException noFont = assertThrows(IllegalArgumentException.class,
                () -> TranscodeSpec.fromOptions(null, "x", null, null, 0));
        assertTrue(noFont.getMessage().contains("watermarkFont"), noFont.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TranscodeSpec.fromOptions("null", null, null, null, -1));
    }

    @Test
    void aGraphThatCannotWorkIsRefusedBeforeAnyStream() {
        assertEquals("null", TranscodeSpec.filter("null").checked().filterGraph());
        TranscodeSpec.filter("scale=160:-2").checked();
        for (String bad : new String[] {"nosuchfilter", "scale=w=oops:h", "null,,", "movie=/no/such/logo.png[w];"
                + "[in][w]overlay=0:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TranscodeSpec.filter(bad).checked(), bad);
            assertTrue(e.getMessage().startsWith("unusable transcode filter graph '" + bad + "'"), e.getMessage());
        }
    }
}
