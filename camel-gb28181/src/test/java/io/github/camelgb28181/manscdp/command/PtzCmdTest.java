package io.github.camelgb28181.manscdp.command;

import java.util.ArrayList;
import java.util.List;

import io.github.camelgb28181.manscdp.command.PtzCmd.Direction;
import io.github.camelgb28181.manscdp.command.PtzCmd.Focus;
import io.github.camelgb28181.manscdp.command.PtzCmd.Iris;
import io.github.camelgb28181.manscdp.command.PtzCmd.Kind;
import io.github.camelgb28181.manscdp.command.PtzCmd.Pan;
import io.github.camelgb28181.manscdp.command.PtzCmd.ScanAction;
import io.github.camelgb28181.manscdp.command.PtzCmd.Tilt;
import io.github.camelgb28181.manscdp.command.PtzCmd.Zoom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 8-byte PTZCmd of GB/T 28181-2016 Annex A.3: known frames, an independent formula, parsing and ranges. */
class PtzCmdTest {

    /**
     * Frames checked by hand. Sums are of bytes 1–7 in decimal (A5 = 165, 0F = 15); byte 8 = sum % 256. The ones
     * marked "published" appear verbatim in public GB28181 code: the stop frame everywhere; the zoom frames in an
     * eXosip-based device's DeviceControl handler; the others in test suites of public Go GB28181 platforms (which
     * cite WVP's output) — they agree with WVP-GB28181-pro's {@code SipUtils.cmdString} formula.
     */
    @Test
    void handVerifiedFrames() {
        // published. stop: 165+15+1+0+0+0+0 = 181 = 0xB5
        assertEquals("A50F0100000000B5", PtzCmd.stop().toHex());
        // published (WVP log). left, pan 30 tilt 30, byte7 0x10 (zoom speed nibble 1):
        // 165+15+1+2+30+30+16 = 259; 259-256 = 3
        assertEquals("A50F01021E1E1003", PtzCmd.ptz(Pan.LEFT, Tilt.NONE, Zoom.NONE, 30, 30, 1).toHex());
        // published. up, tilt speed 0x20: 165+15+1+8+0+32+0 = 221 = 0xDD
        assertEquals("A50F0108002000DD", PtzCmd.move(Direction.UP, 0, 0x20).toHex());
        // published. zoom in, zoom speed 1 -> byte7 0x10: 165+15+1+16+0+0+16 = 213 = 0xD5
        assertEquals("A50F0110000010D5", PtzCmd.zoom(Zoom.IN, 1).toHex());
        // published. zoom out, zoom speed 1: 165+15+1+32+0+0+16 = 229 = 0xE5
        assertEquals("A50F0120000010E5", PtzCmd.zoom(Zoom.OUT, 1).toHex());
        // published. delete preset 3: 165+15+1+131+0+3+0 = 315; 315-256 = 59 = 0x3B
        assertEquals("A50F01830003003B", PtzCmd.deletePreset(3).toHex());
        // published. start cruise group 4: 165+15+1+136+4+0+0 = 321; 321-256 = 65 = 0x41
        assertEquals("A50F018804000041", PtzCmd.startCruise(4).toHex());
        // published. delete whole cruise group 0: 165+15+1+133+0+0+0 = 314; 314-256 = 58 = 0x3A
        assertEquals("A50F01850000003A", PtzCmd.deleteCruise(0).toHex());
        // published. wiper (aux 1) on: 165+15+1+140+1+0+0 = 322; 322-256 = 66 = 0x42
        assertEquals("A50F018C01000042", PtzCmd.wiperOn().toHex());
        // published. wiper off: 165+15+1+141+1 = 323; 323-256 = 67 = 0x43
        assertEquals("A50F018D01000043", PtzCmd.wiperOff().toHex());
        // published. add cruise point group 2 preset 1: 165+15+1+132+2+1+0 = 316; 316-256 = 60 = 0x3C
        assertEquals("A50F01840201003C", PtzCmd.addCruisePoint(2, 1).toHex());
        // published. cruise speed 256 group 2: byte6 = 256 & 0xFF = 0, byte7 = (256 >> 8) << 4 = 0x10;
        // 165+15+1+134+2+0+16 = 333; 333-256 = 77 = 0x4D
        assertEquals("A50F01860200104D", PtzCmd.setCruiseSpeed(2, 256).toHex());
        // published. cruise dwell 5 s group 2: 165+15+1+135+2+5+0 = 323; 323-256 = 67 = 0x43
        assertEquals("A50F018702050043", PtzCmd.setCruiseDwellTime(2, 5).toHex());

        // own. FI stop: 165+15+1+64 = 245 = 0xF5
        assertEquals("A50F0140000000F5", PtzCmd.fiStop().toHex());
        // own. iris close (0x48) speed 0x80 in byte6: 165+15+1+72+0+128+0 = 381; 381-256 = 125 = 0x7D
        assertEquals("A50F01480080007D", PtzCmd.iris(Iris.CLOSE, 0x80).toHex());
        // own. focus near (0x42) speed 0x80 in byte5: 165+15+1+66+128+0+0 = 375; 375-256 = 119 = 0x77
        assertEquals("A50F014280000077", PtzCmd.focus(Focus.NEAR, 0x80).toHex());
        // own. set preset 1: 165+15+1+129+0+1+0 = 311; 311-256 = 55 = 0x37
        assertEquals("A50F018100010037", PtzCmd.setPreset(1).toHex());
        // own. call preset 255: 165+15+1+130+0+255+0 = 566; 566-512 = 54 = 0x36
        assertEquals("A50F018200FF0036", PtzCmd.callPreset(255).toHex());
        // own. scan right bound group 0: 165+15+1+137+0+2+0 = 320; 320-256 = 64 = 0x40
        assertEquals("A50F018900020040", PtzCmd.setScanRightBound(0).toHex());
        // own. scan speed 4095 group 1: byte6 0xFF, byte7 0xF0; 165+15+1+138+1+255+240 = 815; 815-768 = 47 = 0x2F
        assertEquals("A50F018A01FFF02F", PtzCmd.setScanSpeed(1, 4095).toHex());
        // own. down-right + zoom out, pan/tilt 255, zoom 15, address 0xFFF: byte3 0xFF, byte4 0x01|0x04|0x20 = 0x25,
        // byte7 0xF0|0x0F = 0xFF; 165+15+255+37+255+255+255 = 1237; 1237-1024 = 213 = 0xD5
        assertEquals("A50FFF25FFFFFFD5",
                PtzCmd.ptz(Pan.RIGHT, Tilt.DOWN, Zoom.OUT, 255, 255, 15).withAddress(0xFFF).toHex());
        // own. address 0x123, left pan 0x10: byte3 0x23, byte7 low nibble 1;
        // 165+15+35+2+16+0+1 = 234 = 0xEA
        assertEquals("A50F2302100001EA", PtzCmd.move(Direction.LEFT, 0x10, 0).withAddress(0x123).toHex());
    }

