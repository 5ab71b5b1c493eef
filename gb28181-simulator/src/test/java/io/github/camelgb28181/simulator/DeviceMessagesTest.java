package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpReader;
import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import io.github.camelgb28181.manscdp.model.MobilePositionNotify;
import io.github.camelgb28181.sip.SipMessage;
import io.github.camelgb28181.sip.SipMessageParser;
import io.github.camelgb28181.sip.SipParseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes the simulated devices put on the wire, read back with the component's own parsers. */
class DeviceMessagesTest {

    private final SimulatorConfig config = SimulatorConfig.builder().channels(3).build();
    private final ManscdpBodies bodies = new ManscdpBodies(config);
    private final ManscdpReader reader = new ManscdpReader();

    @Test
    void bodiesDeclareGb2312AndReadAsTheirTypes() throws Exception {
        String id = config.idPlan().deviceId(0);
        byte[] info = XmlLines.encode(bodies.deviceInfo(id, 7));
        assertTrue(new String(info, StandardCharsets.US_ASCII).startsWith(
                "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceInfo</CmdType>\r\n"));
        DeviceInfoResponse d = reader.read(info, null, DeviceInfoResponse.class);
        assertEquals("7", d.getSn());
        assertEquals(Integer.valueOf(3), d.getChannel());
        assertEquals("模拟设备000001", d.getDeviceName());
        assertEquals("OK", reader.read(XmlLines.encode(bodies.keepalive(id, 1)), null, KeepaliveNotify.class)
                .getStatus());
        AlarmNotify alarm = reader.read(XmlLines.encode(bodies.alarm(id, 2, LocalDateTime.of(2024, 5, 1, 8, 0), 3)),
                null, AlarmNotify.class);
        assertEquals("移动侦测", alarm.getAlarmDescription());
        MobilePositionNotify pos = reader.read(XmlLines.encode(bodies.mobilePosition(id, 3,
                LocalDateTime.of(2024, 5, 1, 8, 0), 116.397428, 39.90923)), null, MobilePositionNotify.class);
        assertEquals(116.397428, pos.getLongitude());
    }

    @Test
    void chineseNamesAreGbBytes() {
        byte[] body = XmlLines.encode(bodies.catalogPage(0, 1, 0, 1));
        // 喆 is GBK 0x86 0xB4 and 通 is GB2312 0xCD 0xA8: neither is UTF-8
        byte[] expected = { '<', 'N', 'a', 'm', 'e', '>', (byte) 0x86, (byte) 0xB4, (byte) 0xCD, (byte) 0xA8 };
        assertTrue(indexOf(body, expected) > 0, "GB18030 bytes of the first channel name");
        assertEquals(bodies.catalogPage(0, 1, 0, 1), new String(body, Charset.forName("GB18030")));
    }

    @Test
    void markupInValuesIsEscaped() {
        String xml = new XmlLines("Notify").text("Address", "A&B <x>").finish("Notify");
        assertTrue(xml.contains("<Address>A&amp;B &lt;x&gt;</Address>"), xml);
    }

    @Test
    void contentLengthZeroQuirkKeepsTheBodyBehindAZeroLength() throws SipParseException {
        byte[] correct = ("MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                          + "From: <sip:c@d>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x@y\r\nCSeq: 2 MESSAGE\r\n"
                          + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: 8\r\n\r\n<a>1</a>")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] quirky = VirtualDevice.withContentLengthZero(correct);
        assertEquals(new String(correct, StandardCharsets.ISO_8859_1).replace("Content-Length: 8", "Content-Length: 0"),
                new String(quirky, StandardCharsets.ISO_8859_1));
        // what the platform makes of it: the body behind the zero length is still read over UDP (SPEC §5)
        SipMessage m = new SipMessageParser(65_536).parseDatagram(quirky, 0, quirky.length);
        assertArrayEquals("<a>1</a>".getBytes(StandardCharsets.US_ASCII), m.body());
    }

    @Test
    void requestUriUserToleratesJunk() {
        assertEquals("34020000001320000001", VirtualDevice.requestUriUser("sip:34020000001320000001@127.0.0.1:5060"));
        assertEquals("3402", VirtualDevice.requestUriUser("sip:3402;user=phone@host"));
        assertEquals("3402", VirtualDevice.requestUriUser("sip:3402:secret@host"));
        for (String junk : List.of("", "sip:", "sip:host", "3402@", "@@@", "sip:@")) {
            String user = VirtualDevice.requestUriUser(junk);
            assertTrue(user == null || user.isEmpty() || user.equals("3402"), junk + " -> " + user);
        }
        assertNull(VirtualDevice.requestUriUser("no-scheme-no-at"));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
