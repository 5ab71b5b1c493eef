package io.github.camelgb28181.manscdp.command;

import java.util.Locale;

/**
 * The 8-byte front-end device control instruction carried in {@code <PTZCmd>} (GB/T 28181-2016 Annex A.3), written as
 * 16 upper-case hex characters.
 *
 * <pre>
 * byte 1   A5                         start code
 * byte 2   high nibble: version (0)   low nibble: (byte1 high + byte1 low + byte2 high) % 16, so always 0F
 * byte 3   address, low 8 bits
 * byte 4   instruction
 * byte 5   data 1
 * byte 6   data 2
 * byte 7   high nibble: data 3        low nibble: address, high 4 bits
 * byte 8   (byte1 + ... + byte7) % 256
 * </pre>
 *
 * <p>Instructions (A.3.2 – A.3.7):
 * <ul>
 * <li>PTZ {@code 00xxxxxx}: bit 5 zoom out, 4 zoom in, 3 up, 2 down, 1 left, 0 right; data 1 pan speed, data 2 tilt
 * speed, data 3 zoom speed. All zero is "stop" ({@code A50F0100000000B5}).</li>
 * <li>FI {@code 0100xxxx}: bit 3 iris close (缩小), 2 iris open (放大), 1 focus near, 0 focus far; data 1 focus speed,
 * data 2 iris speed. {@code 0x40} alone stops focus and iris.</li>
 * <li>Presets {@code 0x81} set, {@code 0x82} call, {@code 0x83} delete; data 2 the preset number.</li>
 * <li>Cruise {@code 0x84} add point and {@code 0x85} delete point (data 1 group, data 2 preset, preset 0 deletes the
 * whole cruise), {@code 0x86} speed and {@code 0x87} dwell time (data 1 group, 12-bit value: data 2 low 8 bits, data 3
 * high 4 bits), {@code 0x88} start (data 1 group). A cruise or scan is stopped with the PTZ stop instruction.</li>
 * <li>Scan {@code 0x89} (data 1 group; data 2: 0 start, 1 set left bound, 2 set right bound), {@code 0x8A} scan speed
 * (12-bit like cruise speed).</li>
 * <li>Auxiliary switch {@code 0x8C} on, {@code 0x8D} off; data 1 the switch number (1 = wiper).</li>
 * </ul>
 *
 * <p>Instances are immutable. The factories validate every range and throw {@link IllegalArgumentException};
 * {@link #parse(String)} checks the frame (length, start code, version nibble, checksum, a known instruction without
 * contradicting bits) but keeps data bytes as received, because a superior platform may send values this side would
 * not produce (for instance preset 0).
 */
public final class PtzCmd {

    /** Address 1 is what every platform sends for a single camera; the address rarely matters over GB28181. */
    public static final int DEFAULT_ADDRESS = 1;

    /** The 8-byte frame as hex of the PTZ stop instruction to address 1. */
    public static final String STOP_HEX = "A50F0100000000B5";

    private static final int START = 0xA5;
    private static final int VERSION = 0;
    private static final int MAX_12_BITS = 0xFFF;

    /** What an instruction byte does; the instruction codes of A.3. */
    public enum Kind {
        PTZ, FI, SET_PRESET, CALL_PRESET, DELETE_PRESET, ADD_CRUISE_POINT, DELETE_CRUISE_POINT, SET_CRUISE_SPEED,
        SET_CRUISE_DWELL_TIME, START_CRUISE, SCAN, SET_SCAN_SPEED, AUX_ON, AUX_OFF;

        static Kind of(int instruction) {
            if ((instruction & 0xC0) == 0) {
                return PTZ;
            }
            if ((instruction & 0xF0) == 0x40) {
                return FI;
            }
            switch (instruction) {
                case 0x81: return SET_PRESET;
                case 0x82: return CALL_PRESET;
                case 0x83: return DELETE_PRESET;
                case 0x84: return ADD_CRUISE_POINT;
                case 0x85: return DELETE_CRUISE_POINT;
                case 0x86: return SET_CRUISE_SPEED;
                case 0x87: return SET_CRUISE_DWELL_TIME;
                case 0x88: return START_CRUISE;
                case 0x89: return SCAN;
                case 0x8A: return SET_SCAN_SPEED;
                case 0x8C: return AUX_ON;
                case 0x8D: return AUX_OFF;
                default: return null;
            }
        }
    }

