package io.github.camelgb28181.manscdp;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Hostile and mangled input: only {@link ManscdpParseException} or a result, never another throwable, never a leak. */
class ManscdpReaderHostileTest {

    private final ManscdpReader reader = new ManscdpReader();

    private static String allMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    private ManscdpParseException fails(String body) {
        return fails(body.getBytes(StandardCharsets.UTF_8));
    }

    private ManscdpParseException fails(byte[] body) {
        ManscdpParseException e = assertThrows(ManscdpParseException.class, () -> reader.read(body, null));
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank());
        return e;
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        String marker = "TOP-SECRET-" + System.nanoTime();
        Path secret = dir.resolve("passwd.txt");
        Files.writeString(secret, marker + "\n");
        String[] bodies = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Notify [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
                    + "\"> ]>\n<Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>&xxe;</DeviceID></Notify>",
            "<!doctype Notify [<!entity xxe SYSTEM \"" + secret.toUri() + "\">]><Notify><CmdType>&xxe;</CmdType></Notify>",
            "<?xml version=\"1.0\"?>garbage\0<!DOCTYPE Notify SYSTEM \"" + secret.toUri() + "\"><Notify><CmdType>Keepalive"
                    + "</CmdType></Notify>",
            "<Notify><CmdType>Keepalive</CmdType><!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<Status>&xxe;</Status></Notify>",
            "<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>"
                    + "<Notify><CmdType>Keepalive</CmdType></Notify>",
        };
        for (String body : bodies) {
            assertFalse(body.contains(marker));
            for (Charset cs : new Charset[] { StandardCharsets.UTF_8, Charset.forName("GB2312") }) {
                ManscdpParseException e = fails(body.getBytes(cs));
                assertFalse(allMessages(e).contains(marker), allMessages(e));
                assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            }
        }
    }

    @Test
    void theParserItselfRefusesDtdsWhenThePreCheckIsBypassed(@TempDir Path dir) throws Exception {
        String marker = "TOP-SECRET-" + System.nanoTime();
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, marker);
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"" + marker + "\">");
        String[] bodies = {
            "<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<Notify><CmdType>Keepalive</CmdType><Status>&xxe;</Status></Notify>",
            "<?xml version=\"1.0\"?><!DOCTYPE Notify SYSTEM \"" + dtd.toUri() + "\">"
                    + "<Notify><CmdType>Keepalive</CmdType><Status>&leak;</Status></Notify>",
            "<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                    + "<Notify><CmdType>Keepalive</CmdType><Status>&b;</Status></Notify>",
        };
        for (String body : bodies) {
            try {
                KeepaliveNotify k = reader.bind(KeepaliveNotify.class, body, "Notify");
                assertFalse(String.valueOf(k.getStatus()).contains(marker));
                assertFalse(String.valueOf(k.getStatus()).contains("aaaa"), k.getStatus());
            } catch (java.io.IOException e) {
                assertFalse(allMessages(e).contains(marker), allMessages(e));
            }
        }
    }

    @Test
    void undeclaredEntityStaysLiteralText() throws Exception {
        Envelope m = reader.read("<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Status>&xxe;</Status></Notify>"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("&xxe;", ((KeepaliveNotify) m).getStatus());
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Notify [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<Notify><CmdType>Keepalive</CmdType><Status>&lol9;</Status></Notify>");
        ManscdpParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> fails(dtd.toString()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void tenThousandDeepNestingFailsClearly() {
        StringBuilder deep = new StringBuilder("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType>");
        deep.append("<a>".repeat(10_000)).append("x").append("</a>".repeat(10_000)).append("</Notify>");
        ManscdpParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> fails(deep.toString()));
        assertTrue(e.getMessage().toLowerCase().contains("depth"), e.getMessage());
        // unclosed, inside a list item, and inside a known typed property
        fails("<Notify><CmdType>Keepalive</CmdType>" + "<a>".repeat(10_000));
        fails("<Response><CmdType>Catalog</CmdType><DeviceList><Item><Info>" + "<Info>".repeat(10_000) + "</Info>"
                .repeat(10_001) + "</Item></DeviceList></Response>");
        fails("<Notify><CmdType>Alarm</CmdType><Info><AlarmTypeParam>" + "<x>".repeat(10_000));
    }

    @Test
    void nestingWithinTheLimitIsRead() throws Exception {
        int depth = ManscdpReader.MAX_DEPTH - 2;
        String xml = "<Notify><CmdType>Keepalive</CmdType><SN>1</SN>" + "<a>".repeat(depth) + "x" + "</a>".repeat(depth)
                + "</Notify>";
        assertEquals("1", reader.read(xml.getBytes(StandardCharsets.US_ASCII)).getSn());
    }

    @Test
    void twoMebibyteBodyRejected() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] head = "<Notify><CmdType>Keepalive</CmdType></Notify>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        ManscdpParseException e = fails(body);
        assertEquals("MANSCDP body of 2097152 bytes is too large (limit 1048576)", e.getMessage());
        assertThrows(ManscdpParseException.class, () -> reader.readText(" ".repeat(ManscdpReader.MAX_BODY_BYTES + 1)));
    }

    @Test
    void oneMebibyteOfHostileTextFinishesFast() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            fails("&".repeat(1 << 20));
            fails("<".repeat(1 << 20));
            byte[] amps = ("<Notify><CmdType>Keepalive</CmdType><Name>" + "&<".repeat((1 << 19) - 40) + "</Name></Notify>")
                    .getBytes(StandardCharsets.US_ASCII);
            assertTrue(amps.length <= ManscdpReader.MAX_BODY_BYTES);
            Envelope m = reader.read(amps, null);
            assertEquals("Keepalive", m.getCmdType());
            assertEquals((1 << 20) - 80, m.extraText("Name").length());
        });
    }

    @Test
    void emptyAndNonXmlBodies() {
        assertEquals("empty MANSCDP body", fails(new byte[0]).getMessage());
        assertEquals("empty MANSCDP body",
                assertThrows(ManscdpParseException.class, () -> reader.read(null, null)).getMessage());
        fails(new byte[64]); // NUL padding only
        fails("   \r\n");
        assertTrue(fails("this is not xml").getMessage().contains("no root element"));
        fails("<Notify><CmdType>Keepalive</CmdType><SN>1");
        assertTrue(fails("<Notify><SN>1</SN></Notify>").getMessage().contains("no CmdType in <Notify>"));
        assertTrue(fails("<Notify><CmdType> </CmdType></Notify>").getMessage().contains("no CmdType"));
        fails("<Notify><CmdType>A</CmdType><x></y></Notify>");
        fails("<Response><CmdType>Catalog</CmdType><DeviceList>text, not items</DeviceList></Response>");
        fails("<Notify a=\"1\" a=\"2\"><CmdType>A</CmdType></Notify>");
        fails(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, '<', 0, 'a', 0, '>' });
    }

    // --- fuzz ------------------------------------------------------------------------------------------------------

    private static final String[] SEEDS = {
        ManscdpReaderTest.catalogResponse("GB2312", 3),
        "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>88</SN>\r\n"
                + "<DeviceID>34020000001340000001</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n"
                + "<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2024-05-01T12:30:45</AlarmTime>\r\n"
                + "<AlarmDescription>区域入侵 &amp; 报警</AlarmDescription>\r\n<Longitude>120.15</Longitude>\r\n"
                + "<Latitude>30.28</Latitude>\r\n<Info>\r\n<AlarmType>5</AlarmType>\r\n<AlarmTypeParam>\r\n"
                + "<EventType>1</EventType>\r\n</AlarmTypeParam>\r\n</Info>\r\n</Notify>\r\n",
        "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>RecordInfo</CmdType>\r\n<SN>2</SN>\r\n"
                + "<DeviceID>34020000001310000003</DeviceID>\r\n<Name>大门口</Name>\r\n<SumNum>1</SumNum>\r\n"
                + "<RecordList Num=\"1\">\r\n<Item>\r\n<DeviceID>34020000001310000003</DeviceID>\r\n<StartTime>"
                + "2024-05-01T00:00:00</StartTime>\r\n<EndTime>2024-05-01T00:59:59</EndTime>\r\n<Type>time</Type>\r\n"
                + "<FileSize>1024</FileSize>\r\n</Item>\r\n</RecordList>\r\n</Response>\r\n",
        "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>15</SN>\r\n"
                + "<DeviceID>34020000001180000001</DeviceID>\r\n<Status>OK</Status>\r\n<Info>\r\n"
                + "<DeviceID>34020000001310000001</DeviceID>\r\n</Info>\r\n</Notify>\r\n",
        "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceStatus</CmdType>\r\n<SN>9</SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<Result>OK</Result>\r\n<Online>ONLINE</Online>\r\n"
                + "<Status>OK</Status>\r\n<DeviceTime>2024-05-01T10:00:00</DeviceTime>\r\n<Alarmstatus Num=\"1\">\r\n"
                + "<Item>\r\n<DeviceID>34020000001340000001</DeviceID>\r\n<DutyStatus>ONDUTY</DutyStatus>\r\n</Item>\r\n"
                + "</Alarmstatus>\r\n</Response>\r\n",
        "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>ConfigDownload</CmdType>\r\n<SN>11</SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<BasicParam>\r\n<Name>IPC</Name>\r\n"
                + "<Expiration>3600</Expiration>\r\n<HeartBeatInterval>30</HeartBeatInterval>\r\n</BasicParam>\r\n"
                + "</Response>\r\n",
        "<Response CmdType=\"PresetQuery\" SN=\"3\"><PresetList Num=\"1\"><Item><PresetID>1</PresetID>"
                + "<PresetName>大门</PresetName></Item></PresetList></Response>",
        "<Notify><CmdType>MobilePosition</CmdType><SN>3</SN><DeviceID>1</DeviceID><Time>2024-05-01T08:00:01</Time>"
                + "<Longitude>116.39</Longitude><Speed>4</Speed><X><![CDATA[<y>]]></X><!-- c --></Notify>",
    };

    private static final String[] TOKENS = { "<", ">", "&", "&amp;", "&#", "&#x1F;", "&#99999999;", "]]>", "<!--",
        "<![CDATA[", "</", "/>", "<?", "?>", "\"", "'", "=", "<Item>", "</Item>", "<DeviceList>", "</DeviceList>",
        "<Info>", "<!DOCTYPE", "\0", "\u0001", "\uFFFF", "<?xml version=\"1.0\"?>", "<Item/>", "Num=\"x\"", "<a b=",
        "<CmdType>", "</CmdType>", "<SN>", "\r\n", " " };

    @Test
    void fuzzedBodiesOnlyParseOrFailCleanly() {
        Random random = new Random(0x28181L);
        Charset[] charsets = { StandardCharsets.UTF_8, Charset.forName("GB2312") };
        int parsed = 0;
        for (int iteration = 0; iteration < 2_000; iteration++) {
            byte[] body = mutate(SEEDS[random.nextInt(SEEDS.length)].getBytes(charsets[random.nextInt(2)]), random);
            Charset override = random.nextInt(8) == 0 ? charsets[random.nextInt(2)] : null;
            try {
                Envelope m = reader.read(body, override);
                assertNotNull(m);
                assertFalse(m.getCmdType().isEmpty());
                touchAllGetters(m, 0);
                parsed++;
            } catch (ManscdpParseException e) {
                assertNotNull(e.getMessage());
            } catch (Throwable t) {
                fail("iteration " + iteration + ": " + t + " for body " + HexFormat.of().formatHex(body), t);
            }
        }
        assertTrue(parsed > 100, "most light mutations still parse: " + parsed);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        List<Byte> b = new ArrayList<>(seed.length + 64);
        for (byte x : seed) {
            b.add(x);
        }
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !b.isEmpty(); m++) {
            int at = random.nextInt(b.size());
            switch (random.nextInt(7)) {
                case 0 -> b.set(at, (byte) random.nextInt(256));
                case 1 -> b.add(at, (byte) random.nextInt(256));
                case 2 -> {
                    int len = Math.min(b.size() - at, 1 + random.nextInt(20));
                    b.subList(at, at + len).clear();
                }
                case 3 -> {
                    int len = Math.min(b.size() - at, 1 + random.nextInt(40));
                    List<Byte> copy = new ArrayList<>(b.subList(at, at + len));
                    b.addAll(random.nextInt(b.size() + 1), copy);
                }
                case 4 -> {
                    byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    for (int k = token.length - 1; k >= 0; k--) {
                        b.add(at, token[k]);
                    }
                }
                case 5 -> b.subList(at, b.size()).clear(); // truncation, as a split UDP packet
                default -> {
                    if (b.get(at) >= 'a' && b.get(at) <= 'z') {
                        b.set(at, (byte) (b.get(at) - 32)); // case change
                    } else {
                        b.set(at, (byte) 0x80);
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** Calls every public no-argument getter of the model, recursively: none may throw on whatever was parsed. */
    static void touchAllGetters(Object o, int depth) throws Exception {
        if (o == null || depth > 6 || o instanceof String || o instanceof Number || o instanceof Boolean
                || o instanceof Enum<?> || o instanceof java.time.temporal.Temporal) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                touchAllGetters(v, depth + 1);
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object v : c) {
                touchAllGetters(v, depth + 1);
            }
            return;
        }
        assertNotNull(o.toString());
        for (Method method : o.getClass().getMethods()) {
            if (method.getParameterCount() == 0 && Modifier.isPublic(method.getModifiers())
                    && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
                    && (method.getName().startsWith("get") || method.getName().startsWith("is"))) {
                touchAllGetters(method.invoke(o), depth + 1);
            }
        }
    }
}