    /** A straightforward, separately written version of the A.3.1 formula. */
    private static String reference(int address, int instruction, int d1, int d2, int d3) {
        int b1 = 0xA5;
        int b2 = (0 << 4) | ((0xA + 0x5 + 0) % 16);
        int b3 = address % 256;
        int b7 = d3 * 16 + address / 256;
        int b8 = (b1 + b2 + b3 + instruction + d1 + d2 + b7) % 256;
        return String.format("%02X%02X%02X%02X%02X%02X%02X%02X", b1, b2, b3, instruction, d1, d2, b7, b8);
    }

    @Test
    void agreesWithAnIndependentFormulaEverywhere() {
        int[] speeds = {0, 1, 0x1E, 0x7F, 0x80, 0xFE, 0xFF};
        int[] addresses = {0, 1, 0xFF, 0x100, 0xABC, 0xFFF};
        int count = 0;
        for (Direction d : Direction.values()) {
            for (Zoom z : Zoom.values()) {
                for (int s : speeds) {
                    for (int zs = 0; zs < 16; zs += 5) {
                        for (int a : addresses) {
                            PtzCmd c = PtzCmd.ptz(d.pan(), d.tilt(), z, s, 255 - s, zs).withAddress(a);
                            assertEquals(reference(a, c.instruction(), s, 255 - s, zs), c.toHex());
                            count++;
                        }
                    }
                }
            }
        }
        for (Iris i : Iris.values()) {
            for (Focus f : Focus.values()) {
                for (int s : speeds) {
                    PtzCmd c = PtzCmd.fi(i, f, s, 255 - s);
                    assertEquals(reference(1, c.instruction(), s, 255 - s, 0), c.toHex());
                    count++;
                }
            }
        }
        for (int v : new int[] {1, 2, 255, 256, 257, 1000, 4095}) {
            assertEquals(reference(1, 0x86, 7, v % 256, v / 256), PtzCmd.setCruiseSpeed(7, v).toHex());
            assertEquals(reference(1, 0x87, 7, v % 256, v / 256), PtzCmd.setCruiseDwellTime(7, v).toHex());
            assertEquals(reference(1, 0x8A, 7, v % 256, v / 256), PtzCmd.setScanSpeed(7, v).toHex());
            count += 3;
        }
        for (int p = 1; p <= 255; p++) {
            assertEquals(reference(1, 0x81, 0, p, 0), PtzCmd.setPreset(p).toHex());
            assertEquals(reference(1, 0x82, 0, p, 0), PtzCmd.callPreset(p).toHex());
            assertEquals(reference(1, 0x83, 0, p, 0), PtzCmd.deletePreset(p).toHex());
            assertEquals(reference(1, 0x84, 255 - p, p, 0), PtzCmd.addCruisePoint(255 - p, p).toHex());
            assertEquals(reference(1, 0x85, p, p, 0), PtzCmd.deleteCruisePoint(p, p).toHex());
            assertEquals(reference(1, 0x88, p, 0, 0), PtzCmd.startCruise(p).toHex());
            assertEquals(reference(1, 0x89, p, 1, 0), PtzCmd.setScanLeftBound(p).toHex());
            assertEquals(reference(1, 0x8C, p, 0, 0), PtzCmd.auxOn(p).toHex());
            assertEquals(reference(1, 0x8D, p, 0, 0), PtzCmd.auxOff(p).toHex());
            count += 9;
        }
        assertTrue(count > 4000, "checked " + count);
    }

