package io.github.camelgb28181;

import io.github.camelgb28181.sip.SipMessage;
import io.github.camelgb28181.sip.SipMessageParser;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw bytes against the running server: retransmissions are absorbed, hostile input is answered or dropped, and a
 * good device is served afterwards.
 */
class SipServerRobustnessTest extends DeviceTestSupport {

    private static final String IPC = "34020000001320000001";

    private static String register(int port, String branch, String callId, int cseq) {
        return "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP 192.168.1.64:" + port + ";rport;branch=" + branch + "\r\n"
               + "From: <sip:" + IPC + "@3402000000>;tag=1001\r\n"
               + "To: <sip:" + IPC + "@3402000000>\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: " + cseq + " REGISTER\r\n"
               + "Contact: <sip:" + IPC + "@192.168.1.64:" + port + ">\r\n"
               + "Max-Forwards: 70\r\nExpires: 3600\r\nContent-Length: 0\r\n\r\n";
    }

    private static byte[] exchange(DatagramSocket socket, int serverPort, byte[] request) throws Exception {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), serverPort));
        return receive(socket);
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    private static SipResponse parse(byte[] bytes) throws Exception {
        SipMessage m = new SipMessageParser(65536).parseDatagram(bytes, 0, bytes.length);
        return (SipResponse) m;
    }

    @Test
    void retransmittedRegisterGetsTheSameAnswerWithoutReprocessing() throws Exception {
        CamelContext server = startServer(c -> { });
        int port = sipPort(server);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2000);
            byte[] req = register(socket.getLocalPort(), "z9hG4bK-retrans-1", "retrans@test", 1)
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] first = exchange(socket, port, req);
            byte[] second = exchange(socket, port, req);
            assertNotNull(first);
            // a new challenge would carry a new nonce: identical bytes prove the stored response was replayed
            assertArrayEquals(first, second);
            SipResponse r = parse(first);
            assertEquals(401, r.status());
            // the answer goes to the packet source and the Via says where the request really came from
            String via = r.header("Via");
            assertTrue(via.contains("received=127.0.0.1"), via);
            assertTrue(via.contains("rport=" + socket.getLocalPort()), via);

            // a new transaction (new branch) is processed afresh: a different nonce
            byte[] third = exchange(socket, port, register(socket.getLocalPort(), "z9hG4bK-retrans-2",
                    "retrans@test", 2).getBytes(StandardCharsets.US_ASCII));
            assertTrue(!Arrays.equals(first, third));
        }
    }

    @Test
    void malformedDatagramsAreAnsweredOrDroppedAndTheServerKeepsServing() throws Exception {
        CamelContext server = startServer(c -> c.setMaxMessageSize(4096));
        int port = sipPort(server);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(500);
            String good = register(socket.getLocalPort(), "z9hG4bK-bad-1", "bad@test", 1);

            // CSeq method does not match: the transaction headers are there, so a 400 says why
            byte[] r = exchange(socket, port, good.replace("CSeq: 1 REGISTER", "CSeq: 1 MESSAGE")
                    .getBytes(StandardCharsets.US_ASCII));
            assertNotNull(r, "a request with readable transaction headers is answered");
            SipResponse mismatch = parse(r);
            assertEquals(400, mismatch.status());
            assertTrue(mismatch.header("Warning").contains("CSeq"), mismatch.header("Warning"));

            // missing Call-ID: no well-formed answer is possible, so it is dropped
            assertNull(exchange(socket, port, good.replace("Call-ID: bad@test\r\n", "")
                    .replace("z9hG4bK-bad-1", "z9hG4bK-bad-0").getBytes(StandardCharsets.US_ASCII)));

            // declared body longer than the datagram: 400
            r = exchange(socket, port, good.replace("Content-Length: 0", "Content-Length: 500")
                    .replace("z9hG4bK-bad-1", "z9hG4bK-bad-2").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, parse(r).status());

            // negative and huge Content-Length: 400
            r = exchange(socket, port, good.replace("Content-Length: 0", "Content-Length: -5")
                    .replace("z9hG4bK-bad-1", "z9hG4bK-bad-3").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, parse(r).status());
            r = exchange(socket, port, good.replace("Content-Length: 0", "Content-Length: 99999999999")
                    .replace("z9hG4bK-bad-1", "z9hG4bK-bad-4").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, parse(r).status());

            // header injection with a bare CR, garbage, binary, truncated start line, oversize: dropped silently
            assertNull(exchange(socket, port, good.replace("Max-Forwards: 70", "Max-Forwards: 70\rVia: evil")
                    .getBytes(StandardCharsets.US_ASCII)));
            assertNull(exchange(socket, port, "GARBAGE GARBAGE GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            byte[] binary = new byte[1200];
            new Random(7).nextBytes(binary);
            assertNull(exchange(socket, port, binary));
            assertNull(exchange(socket, port, "REGISTER sip:3402".getBytes(StandardCharsets.US_ASCII)));
            byte[] oversize = (good.replace("Content-Length: 0\r\n\r\n", "") + "X-Pad: " + "a".repeat(5000)
                               + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertNull(exchange(socket, port, oversize));
        }
        // after all of that a real device registers, over both transports
        assertEquals(200, device(IPC, SipTransport.UDP, server).register(3600).status());
        assertEquals(200, device("34020000001320000002", SipTransport.TCP, server).register(3600).status());
    }

    @Test
    void tcpFramingErrorsCloseOnlyThatConnection() throws Exception {
        CamelContext server = startServer(c -> c.setMaxMessageSize(4096));
        int port = sipPort(server);
        String good = register(5060, "z9hG4bK-tcp-1", "tcp@test", 1).replace("SIP/2.0/UDP", "SIP/2.0/TCP");

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            // two messages in one write, the second split over two writes; header problem in the first frame
            String bad = good.replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE");
            String second = good.replace("z9hG4bK-tcp-1", "z9hG4bK-tcp-2");
            out.write((bad + second.substring(0, 40)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
            out.write(second.substring(40).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            SipResponse r1 = readResponse(in);
            SipResponse r2 = readResponse(in);
            assertEquals(400, r1.status(), "framing intact: the bad frame is answered and the connection survives");
            assertEquals(401, r2.status());

            // a Content-Length beyond the limit cannot be framed: the connection is closed
            out.write(good.replace("Content-Length: 0", "Content-Length: 100000").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(-1, in.read(), "connection closed after a framing error");
        }
        assertEquals(200, device(IPC, SipTransport.TCP, server).register(3600).status());
    }

    @Test
    void tcpDoubleCrlfPingGetsPong() throws Exception {
        CamelContext server = startServer(c -> { });
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sipPort(server))) {
            s.setSoTimeout(2000);
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals('\r', s.getInputStream().read());
            assertEquals('\n', s.getInputStream().read());
        }
    }

    private static SipResponse readResponse(InputStream in) throws Exception {
        SipMessageParser parser = new SipMessageParser(65536);
        byte[] buf = new byte[8192];
        int n = 0;
        while (true) {
            int frame = n == 0 ? -1 : parser.frameLength(buf, 0, n);
            if (frame > 0) {
                SipResponse r = (SipResponse) parser.parseFrame(buf, 0, frame);
                return r;
            }
            // read byte by byte so that the next response stays in the stream
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("connection closed");
            }
            buf[n++] = (byte) b;
        }
    }
}