    /** Horizontal movement (byte 4 bits 1 and 0). */
    public enum Pan { NONE, LEFT, RIGHT }

    /** Vertical movement (byte 4 bits 3 and 2). */
    public enum Tilt { NONE, UP, DOWN }

    /** Lens zoom (byte 4 bits 5 and 4): IN = 放大 (tele), OUT = 缩小 (wide). */
    public enum Zoom { NONE, IN, OUT }

    /** Iris (FI byte 4 bits 3 and 2): OPEN = 放大, CLOSE = 缩小. */
    public enum Iris { NONE, OPEN, CLOSE }

    /** Focus (FI byte 4 bits 1 and 0). */
    public enum Focus { NONE, NEAR, FAR }

    /** What a {@code 0x89} scan instruction does, from data 2. */
    public enum ScanAction {
        START(0), SET_LEFT_BOUND(1), SET_RIGHT_BOUND(2);

        private final int code;

        ScanAction(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** The eight directions a PTZ instruction can move in; names such as {@code upleft} are accepted by {@link #of}. */
    public enum Direction {
        UP(Pan.NONE, Tilt.UP), DOWN(Pan.NONE, Tilt.DOWN), LEFT(Pan.LEFT, Tilt.NONE), RIGHT(Pan.RIGHT, Tilt.NONE),
        UP_LEFT(Pan.LEFT, Tilt.UP), UP_RIGHT(Pan.RIGHT, Tilt.UP), DOWN_LEFT(Pan.LEFT, Tilt.DOWN),
        DOWN_RIGHT(Pan.RIGHT, Tilt.DOWN);

        private final Pan pan;
        private final Tilt tilt;

        Direction(Pan pan, Tilt tilt) {
            this.pan = pan;
            this.tilt = tilt;
        }

        public Pan pan() {
            return pan;
        }

        public Tilt tilt() {
            return tilt;
        }

        /** {@code up}, {@code UP_LEFT}, {@code up-left}, {@code upLeft}, {@code leftup} … */
        public static Direction of(String name) {
            String n = normalise(name);
            for (Direction d : values()) {
                String compact = d.name().replace("_", "").toLowerCase(Locale.ROOT);
                if (compact.equals(n)) {
                    return d;
                }
            }
            switch (n) {
                case "leftup": return UP_LEFT;
                case "rightup": return UP_RIGHT;
                case "leftdown": return DOWN_LEFT;
                case "rightdown": return DOWN_RIGHT;
                default: throw new IllegalArgumentException("unknown PTZ direction '" + name
                        + "'; expected up, down, left, right, upleft, upright, downleft or downright");
            }
        }
    }

    private final int address;
    private final int instruction;
    private final int data1;
    private final int data2;
    private final int data3;

    private PtzCmd(int address, int instruction, int data1, int data2, int data3) {
        this.address = address;
        this.instruction = instruction;
        this.data1 = data1;
        this.data2 = data2;
        this.data3 = data3;
    }

    // ---------------------------------------------------------------- PTZ (A.3.2)

    /** PTZ stop: every movement and zoom ends ({@code A50F0100000000B5}); also ends a running cruise or scan. */
    public static PtzCmd stop() {
        return new PtzCmd(DEFAULT_ADDRESS, 0, 0, 0, 0);
    }

    /** Moves in a direction; the pan speed goes to byte 5 and the tilt speed to byte 6 as given (0–255 each). */
    public static PtzCmd move(Direction direction, int panSpeed, int tiltSpeed) {
        requireNonNull(direction, "direction");
        return ptz(direction.pan(), direction.tilt(), Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    /** Moves in a direction with the same speed (0–255) for pan and tilt, as most platforms send it. */
    public static PtzCmd move(Direction direction, int speed) {
        return move(direction, speed, speed);
    }

    /** Zooms in or out at a zoom speed of 0–15 (byte 7 high nibble). */
    public static PtzCmd zoom(Zoom zoom, int zoomSpeed) {
        requireNonNull(zoom, "zoom");
        if (zoom == Zoom.NONE) {
            throw new IllegalArgumentException("zoom must be IN or OUT; use stop() to stop");
        }
        return ptz(Pan.NONE, Tilt.NONE, zoom, 0, 0, zoomSpeed);
    }

    /**
     * Any PTZ combination, for example a direction and a zoom at once. Opposite directions cannot be expressed (the
     * enums allow one of each), which is what A.3.2 requires: "up and down, left and right, must not both be set".
     */
    public static PtzCmd ptz(Pan pan, Tilt tilt, Zoom zoom, int panSpeed, int tiltSpeed, int zoomSpeed) {
        requireNonNull(pan, "pan");
        requireNonNull(tilt, "tilt");
        requireNonNull(zoom, "zoom");
        checkRange("pan speed", panSpeed, 0, 255);
        checkRange("tilt speed", tiltSpeed, 0, 255);
        checkRange("zoom speed", zoomSpeed, 0, 15);
        int code = 0;
        code |= pan == Pan.RIGHT ? 0x01 : pan == Pan.LEFT ? 0x02 : 0;
        code |= tilt == Tilt.DOWN ? 0x04 : tilt == Tilt.UP ? 0x08 : 0;
        code |= zoom == Zoom.IN ? 0x10 : zoom == Zoom.OUT ? 0x20 : 0;
        return new PtzCmd(DEFAULT_ADDRESS, code, panSpeed, tiltSpeed, zoomSpeed);
    }

    // ---------------------------------------------------------------- FI (A.3.3)

    /** Focus and iris together or alone; focus speed in byte 5, iris speed in byte 6 (0–255 each). */
    public static PtzCmd fi(Iris iris, Focus focus, int focusSpeed, int irisSpeed) {
        requireNonNull(iris, "iris");
        requireNonNull(focus, "focus");
        checkRange("focus speed", focusSpeed, 0, 255);
        checkRange("iris speed", irisSpeed, 0, 255);
        int code = 0x40;
        code |= iris == Iris.CLOSE ? 0x08 : iris == Iris.OPEN ? 0x04 : 0;
        code |= focus == Focus.NEAR ? 0x02 : focus == Focus.FAR ? 0x01 : 0;
        return new PtzCmd(DEFAULT_ADDRESS, code, focusSpeed, irisSpeed, 0);
    }

    /** Iris open or close at a speed of 0–255. */
    public static PtzCmd iris(Iris iris, int speed) {
        if (iris == Iris.NONE) {
            throw new IllegalArgumentException("iris must be OPEN or CLOSE; use fiStop() to stop");
        }
        return fi(iris, Focus.NONE, 0, speed);
    }

    /** Focus near or far at a speed of 0–255. */
    public static PtzCmd focus(Focus focus, int speed) {
        if (focus == Focus.NONE) {
            throw new IllegalArgumentException("focus must be NEAR or FAR; use fiStop() to stop");
        }
        return fi(Iris.NONE, focus, speed, 0);
    }

    /** FI stop: instruction {@code 0x40} with no bits ({@code A50F0140000000F5}). */
    public static PtzCmd fiStop() {
        return new PtzCmd(DEFAULT_ADDRESS, 0x40, 0, 0, 0);
    }

    // ---------------------------------------------------------------- presets (A.3.4)

    /** Stores the current position as preset 1–255. */
    public static PtzCmd setPreset(int preset) {
        return preset(0x81, preset);
    }

    /** Moves to preset 1–255. */
    public static PtzCmd callPreset(int preset) {
        return preset(0x82, preset);
    }

    /** Deletes preset 1–255. */
    public static PtzCmd deletePreset(int preset) {
        return preset(0x83, preset);
    }

    private static PtzCmd preset(int code, int preset) {
        checkRange("preset number", preset, 1, 255);
        return new PtzCmd(DEFAULT_ADDRESS, code, 0, preset, 0);
    }

    // ---------------------------------------------------------------- cruise (A.3.5)

    /** Adds preset 1–255 as a point of cruise group 0–255. */
    public static PtzCmd addCruisePoint(int group, int preset) {
        checkRange("cruise group", group, 0, 255);
        checkRange("preset number", preset, 1, 255);
        return new PtzCmd(DEFAULT_ADDRESS, 0x84, group, preset, 0);
    }

    /** Deletes preset 1–255 from cruise group 0–255; preset 0 deletes the whole cruise. */
    public static PtzCmd deleteCruisePoint(int group, int preset) {
        checkRange("cruise group", group, 0, 255);
        checkRange("preset number (0 = whole cruise)", preset, 0, 255);
        return new PtzCmd(DEFAULT_ADDRESS, 0x85, group, preset, 0);
    }

    /** Deletes a whole cruise: {@code 0x85} with preset 0. */
    public static PtzCmd deleteCruise(int group) {
        return deleteCruisePoint(group, 0);
    }

    /** Sets the cruise speed, 1–4095 (12 bits: byte 6 low 8, byte 7 high nibble the high 4). */
    public static PtzCmd setCruiseSpeed(int group, int speed) {
        checkRange("cruise group", group, 0, 255);
        checkRange("cruise speed", speed, 1, MAX_12_BITS);
        return twelveBit(0x86, group, speed);
    }

    /** Sets the dwell time at each cruise point, 1–4095 seconds (12 bits like the speed). */
    public static PtzCmd setCruiseDwellTime(int group, int seconds) {
        checkRange("cruise group", group, 0, 255);
        checkRange("cruise dwell time", seconds, 1, MAX_12_BITS);
        return twelveBit(0x87, group, seconds);
    }

    /** Starts cruise group 0–255; stop it with {@link #stop()}. */
    public static PtzCmd startCruise(int group) {
        checkRange("cruise group", group, 0, 255);
        return new PtzCmd(DEFAULT_ADDRESS, 0x88, group, 0, 0);
    }

    // ---------------------------------------------------------------- scan (A.3.6)

    /** Starts, or sets a bound of, auto-scan group 0–255; stop it with {@link #stop()}. */
    public static PtzCmd scan(int group, ScanAction action) {
        checkRange("scan group", group, 0, 255);
        requireNonNull(action, "scan action");
        return new PtzCmd(DEFAULT_ADDRESS, 0x89, group, action.code(), 0);
    }

    public static PtzCmd startScan(int group) {
        return scan(group, ScanAction.START);
    }

    public static PtzCmd setScanLeftBound(int group) {
        return scan(group, ScanAction.SET_LEFT_BOUND);
    }

    public static PtzCmd setScanRightBound(int group) {
        return scan(group, ScanAction.SET_RIGHT_BOUND);
    }

    /** Sets the scan speed, 1–4095 (12 bits like the cruise speed). */
    public static PtzCmd setScanSpeed(int group, int speed) {
        checkRange("scan group", group, 0, 255);
        checkRange("scan speed", speed, 1, MAX_12_BITS);
        return twelveBit(0x8A, group, speed);
    }

    private static PtzCmd twelveBit(int code, int group, int value) {
        return new PtzCmd(DEFAULT_ADDRESS, code, group, value & 0xFF, value >> 8);
    }

    // ---------------------------------------------------------------- auxiliary switch (A.3.7)

    /** Switches auxiliary switch 1–255 on (1 is the wiper). */
    public static PtzCmd auxOn(int aux) {
        checkRange("auxiliary switch number", aux, 1, 255);
        return new PtzCmd(DEFAULT_ADDRESS, 0x8C, aux, 0, 0);
    }

    /** Switches auxiliary switch 1–255 off (1 is the wiper). */
    public static PtzCmd auxOff(int aux) {
        checkRange("auxiliary switch number", aux, 1, 255);
        return new PtzCmd(DEFAULT_ADDRESS, 0x8D, aux, 0, 0);
    }

    /** Wiper on: auxiliary switch 1. */
    public static PtzCmd wiperOn() {
        return auxOn(1);
    }

    /** Wiper off: auxiliary switch 1. */
    public static PtzCmd wiperOff() {
        return auxOff(1);
    }

    // ---------------------------------------------------------------- address, encoding, parsing

    /** The same instruction for another address, 0–4095 (byte 3 low 8 bits, byte 7 low nibble high 4 bits). */
    public PtzCmd withAddress(int address) {
        checkRange("address", address, 0, MAX_12_BITS);
        return new PtzCmd(address, instruction, data1, data2, data3);
    }

    /** The 8 bytes of the frame. */
    public byte[] toBytes() {
        int[] b = frame();
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** The 16 upper-case hex characters that go into {@code <PTZCmd>}. */
    public String toHex() {
        StringBuilder sb = new StringBuilder(16);
        for (int v : frame()) {
            sb.append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
        }
        return sb.toString();
    }

    private int[] frame() {
        int[] b = new int[8];
        b[0] = START;
        b[1] = (VERSION << 4) | checkNibble(VERSION);
        b[2] = address & 0xFF;
        b[3] = instruction;
        b[4] = data1;
        b[5] = data2;
        b[6] = (data3 << 4) | (address >> 8);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += b[i];
        }
        b[7] = sum % 256;
        return b;
    }

    /** A.3.1: (byte1 high nibble + byte1 low nibble + byte2 high nibble) % 16. */
    private static int checkNibble(int version) {
        return ((START >> 4) + (START & 0xF) + version) % 16;
    }

    /**
     * Reads a frame received in {@code <PTZCmd>} (upper or lower case, surrounding blanks ignored). Checks the length,
     * the {@code A5} start code, version 0 and its check nibble, the checksum, and that the instruction is one of A.3
     * without contradicting bits (up with down, left with right, zoom in with out, iris open with close, focus near
     * with far).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PtzCmd parse(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("PTZCmd is null");
        }
        String s = hex.trim();
        if (s.length() != 16) {
            throw new IllegalArgumentException("PTZCmd must be 16 hex characters (8 bytes), got " + s.length()
                    + ": '" + s + "'");
        }
        int[] b = new int[8];
        for (int i = 0; i < 8; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("PTZCmd has a non-hex character in byte " + (i + 1) + ": '" + s + "'");
            }
            b[i] = (hi << 4) | lo;
        }
        if (b[0] != START) {
            throw new IllegalArgumentException(String.format("PTZCmd must start with A5, got %02X: '%s'", b[0], s));
        }
        int version = b[1] >> 4;
        if ((b[1] & 0xF) != checkNibble(version)) {
            throw new IllegalArgumentException(String.format(
                    "PTZCmd byte 2 check nibble is %X, expected %X for version %d: '%s'", b[1] & 0xF,
                    checkNibble(version), version, s));
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("PTZCmd version " + version + " is not supported (only 0): '" + s + "'");
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += b[i];
        }
        if (sum % 256 != b[7]) {
            throw new IllegalArgumentException(String.format("PTZCmd checksum is %02X, expected %02X: '%s'", b[7],
                    sum % 256, s));
        }
        int code = b[3];
        Kind kind = Kind.of(code);
        if (kind == null) {
            throw new IllegalArgumentException(String.format("PTZCmd instruction %02X is not defined by GB/T 28181 "
                    + "Annex A.3: '%s'", code, s));
        }
        if (kind == Kind.PTZ && ((code & 0x03) == 0x03 || (code & 0x0C) == 0x0C || (code & 0x30) == 0x30)) {
            throw new IllegalArgumentException(String.format(
                    "PTZCmd instruction %02X sets opposite directions or both zooms: '%s'", code, s));
        }
        if (kind == Kind.FI && ((code & 0x03) == 0x03 || (code & 0x0C) == 0x0C)) {
            throw new IllegalArgumentException(String.format(
                    "PTZCmd instruction %02X sets both iris directions or both focus directions: '%s'", code, s));
        }
        int address = ((b[6] & 0x0F) << 8) | b[2];
        return new PtzCmd(address, code, b[4], b[5], b[6] >> 4);
    }

    // ---------------------------------------------------------------- raw fields

    public Kind kind() {
        return Kind.of(instruction);
    }

    public int address() {
        return address;
    }

    /** Byte 4. */
    public int instruction() {
        return instruction;
    }

    /** Byte 5. */
    public int data1() {
        return data1;
    }

    /** Byte 6. */
    public int data2() {
        return data2;
    }

    /** Byte 7 high nibble. */
    public int data3() {
        return data3;
    }

    /** True for the PTZ stop (instruction 0) and the FI stop (instruction {@code 0x40}). */
    public boolean isStop() {
        return instruction == 0 || instruction == 0x40;
    }

    // ---------------------------------------------------------------- decoded views

    public Pan pan() {
        require(Kind.PTZ);
        return (instruction & 0x02) != 0 ? Pan.LEFT : (instruction & 0x01) != 0 ? Pan.RIGHT : Pan.NONE;
    }

    public Tilt tilt() {
        require(Kind.PTZ);
        return (instruction & 0x08) != 0 ? Tilt.UP : (instruction & 0x04) != 0 ? Tilt.DOWN : Tilt.NONE;
    }

    public Zoom zoom() {
        require(Kind.PTZ);
        return (instruction & 0x10) != 0 ? Zoom.IN : (instruction & 0x20) != 0 ? Zoom.OUT : Zoom.NONE;
    }

    /** The direction moved in, or null when neither panning nor tilting. */
    public Direction direction() {
        Pan p = pan();
        Tilt t = tilt();
        for (Direction d : Direction.values()) {
            if (d.pan() == p && d.tilt() == t) {
                return d;
            }
        }
        return null;
    }

    public int panSpeed() {
        require(Kind.PTZ);
        return data1;
    }

    public int tiltSpeed() {
        require(Kind.PTZ);
        return data2;
    }

    public int zoomSpeed() {
        require(Kind.PTZ);
        return data3;
    }

    public Iris iris() {
        require(Kind.FI);
        return (instruction & 0x08) != 0 ? Iris.CLOSE : (instruction & 0x04) != 0 ? Iris.OPEN : Iris.NONE;
    }

    public Focus focus() {
        require(Kind.FI);
        return (instruction & 0x02) != 0 ? Focus.NEAR : (instruction & 0x01) != 0 ? Focus.FAR : Focus.NONE;
    }

    public int focusSpeed() {
        require(Kind.FI);
        return data1;
    }

    public int irisSpeed() {
        require(Kind.FI);
        return data2;
    }

    /** The preset of a preset instruction or of a cruise point instruction (0 in a delete = whole cruise). */
    public int preset() {
        require(Kind.SET_PRESET, Kind.CALL_PRESET, Kind.DELETE_PRESET, Kind.ADD_CRUISE_POINT, Kind.DELETE_CRUISE_POINT);
        return data2;
    }

    /** The cruise or scan group. */
    public int group() {
        require(Kind.ADD_CRUISE_POINT, Kind.DELETE_CRUISE_POINT, Kind.SET_CRUISE_SPEED, Kind.SET_CRUISE_DWELL_TIME,
                Kind.START_CRUISE, Kind.SCAN, Kind.SET_SCAN_SPEED);
        return data1;
    }

    /** The 12-bit cruise speed, dwell time (seconds) or scan speed. */
    public int value12() {
        require(Kind.SET_CRUISE_SPEED, Kind.SET_CRUISE_DWELL_TIME, Kind.SET_SCAN_SPEED);
        return (data3 << 8) | data2;
    }

    /** What a scan instruction does, or null for a data 2 value A.3.6 does not define. */
    public ScanAction scanAction() {
        require(Kind.SCAN);
        for (ScanAction a : ScanAction.values()) {
            if (a.code() == data2) {
                return a;
            }
        }
        return null;
    }

    public int auxNumber() {
        require(Kind.AUX_ON, Kind.AUX_OFF);
        return data1;
    }

    private void require(Kind... kinds) {
        Kind k = kind();
        for (Kind allowed : kinds) {
            if (allowed == k) {
                return;
            }
        }
        throw new IllegalStateException("not available for a " + k + " instruction (" + toHex() + ")");
    }

    // ---------------------------------------------------------------- helpers

    static String normalise(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        return name.trim().replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + "–" + max + ", got " + value);
        }
    }

    private static void requireNonNull(Object o, String what) {
        if (o == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PtzCmd)) {
            return false;
        }
        PtzCmd other = (PtzCmd) o;
        return address == other.address && instruction == other.instruction && data1 == other.data1
                && data2 == other.data2 && data3 == other.data3;
    }

    @Override
    public int hashCode() {
        return (((address * 31 + instruction) * 31 + data1) * 31 + data2) * 31 + data3;
    }

    /** The hex frame, so a PtzCmd can be put where a String is expected. */
    @Override
    public String toString() {
        return toHex();
    }
}