    @Test
    void ptzBitsFollowA32() {
        assertEquals(0x08, PtzCmd.move(Direction.UP, 1).instruction());
        assertEquals(0x04, PtzCmd.move(Direction.DOWN, 1).instruction());
        assertEquals(0x02, PtzCmd.move(Direction.LEFT, 1).instruction());
        assertEquals(0x01, PtzCmd.move(Direction.RIGHT, 1).instruction());
        assertEquals(0x0A, PtzCmd.move(Direction.UP_LEFT, 1).instruction());
        assertEquals(0x09, PtzCmd.move(Direction.UP_RIGHT, 1).instruction());
        assertEquals(0x06, PtzCmd.move(Direction.DOWN_LEFT, 1).instruction());
        assertEquals(0x05, PtzCmd.move(Direction.DOWN_RIGHT, 1).instruction());
        assertEquals(0x10, PtzCmd.zoom(Zoom.IN, 1).instruction());
        assertEquals(0x20, PtzCmd.zoom(Zoom.OUT, 1).instruction());
        assertEquals(0x1A, PtzCmd.ptz(Pan.LEFT, Tilt.UP, Zoom.IN, 1, 1, 1).instruction());
        // pan speed byte 5, tilt speed byte 6, zoom speed byte 7 high nibble
        PtzCmd c = PtzCmd.ptz(Pan.RIGHT, Tilt.DOWN, Zoom.OUT, 0x12, 0x34, 0x5);
        assertEquals("A50F0125123450", c.toHex().substring(0, 14));
        // FI: iris close bit 3, open bit 2, focus near bit 1, far bit 0
        assertEquals(0x48, PtzCmd.iris(Iris.CLOSE, 1).instruction());
        assertEquals(0x44, PtzCmd.iris(Iris.OPEN, 1).instruction());
        assertEquals(0x42, PtzCmd.focus(Focus.NEAR, 1).instruction());
        assertEquals(0x41, PtzCmd.focus(Focus.FAR, 1).instruction());
        assertEquals(0x49, PtzCmd.fi(Iris.CLOSE, Focus.FAR, 1, 2).instruction());
        PtzCmd fi = PtzCmd.fi(Iris.OPEN, Focus.NEAR, 0x11, 0x22);
        assertEquals(0x11, fi.data1(), "focus speed in byte 5");
        assertEquals(0x22, fi.data2(), "iris speed in byte 6");
    }

