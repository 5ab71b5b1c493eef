package io.github.camelgb28181.manscdp;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Repairs the malformed MANSCDP bodies real devices send (SPEC §5) so that a strict XML parser can read them. Works on
 * decoded text in one forward pass (plus one pre-pass only when control characters are present); every look-ahead is
 * bounded or cached, so the cost is linear in the body size whatever the input (no regular expressions).
 *
 * <p>
 * Repairs, each reported as a {@link Fix}:
 * <ul>
 * <li>NUL and other control characters (U+0001–U+001F except tab, CR, LF; U+FFFE/U+FFFF; lone surrogates) are dropped
 * anywhere;</li>
 * <li>the XML declaration is rewritten to {@code <?xml version="1.0" encoding="X"?>}, adding one when missing
 * ({@code X} = {@value #DEFAULT_ENCODING}) and normalising the encoding name ({@code gb2312} becomes {@code GB2312});
 * the declaration is informational only, the text is already decoded;</li>
 * <li>anything between the declaration (or the start) and the root element, and anything after the root element's end
 * tag, is dropped — this also drops any {@code DOCTYPE};</li>
 * <li>{@code &} that does not start {@code &amp; &lt; &gt; &quot; &apos;} or a decimal/hexadecimal character
 * reference (to anything but NUL, surrogates, U+FFFE, U+FFFF) is escaped as {@code &amp;};</li>
 * <li>{@code <} that cannot start markup is escaped as {@code &lt;}; {@code >} in text is always written as
 * {@code &gt;}; inside free-text leaf elements ({@code Name}, {@code Address}, {@code Description}, ...) everything up
 * to the element's own end tag is text, so {@code <Address>Gate <3> & <B></Address>} survives;</li>
 * <li>{@code CmdType}, {@code SN} and {@code DeviceID} given as attributes of the root become child elements;</li>
 * <li>end tags of the root or of a free-text leaf that differ only in case are rewritten; an end tag that would close
 * the root but names another element is dropped; an XML declaration inside the root is dropped.</li>
 * </ul>
 */
public final class ManscdpRepair {

    /** The encoding written into a declaration the device left out (the MANSCDP default, SPEC §4). */
    public static final String DEFAULT_ENCODING = "GB2312";

    /** What was repaired. */
    public enum Fix {
        /** NUL bytes/characters removed. */
        NUL_BYTES,
        /** Other characters XML 1.0 forbids removed. */
        CONTROL_CHARACTERS,
        /** No XML declaration; one was added. */
        MISSING_DECLARATION,
        /** The declaration's encoding name was normalised (for example {@code gb2312}). */
        DECLARATION_ENCODING,
        /** Non-blank content before the root element removed. */
        GARBAGE_BEFORE_ROOT,
        /** Non-blank content after the root element removed. */
        TRAILING_GARBAGE,
        /** A {@code &} not starting an entity or character reference escaped. */
        STRAY_AMPERSAND,
        /** A {@code <} that could not start markup (or a {@code >} inside free text) escaped. */
        STRAY_ANGLE_BRACKET,
        /** {@code CmdType}/{@code SN}/{@code DeviceID} attributes of the root turned into child elements. */
        ROOT_ATTRIBUTES,
        /** An end tag in a different case than its start tag rewritten. */
        END_TAG_CASE,
        /** An end tag that would have closed the root element early dropped. */
        UNBALANCED_END_TAG,
        /** An XML declaration inside the root element dropped. */
        MISPLACED_DECLARATION
    }

    /**
     * A repaired body.
     *
     * @param xml     the repaired text (always starting with a declaration when a root was found)
     * @param fixes   what was repaired; empty when the body was well-formed already
     * @param root    the root element's name, or null when the body has no element at all
     * @param cmdType the text of the root's first {@code CmdType} child (or attribute), trimmed, or null
     */
    public record Result(String xml, Set<Fix> fixes, String root, String cmdType) {

        public Result {
            fixes = Collections.unmodifiableSet(fixes.isEmpty() ? EnumSet.noneOf(Fix.class) : EnumSet.copyOf(fixes));
        }

        public boolean repaired() {
            return !fixes.isEmpty();
        }
    }

    /** Free-text leaves whose content is taken verbatim up to their own end tag. */
    private static final String[] TEXT_LEAVES = { "Name", "DeviceName", "Address", "Description", "AlarmDescription",
            "Manufacturer", "Model", "Owner", "Firmware", "PresetName", "FilePath", "Block", "Reason" };

    private static final String[] ROOT_ATTRIBUTES = { "CmdType", "SN", "DeviceID" };

    private static final String[] PREDEFINED_ENTITIES = { "amp", "lt", "gt", "quot", "apos" };

    private static final int MAX_DECLARATION = 1024;
    private static final int MAX_ENTITY = 12;

    private ManscdpRepair() {
    }

    /** Removes NUL bytes; returns {@code body} itself when it has none. */
    public static byte[] stripNul(byte[] body) {
        int count = 0;
        for (byte b : body) {
            if (b == 0) {
                count++;
            }
        }
        if (count == 0) {
            return body;
        }
        byte[] out = new byte[body.length - count];
        int j = 0;
        for (byte b : body) {
            if (b != 0) {
                out[j++] = b;
            }
        }
        return out;
    }

    /** Whether the text holds a {@code <!DOCTYPE} or {@code <!ENTITY} declaration (any case), which MANSCDP never needs. */
    public static boolean containsDoctype(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '<' && i + 1 < n && s.charAt(i + 1) == '!'
                    && (regionMatchesIgnoreCase(s, i + 2, "DOCTYPE") || regionMatchesIgnoreCase(s, i + 2, "ENTITY"))) {
                return true;
            }
        }
        return false;
    }

    /** Repairs a decoded body. */
    public static Result repair(String text) {
        EnumSet<Fix> fixes = EnumSet.noneOf(Fix.class);
        String s = stripControls(text, fixes);
        return new Repairer(s, fixes).run();
    }

    /** Drops characters XML 1.0 does not allow; returns {@code s} itself when it has none (one scan, no allocation). */
    private static String stripControls(String s, EnumSet<Fix> fixes) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (badCharAt(s, i)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (badCharAt(s, i)) {
                fixes.add(c == 0 ? Fix.NUL_BYTES : Fix.CONTROL_CHARACTERS);
            } else {
                b.append(c);
                if (Character.isHighSurrogate(c)) {
                    b.append(s.charAt(++i)); // badCharAt checked the pair
                }
            }
        }
        return b.toString();
    }

    private static boolean badCharAt(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c < 0xD800) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            // a low surrogate preceded by a high one is the second half of a pair, checked with the first
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == 0xFFFE || c == 0xFFFF;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence s, int from, String what) {
        if (from + what.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < what.length(); k++) {
            char a = s.charAt(from + k);
            char b = what.charAt(k);
            if (a != b && Character.toUpperCase(a) != Character.toUpperCase(b)) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isNameStart(char c) {
        return c == '_' || c == ':' || (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c));
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9')
                || (c >= 0x80 && (Character.isLetterOrDigit(c) || c == 0xB7));
    }

    /**
     * Whether a character reference to {@code cp} is kept: any character but NUL, surrogates and U+FFFE/U+FFFF (the
     * XML 1.1 rule; {@link ManscdpReader} lets its parser accept such references in XML 1.0 documents).
     */
    static boolean isReferenceable(int cp) {
        return cp >= 1 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }

    /** Normalises a declared encoding name; unusable names become the default. */
    static String normaliseEncoding(String declared) {
        if (declared == null || declared.isEmpty() || declared.length() > 40) {
            return DEFAULT_ENCODING;
        }
        for (int i = 0; i < declared.length(); i++) {
            char c = declared.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':'))) {
                return DEFAULT_ENCODING;
            }
        }
        String up = declared.toUpperCase(java.util.Locale.ROOT);
        if (up.equals("UTF8")) {
            return "UTF-8";
        }
        return up;
    }

    /** One repair run; not thread-safe, not reused. */
    private static final class Repairer {

        private final String s;
        private final int n;
        private final EnumSet<Fix> fixes;
        private final StringBuilder out;

        private int depth;
        private String root;
        private int rootNameStart;
        private int rootNameLength;
        private String cmdType;
        private int captureStart = -1;
        private int leafStart = -1;
        private int leafLength;
        private StringBuilder moved;

        // cached terminator searches: -1 unknown, otherwise the last position found; *None: none left after it
        private int cdataEnd = -1;
        private boolean cdataNone;
        private int commentEnd = -1;
        private boolean commentNone;
        private int piEnd = -1;
        private boolean piNone;

        Repairer(String s, EnumSet<Fix> fixes) {
            this.s = s;
            this.n = s.length();
            this.fixes = fixes;
            this.out = new StringBuilder(n + 64);
        }

        Result run() {
            int i = 0;
            while (i < n && (isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
                i++;
            }
            String encoding = null;
            boolean declared = false;
            if (regionMatchesIgnoreCase(s, i, "<?xml") && i + 5 < n
                    && (isWhitespace(s.charAt(i + 5)) || s.charAt(i + 5) == '?')) {
                int end = declarationEnd(i + 5);
                if (end >= 0) {
                    declared = true;
                    encoding = pseudoAttribute(i + 5, end, "encoding");
                    i = end + 2;
                }
            }
            String normalised = normaliseEncoding(encoding);
            if (!declared) {
                fixes.add(Fix.MISSING_DECLARATION);
            } else if (!normalised.equals(encoding)) {
                fixes.add(Fix.DECLARATION_ENCODING);
            }
            int rootStart = -1;
            for (int k = i; k < n; k++) {
                char c = s.charAt(k);
                if (c == '<' && k + 1 < n && isNameStart(s.charAt(k + 1))) {
                    rootStart = k;
                    break;
                }
                if (!isWhitespace(c) && c != '\uFEFF') {
                    fixes.add(Fix.GARBAGE_BEFORE_ROOT);
                }
            }
            if (rootStart < 0) {
                return new Result(s, fixes, null, null);
            }
            out.append("<?xml version=\"1.0\" encoding=\"").append(normalised).append("\"?>\n");
            int end = body(rootStart);
            if (root == null) {
                return new Result(s, fixes, null, null);
            }
            for (int k = end; k < n; k++) {
                if (!isWhitespace(s.charAt(k))) {
                    fixes.add(Fix.TRAILING_GARBAGE);
                    break;
                }
            }
            return new Result(out.toString(), fixes, root, cmdType);
        }

        /** The index of the {@code ?>} ending a declaration whose attributes start at {@code from}, or -1. */
        private int declarationEnd(int from) {
            int limit = Math.min(n - 1, from + MAX_DECLARATION);
            for (int k = from; k < limit; k++) {
                char c = s.charAt(k);
                if (c == '?' && s.charAt(k + 1) == '>') {
                    return k;
                }
                if (c == '<' || c == '>') {
                    return -1;
                }
            }
            return -1;
        }

        /** The value of a pseudo-attribute in {@code s[from, to)}, or null. */
        private String pseudoAttribute(int from, int to, String name) {
            int k = from;
            while (k < to) {
                if (regionMatchesIgnoreCase(s, k, name) && (k == from || !isNameChar(s.charAt(k - 1)))) {
                    int j = k + name.length();
                    while (j < to && isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    if (j < to && s.charAt(j) == '=') {
                        j++;
                        while (j < to && isWhitespace(s.charAt(j))) {
                            j++;
                        }
                        if (j < to && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                            char q = s.charAt(j);
                            int e = s.indexOf(q, j + 1);
                            if (e > j && e < to) {
                                return s.substring(j + 1, e).trim();
                            }
                        }
                    }
                    return null;
                }
                k++;
            }
            return null;
        }

        /** Copies and repairs the root element starting at {@code i}; returns the index after it (or n). */
        private int body(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (root == null) {
                    // until a start tag parses, everything is garbage before the root
                    if (c == '<' && i + 1 < n && isNameStart(s.charAt(i + 1))) {
                        int next = startTag(i);
                        if (next >= 0) {
                            i = next;
                            if (depth == 0) {
                                return i;
                            }
                            continue;
                        }
                    }
                    if (!isWhitespace(c)) {
                        fixes.add(Fix.GARBAGE_BEFORE_ROOT);
                    }
                    i++;
                } else if (c == '<') {
                    int next = leafStart >= 0 ? leafMarkup(i) : markup(i);
                    if (next < 0) {
                        out.append("&lt;");
                        fixes.add(Fix.STRAY_ANGLE_BRACKET);
                        i++;
                    } else {
                        i = next;
                        if (root != null && depth == 0) {
                            return i;
                        }
                    }
                } else if (c == '&') {
                    i = ampersand(i);
                } else if (c == '>') {
                    out.append("&gt;");
                    if (leafStart >= 0) {
                        fixes.add(Fix.STRAY_ANGLE_BRACKET);
                    }
                    i++;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return n;
        }

        /** Copies an entity/character reference or escapes a stray {@code &}; returns the next index. */
        private int ampersand(int i) {
            int len = entityLength(i);
            if (len > 0) {
                out.append(s, i, i + len);
                return i + len;
            }
            out.append("&amp;");
            fixes.add(Fix.STRAY_AMPERSAND);
            return i + 1;
        }

        /** The length of a valid reference starting with the {@code &} at {@code i}, or 0. */
        private int entityLength(int i) {
            int limit = Math.min(n, i + MAX_ENTITY);
            int semi = -1;
            for (int k = i + 1; k < limit; k++) {
                char c = s.charAt(k);
                if (c == ';') {
                    semi = k;
                    break;
                }
                if (!(isNameChar(c) || c == '#')) {
                    return 0;
                }
            }
            if (semi < 0 || semi == i + 1) {
                return 0;
            }
            int len = semi - i + 1;
            if (s.charAt(i + 1) == '#') {
                int cp = 0;
                boolean hex = semi > i + 2 && (s.charAt(i + 2) == 'x');
                int from = hex ? i + 3 : i + 2;
                if (from >= semi) {
                    return 0;
                }
                for (int k = from; k < semi; k++) {
                    int d = Character.digit(s.charAt(k), hex ? 16 : 10);
                    if (d < 0 || cp > 0x10FFFF) {
                        return 0;
                    }
                    cp = cp * (hex ? 16 : 10) + d;
                }
                return isReferenceable(cp) ? len : 0;
            }
            int nameLength = semi - i - 1;
            for (String known : PREDEFINED_ENTITIES) {
                if (known.length() == nameLength && s.startsWith(known, i + 1)) {
                    return len;
                }
            }
            return 0;
        }

        /** Markup at {@code i} outside free-text leaves; returns the index after it, or -1 if it is not markup. */
        private int markup(int i) {
            if (i + 1 >= n) {
                return -1;
            }
            char next = s.charAt(i + 1);
            if (isNameStart(next)) {
                return startTag(i);
            }
            if (next == '/') {
                return endTag(i);
            }
            if (next == '!') {
                if (s.startsWith("<!--", i)) {
                    return copyUntil(i, commentEnd(i + 4), 3);
                }
                if (s.startsWith("<![CDATA[", i)) {
                    return copyUntil(i, cdataEnd(i + 9), 3);
                }
                return -1;
            }
            if (next == '?' && i + 2 < n && isNameStart(s.charAt(i + 2))) {
                int end = piEnd(i + 2);
                if (end >= 0 && regionMatchesIgnoreCase(s, i + 2, "xml")
                        && (isWhitespace(s.charAt(i + 5)) || s.charAt(i + 5) == '?')) {
                    fixes.add(Fix.MISPLACED_DECLARATION); // a second declaration, as in two bodies glued together
                    return end + 2;
                }
                return copyUntil(i, end, 2);
            }
            return -1;
        }

        /** Markup at {@code i} inside a free-text leaf: only its end tag, CDATA and comments count. */
        private int leafMarkup(int i) {
            if (s.startsWith("</", i) && s.regionMatches(true, i + 2, s, leafStart, leafLength)) {
                int k = i + 2 + leafLength;
                if (k < n && !isNameChar(s.charAt(k))) {
                    while (k < n && isWhitespace(s.charAt(k))) {
                        k++;
                    }
                    if (k < n && s.charAt(k) == '>') {
                        if (!s.regionMatches(i + 2, s, leafStart, leafLength)) {
                            fixes.add(Fix.END_TAG_CASE);
                        }
                        int mark = out.length();
                        out.append("</").append(s, leafStart, leafStart + leafLength).append('>');
                        leafStart = -1;
                        closed(mark);
                        return k + 1;
                    }
                }
                return -1;
            }
            if (s.startsWith("<!--", i)) {
                return copyUntil(i, commentEnd(i + 4), 3);
            }
            if (s.startsWith("<![CDATA[", i)) {
                return copyUntil(i, cdataEnd(i + 9), 3);
            }
            return -1;
        }

        private int copyUntil(int i, int terminator, int terminatorLength) {
            if (terminator < 0) {
                return -1;
            }
            int end = terminator + terminatorLength;
            out.append(s, i, end);
            return end;
        }

        private int commentEnd(int from) {
            if (commentNone) {
                return -1;
            }
            if (commentEnd < from) {
                commentEnd = s.indexOf("-->", from);
                commentNone = commentEnd < 0;
            }
            return commentEnd;
        }

        private int cdataEnd(int from) {
            if (cdataNone) {
                return -1;
            }
            if (cdataEnd < from) {
                cdataEnd = s.indexOf("]]>", from);
                cdataNone = cdataEnd < 0;
            }
            return cdataEnd;
        }

        private int piEnd(int from) {
            if (piNone) {
                return -1;
            }
            if (piEnd < from) {
                piEnd = s.indexOf("?>", from);
                piNone = piEnd < 0;
            }
            return piEnd;
        }

        /** A start tag at {@code i}; returns the index after it, or -1 (nothing written) if it is malformed. */
        private int startTag(int i) {
            int mark = out.length();
            int nameStart = i + 1;
            int k = nameStart;
            while (k < n && isNameChar(s.charAt(k))) {
                k++;
            }
            int nameLength = k - nameStart;
            boolean isRoot = root == null;
            out.append('<').append(s, nameStart, k);
            boolean selfClosing;
            while (true) {
                while (k < n && isWhitespace(s.charAt(k))) {
                    k++;
                }
                if (k >= n) {
                    return abandon(mark);
                }
                char c = s.charAt(k);
                if (c == '>') {
                    selfClosing = false;
                    k++;
                    break;
                }
                if (c == '/' && k + 1 < n && s.charAt(k + 1) == '>') {
                    selfClosing = true;
                    k += 2;
                    break;
                }
                if (!isNameStart(c)) {
                    return abandon(mark);
                }
                k = attribute(k, isRoot);
                if (k < 0) {
                    return abandon(mark);
                }
            }
            if (isRoot) {
                root = s.substring(nameStart, nameStart + nameLength);
                rootNameStart = nameStart;
                rootNameLength = nameLength;
                out.append('>');
                if (moved != null) {
                    out.append(moved);
                    fixes.add(Fix.ROOT_ATTRIBUTES);
                    moved = null;
                }
                if (selfClosing) {
                    out.append("</").append(root).append('>');
                } else {
                    depth = 1;
                }
                return k;
            }
            captureStart = -1; // CmdType has no children
            if (selfClosing) {
                out.append("/>");
                return k;
            }
            out.append('>');
            depth++;
            if (depth == 2 && cmdType == null && nameLength == 7 && s.regionMatches(true, nameStart, "CmdType", 0, 7)) {
                captureStart = out.length();
            }
            if (isTextLeaf(nameStart, nameLength)) {
                leafStart = nameStart;
                leafLength = nameLength;
            }
            return k;
        }

        private int abandon(int mark) {
            out.setLength(mark);
            moved = null;
            return -1;
        }

        /** An attribute at {@code k}; writes it (or moves it for the root) and returns the index after it, or -1. */
        private int attribute(int k, boolean isRoot) {
            int nameStart = k;
            while (k < n && isNameChar(s.charAt(k))) {
                k++;
            }
            int nameEnd = k;
            while (k < n && isWhitespace(s.charAt(k))) {
                k++;
            }
            if (k >= n || s.charAt(k) != '=') {
                return -1;
            }
            k++;
            while (k < n && isWhitespace(s.charAt(k))) {
                k++;
            }
            if (k >= n || (s.charAt(k) != '"' && s.charAt(k) != '\'')) {
                return -1;
            }
            char quote = s.charAt(k);
            int valueStart = k + 1;
            int valueEnd = -1;
            for (int j = valueStart; j < n; j++) {
                char c = s.charAt(j);
                if (c == quote) {
                    valueEnd = j;
                    break;
                }
                if (c == '<') {
                    return -1;
                }
            }
            if (valueEnd < 0) {
                return -1;
            }
            String element = isRoot ? rootAttributeElement(nameStart, nameEnd - nameStart) : null;
            if (element != null) {
                if (moved == null) {
                    moved = new StringBuilder();
                }
                moved.append('<').append(element).append('>');
                int at = out.length();
                value(valueStart, valueEnd);
                String v = out.substring(at);
                out.setLength(at);
                moved.append(v).append("</").append(element).append('>');
                if (element.equals("CmdType") && cmdType == null) {
                    cmdType = v.trim();
                }
            } else {
                out.append(' ').append(s, nameStart, nameEnd).append('=').append(quote);
                value(valueStart, valueEnd);
                out.append(quote);
            }
            return valueEnd + 1;
        }

        /** Copies an attribute value (no {@code <} inside), escaping stray {@code &}. */
        private void value(int from, int to) {
            int j = from;
            while (j < to) {
                if (s.charAt(j) == '&') {
                    int len = entityLength(j);
                    if (len > 0 && j + len <= to) {
                        out.append(s, j, j + len);
                        j += len;
                    } else {
                        out.append("&amp;");
                        fixes.add(Fix.STRAY_AMPERSAND);
                        j++;
                    }
                } else {
                    out.append(s.charAt(j++));
                }
            }
        }

        private String rootAttributeElement(int nameStart, int length) {
            for (String a : ROOT_ATTRIBUTES) {
                if (a.length() == length && s.regionMatches(true, nameStart, a, 0, length)) {
                    return a;
                }
            }
            return null;
        }

        private boolean isTextLeaf(int nameStart, int length) {
            for (String leaf : TEXT_LEAVES) {
                if (leaf.length() == length && s.regionMatches(true, nameStart, leaf, 0, length)) {
                    return true;
                }
            }
            return false;
        }

        /** An end tag at {@code i}; returns the index after it, or -1 if it is malformed. */
        private int endTag(int i) {
            int nameStart = i + 2;
            if (nameStart >= n || !isNameStart(s.charAt(nameStart))) {
                return -1;
            }
            int k = nameStart;
            while (k < n && isNameChar(s.charAt(k))) {
                k++;
            }
            int nameLength = k - nameStart;
            while (k < n && isWhitespace(s.charAt(k))) {
                k++;
            }
            if (k >= n || s.charAt(k) != '>') {
                return -1;
            }
            if (depth == 1) {
                if (nameLength != rootNameLength || !s.regionMatches(true, nameStart, s, rootNameStart, nameLength)) {
                    fixes.add(Fix.UNBALANCED_END_TAG);
                    return k + 1;
                }
                if (!s.regionMatches(nameStart, s, rootNameStart, nameLength)) {
                    fixes.add(Fix.END_TAG_CASE);
                }
                out.append("</").append(root).append('>');
                depth = 0;
                return k + 1;
            }
            int mark = out.length();
            out.append("</").append(s, nameStart, nameStart + nameLength).append('>');
            closed(mark);
            return k + 1;
        }

        /** Bookkeeping after a non-root end tag written at {@code mark}. */
        private void closed(int mark) {
            if (captureStart >= 0 && depth == 2 && cmdType == null) {
                cmdType = out.substring(captureStart, mark).trim();
            }
            captureStart = -1;
            depth--;
        }
    }
}
