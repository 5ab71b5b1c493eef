package io.github.camelgb28181.media.mansrtsp;

import java.util.Locale;

import io.github.camelgb28181.media.mansrtsp.MansrtspText.Lines;

/**
 * Reads MANSRTSP requests (which a superior platform sends us in a cascade) and responses (which devices send back).
 * Stateless and thread-safe. Tolerates CRLF or LF line ends, any header-name case, leading empty lines, trailing NUL
 * padding, an RTSP URL in the start line, and unknown headers (counted against the limit, then ignored). Refuses with
 * {@link MansrtspParseException} anything else: unknown methods or versions, missing or repeated CSeq, a Scale outside
 * 0.25–8, a Range that is not npt, non-ASCII or control bytes, and input over the size or header limits.
 */
public final class MansrtspParser {

    /** Real bodies are under 100 bytes. */
    public static final int DEFAULT_MAX_SIZE = 1024;
    public static final int DEFAULT_MAX_HEADERS = 16;

    private final int maxSize;
    private final int maxHeaders;

    public MansrtspParser() {
        this(DEFAULT_MAX_SIZE, DEFAULT_MAX_HEADERS);
    }

    public MansrtspParser(int maxSize, int maxHeaders) {
        if (maxSize < 32 || maxHeaders < 1) {
            throw new IllegalArgumentException("limits too small: " + maxSize + " bytes, " + maxHeaders + " headers");
        }
        this.maxSize = maxSize;
        this.maxHeaders = maxHeaders;
    }

    public MansrtspRequest parseRequest(byte[] data) throws MansrtspParseException {
        return parseRequest(data, 0, data.length);
    }

    public MansrtspRequest parseRequest(byte[] data, int offset, int length) throws MansrtspParseException {
        Lines lines = MansrtspText.split(data, offset, length, maxSize, maxHeaders);
        String[] start = lines.startLine().split("[ \t]+");
        // "PLAY RTSP/1.0" as GB writes it; "PLAY rtsp://host/x RTSP/1.0" as plain RTSP would
        if (start.length != 2 && start.length != 3) {
            throw new MansrtspParseException("malformed start line: '" + MansrtspText.printable(lines.startLine())
                    + "'");
        }
        MansrtspMethod method = method(start[0]);
        MansrtspRequest.Version version = MansrtspText.version(start[start.length - 1]);
        if (version == null) {
            throw new MansrtspParseException("unsupported version: '" + MansrtspText.printable(start[start.length - 1])
                    + "'");
        }
        long cseq = MansrtspText.cseq(lines.single("CSeq"));
        if (cseq < 0) {
            throw new MansrtspParseException("missing CSeq");
        }
        MansrtspRequest.Builder b = MansrtspRequest.builder(method, cseq).version(version);
        try {
            String scale = lines.single("Scale");
            if (scale != null) {
                b.scale(NptTime.decimal(scale, 10));
            }
            String range = lines.single("Range");
            if (range != null) {
                b.range(NptRange.parse(range));
            }
            String pause = lines.single("PauseTime");
            if (pause != null) {
                b.pauseTime(NptTime.parse(pause));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MansrtspParseException(e.getMessage());
        }
    }

    public MansrtspResponse parseResponse(byte[] data) throws MansrtspParseException {
        return parseResponse(data, 0, data.length);
    }

    public MansrtspResponse parseResponse(byte[] data, int offset, int length) throws MansrtspParseException {
        Lines lines = MansrtspText.split(data, offset, length, maxSize, maxHeaders);
        String line = lines.startLine();
        int sp1 = line.indexOf(' ');
        MansrtspRequest.Version version = sp1 < 0 ? null : MansrtspText.version(line.substring(0, sp1));
        if (version == null) {
            throw new MansrtspParseException("not a status line: '" + MansrtspText.printable(line) + "'");
        }
        String rest = line.substring(sp1 + 1).trim();
        int sp2 = rest.indexOf(' ');
        String code = sp2 < 0 ? rest : rest.substring(0, sp2);
        if (code.length() != 3 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))
                || !Character.isDigit(code.charAt(2)) || code.charAt(0) == '0') {
            throw new MansrtspParseException("bad status code: '" + MansrtspText.printable(code) + "'");
        }
        return new MansrtspResponse(version, Integer.parseInt(code), sp2 < 0 ? "" : rest.substring(sp2 + 1).trim(),
                MansrtspText.cseq(lines.single("CSeq")));
    }

    private static MansrtspMethod method(String token) throws MansrtspParseException {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "PLAY" -> MansrtspMethod.PLAY;
            case "PAUSE" -> MansrtspMethod.PAUSE;
            case "TEARDOWN" -> MansrtspMethod.TEARDOWN;
            default -> throw new MansrtspParseException("unsupported method: '" + MansrtspText.printable(token) + "'");
        };
    }
}