    @Test
    void directionNames() {
        assertEquals(Direction.UP_LEFT, Direction.of("upleft"));
        assertEquals(Direction.UP_LEFT, Direction.of("UP_LEFT"));
        assertEquals(Direction.UP_LEFT, Direction.of("up-left"));
        assertEquals(Direction.UP_LEFT, Direction.of("leftUp"));
        assertEquals(Direction.DOWN_RIGHT, Direction.of(" DownRight "));
        assertEquals(Direction.LEFT, Direction.of("left"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Direction.of("sideways"));
        assertTrue(e.getMessage().contains("sideways"));
    }

    /** Every kind of instruction survives toHex → parse with its decoded fields. */
    @Test
    void roundTripForEveryKind() {
        List<PtzCmd> all = new ArrayList<>();
        PtzCmd c;

        c = roundTrip(PtzCmd.stop(), all);
        assertEquals(Kind.PTZ, c.kind());
        assertTrue(c.isStop());
        assertNull(c.direction());
        assertEquals(Zoom.NONE, c.zoom());

        for (Direction d : Direction.values()) {
            c = roundTrip(PtzCmd.move(d, 0x33, 0x44), all);
            assertEquals(Kind.PTZ, c.kind());
            assertEquals(d, c.direction());
            assertEquals(d.pan(), c.pan());
            assertEquals(d.tilt(), c.tilt());
            assertEquals(0x33, c.panSpeed());
            assertEquals(0x44, c.tiltSpeed());
            assertFalse(c.isStop());
        }
        c = roundTrip(PtzCmd.zoom(Zoom.IN, 9), all);
        assertEquals(Zoom.IN, c.zoom());
        assertEquals(9, c.zoomSpeed());
        c = roundTrip(PtzCmd.ptz(Pan.LEFT, Tilt.DOWN, Zoom.OUT, 1, 2, 15).withAddress(0x9AB), all);
        assertEquals(Direction.DOWN_LEFT, c.direction());
        assertEquals(Zoom.OUT, c.zoom());
        assertEquals(15, c.zoomSpeed());
        assertEquals(0x9AB, c.address());

        c = roundTrip(PtzCmd.fi(Iris.CLOSE, Focus.NEAR, 7, 8), all);
        assertEquals(Kind.FI, c.kind());
        assertEquals(Iris.CLOSE, c.iris());
        assertEquals(Focus.NEAR, c.focus());
        assertEquals(7, c.focusSpeed());
        assertEquals(8, c.irisSpeed());
        c = roundTrip(PtzCmd.fi(Iris.OPEN, Focus.FAR, 0, 255), all);
        assertEquals(Iris.OPEN, c.iris());
        assertEquals(Focus.FAR, c.focus());
        c = roundTrip(PtzCmd.fiStop(), all);
        assertEquals(Kind.FI, c.kind());
        assertTrue(c.isStop());
        assertEquals(Iris.NONE, c.iris());

        c = roundTrip(PtzCmd.setPreset(10), all);
        assertEquals(Kind.SET_PRESET, c.kind());
        assertEquals(10, c.preset());
        c = roundTrip(PtzCmd.callPreset(11), all);
        assertEquals(Kind.CALL_PRESET, c.kind());
        assertEquals(11, c.preset());
        c = roundTrip(PtzCmd.deletePreset(12), all);
        assertEquals(Kind.DELETE_PRESET, c.kind());
        assertEquals(12, c.preset());

        c = roundTrip(PtzCmd.addCruisePoint(3, 4), all);
        assertEquals(Kind.ADD_CRUISE_POINT, c.kind());
        assertEquals(3, c.group());
        assertEquals(4, c.preset());
        c = roundTrip(PtzCmd.deleteCruisePoint(3, 4), all);
        assertEquals(Kind.DELETE_CRUISE_POINT, c.kind());
        assertEquals(4, c.preset());
        c = roundTrip(PtzCmd.setCruiseSpeed(5, 3000), all);
        assertEquals(Kind.SET_CRUISE_SPEED, c.kind());
        assertEquals(5, c.group());
        assertEquals(3000, c.value12());
        c = roundTrip(PtzCmd.setCruiseDwellTime(6, 300), all);
        assertEquals(Kind.SET_CRUISE_DWELL_TIME, c.kind());
        assertEquals(300, c.value12());
        c = roundTrip(PtzCmd.startCruise(7), all);
        assertEquals(Kind.START_CRUISE, c.kind());
        assertEquals(7, c.group());

        for (ScanAction a : ScanAction.values()) {
            c = roundTrip(PtzCmd.scan(8, a), all);
            assertEquals(Kind.SCAN, c.kind());
            assertEquals(a, c.scanAction());
            assertEquals(8, c.group());
        }
        c = roundTrip(PtzCmd.setScanSpeed(9, 4095), all);
        assertEquals(Kind.SET_SCAN_SPEED, c.kind());
        assertEquals(4095, c.value12());

        c = roundTrip(PtzCmd.auxOn(2), all);
        assertEquals(Kind.AUX_ON, c.kind());
        assertEquals(2, c.auxNumber());
        c = roundTrip(PtzCmd.auxOff(1), all);
        assertEquals(Kind.AUX_OFF, c.kind());
        assertEquals(1, c.auxNumber());

        // every kind was covered
        java.util.EnumSet<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        all.forEach(x -> kinds.add(x.kind()));
        assertEquals(java.util.EnumSet.allOf(Kind.class), kinds);
    }

    private static PtzCmd roundTrip(PtzCmd original, List<PtzCmd> all) {
        String hex = original.toHex();
        PtzCmd parsed = PtzCmd.parse(hex);
        assertEquals(original, parsed, hex);
        assertEquals(original.hashCode(), parsed.hashCode());
        assertEquals(hex, parsed.toHex());
        assertEquals(hex, parsed.toString());
        assertArrayEquals(original.toBytes(), parsed.toBytes());
        // lower case and blanks around are accepted
        assertEquals(original, PtzCmd.parse("  " + hex.toLowerCase() + "\n"));
        all.add(parsed);
        return parsed;
    }

    @Test
    void decodedViewsRefuseTheWrongKind() {
        assertThrows(IllegalStateException.class, () -> PtzCmd.setPreset(1).panSpeed());
        assertThrows(IllegalStateException.class, () -> PtzCmd.stop().preset());
        assertThrows(IllegalStateException.class, () -> PtzCmd.fiStop().zoom());
        assertThrows(IllegalStateException.class, () -> PtzCmd.move(Direction.UP, 1).iris());
        assertThrows(IllegalStateException.class, () -> PtzCmd.startCruise(1).value12());
        assertThrows(IllegalStateException.class, () -> PtzCmd.auxOn(1).group());
    }

    @Test
    void parseKeepsReceivedDataBytes() {
        // preset 0 is out of range for the factory but a superior platform may send it: keep it, do not reject.
        // 165+15+1+130+0+0+0 = 311; 311-256 = 55 = 0x37
        PtzCmd c = PtzCmd.parse("A50F018200000037");
        assertEquals(Kind.CALL_PRESET, c.kind());
        assertEquals(0, c.preset());
        // an undefined scan data 2 value decodes to no action
        // 165+15+1+137+0+9+0 = 327; 327-256 = 71 = 0x47
        assertNull(PtzCmd.parse("A50F018900090047").scanAction());
    }

    @Test
    void parseRejectsBadFrames() {
        assertParseError(null, "null");
        assertParseError("A50F0100000000B", "16 hex");
        assertParseError("A50F0100000000B500", "16 hex");
        assertParseError("A50F01000000G0B5", "non-hex");
        assertParseError("A60F0100000000B6", "start with A5");
        // check nibble must be (A + 5 + 0) % 16 = F
        assertParseError("A50E0100000000B4", "check nibble");
        // version 1 with a consistent check nibble (A + 5 + 1) % 16 = 0: 165+16+1 = 182 = 0xB6
        assertParseError("A5100100000000B6", "version 1");
        assertParseError("A50F0100000000B6", "checksum");
        // 0x50: undefined; 165+15+1+80 = 261 -> 0x05
        assertParseError("A50F015000000005", "not defined");
        // 0x8B: undefined; 165+15+1+139 = 320 -> 0x40
        assertParseError("A50F018B00000040", "not defined");
        // 0x80: undefined; 165+15+1+128 = 309 -> 0x35
        assertParseError("A50F018000000035", "not defined");
        // up + down (0x0C): 165+15+1+12 = 193 = 0xC1
        assertParseError("A50F010C000000C1", "opposite");
        // left + right (0x03): 165+15+1+3 = 184 = 0xB8
        assertParseError("A50F0103000000B8", "opposite");
        // zoom in + out (0x30): 165+15+1+48 = 229 = 0xE5
        assertParseError("A50F0130000000E5", "opposite");
        // iris open + close (0x4C): 165+15+1+76 = 257 -> 0x01
        assertParseError("A50F014C00000001", "both iris");
        // focus near + far (0x43): 165+15+1+67 = 248 = 0xF8
        assertParseError("A50F0143000000F8", "both iris");
    }

    private static void assertParseError(String hex, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PtzCmd.parse(hex));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void factoriesValidateRanges() {
        assertRange(() -> PtzCmd.move(Direction.UP, 256, 0), "pan speed");
        assertRange(() -> PtzCmd.move(Direction.UP, 0, -1), "tilt speed");
        assertRange(() -> PtzCmd.zoom(Zoom.IN, 16), "zoom speed");
        assertRange(() -> PtzCmd.zoom(Zoom.NONE, 1), "IN or OUT");
        assertRange(() -> PtzCmd.fi(Iris.OPEN, Focus.NONE, 0, 300), "iris speed");
        assertRange(() -> PtzCmd.fi(Iris.OPEN, Focus.NONE, -5, 0), "focus speed");
        assertRange(() -> PtzCmd.iris(Iris.NONE, 1), "OPEN or CLOSE");
        assertRange(() -> PtzCmd.focus(Focus.NONE, 1), "NEAR or FAR");
        assertRange(() -> PtzCmd.setPreset(0), "preset number");
        assertRange(() -> PtzCmd.callPreset(256), "preset number");
        assertRange(() -> PtzCmd.addCruisePoint(256, 1), "cruise group");
        assertRange(() -> PtzCmd.addCruisePoint(1, 0), "preset number");
        assertRange(() -> PtzCmd.deleteCruisePoint(1, -1), "preset number");
        assertRange(() -> PtzCmd.setCruiseSpeed(1, 0), "cruise speed");
        assertRange(() -> PtzCmd.setCruiseSpeed(1, 4096), "cruise speed");
        assertRange(() -> PtzCmd.setCruiseDwellTime(1, 4096), "dwell time");
        assertRange(() -> PtzCmd.startCruise(-1), "cruise group");
        assertRange(() -> PtzCmd.scan(256, ScanAction.START), "scan group");
        assertRange(() -> PtzCmd.scan(1, null), "scan action");
        assertRange(() -> PtzCmd.setScanSpeed(1, 4096), "scan speed");
        assertRange(() -> PtzCmd.auxOn(0), "auxiliary switch");
        assertRange(() -> PtzCmd.auxOff(256), "auxiliary switch");
        assertRange(() -> PtzCmd.stop().withAddress(4096), "address");
        assertRange(() -> PtzCmd.stop().withAddress(-1), "address");
        assertRange(() -> PtzCmd.move(null, 1), "direction");
    }

    private static void assertRange(org.junit.jupiter.api.function.Executable call, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void stopConstantMatchesFactory() {
        assertEquals(PtzCmd.STOP_HEX, PtzCmd.stop().toHex());
        assertEquals(PtzCmd.stop(), PtzCmd.parse(PtzCmd.STOP_HEX));
        assertEquals(PtzCmd.DEFAULT_ADDRESS, PtzCmd.stop().address());
    }
}
