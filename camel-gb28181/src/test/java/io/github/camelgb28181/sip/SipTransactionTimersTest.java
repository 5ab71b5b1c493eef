package io.github.camelgb28181.sip;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client transaction timers (RFC 3261 §17.1) and TCP connection handling of {@link SipStack}, against raw sockets
 * acting as the peer. T1 is shortened to 50 ms so that Timer F / B (64 × T1) fire after 3.2 s.
 */
class SipTransactionTimersTest {

    private static final long T1 = 50;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SipStack> stacks = new ArrayList<>();

    private SipStack stack(boolean epoll, long tcpIdleMs) throws InterruptedException {
        SipStack s = new SipStack(SipStackConfig.builder().listenHost("127.0.0.1").port(0)
                .transports(EnumSet.allOf(SipTransport.class)).advertisedHost("127.0.0.1").useEpoll(epoll)
                .ioThreads(1).t1Ms(T1).t2Ms(400).tcpIdleTimeoutMs(tcpIdleMs).build(), executor,
                tx -> tx.respond(200), Executors.defaultThreadFactory());
        s.start();
        stacks.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        stacks.forEach(SipStack::stop);
        executor.shutdownNow();
    }

    private static SipRequest request(SipStack stack, String method, SipTransport transport) {
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(transport))
                .add(SipHeaderNames.FROM, "<sip:34020000002000000001@3402000000>;tag=" + SipIds.newTag())
                .add(SipHeaderNames.TO, "<sip:34020000001320000001@3402000000>")
                .add(SipHeaderNames.CALL_ID, SipIds.newCallId("127.0.0.1"))
                .add(SipHeaderNames.CSEQ, "1 " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .build();
        return new SipRequest(method, "sip:34020000001320000001@127.0.0.1", h, null);
    }

    /** Receives datagrams until {@code untilMs} passes, returning their arrival times relative to {@code t0}. */
    private static List<Long> arrivals(DatagramSocket peer, long t0, long untilMs, List<SipRequest> seen)
            throws Exception {
        List<Long> times = new ArrayList<>();
        byte[] buf = new byte[65536];
        SipMessageParser parser = new SipMessageParser(65536);
        while (System.currentTimeMillis() - t0 < untilMs) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            peer.setSoTimeout((int) Math.max(1, untilMs - (System.currentTimeMillis() - t0)));
            try {
                peer.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            times.add(System.currentTimeMillis() - t0);
            seen.add((SipRequest) parser.parseDatagram(p.getData(), 0, p.getLength()));
        }
        return times;
    }

    @Test
    void nonInviteRetransmitsWithTimerEUpToT2AndTimesOutWithTimerF() throws Exception {
        SipStack stack = stack(false, 0);
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            long t0 = System.currentTimeMillis();
            CompletableFuture<SipResponse> f = stack.sendRequest(request(stack, "MESSAGE", SipTransport.UDP),
                    new SipPeer(SipTransport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()));
            List<SipRequest> seen = new ArrayList<>();
            List<Long> times = arrivals(peer, t0, 64 * T1 + 500, seen);
            // 0, 50, 150, 350, 750 (interval capped at T2=400), 1150, ... until 64×T1 = 3200 ms
            // 10 sends when the timers are punctual; a loaded machine may fire them late, never early
            assertTrue(times.size() >= 7 && times.size() <= 11, "retransmissions: " + times);
            assertTrue(times.get(2) - times.get(1) >= 2 * T1 - 20, "interval doubles: " + times);
            long last = times.get(times.size() - 1) - times.get(times.size() - 2);
            assertTrue(last >= 350 && last <= 700, "capped at T2: " + times);
            assertTrue(seen.stream().allMatch(r -> r.topVia().branch().equals(seen.get(0).topVia().branch())),
                    "retransmissions keep the branch");
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(2, TimeUnit.SECONDS));
            assertInstanceOf(SipTimeoutException.class, e.getCause());
            long elapsed = System.currentTimeMillis() - t0;
            assertTrue(elapsed >= 64 * T1, "not before Timer F: " + elapsed);
            assertEquals(0, stack.clientTransactionCount());
        }
    }

    @Test
    void inviteStopsRetransmittingOnProvisionalAndCompletesOnFinalWithAck() throws Exception {
        SipStack stack = stack(false, 0);
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            List<SipResponse> provisionals = new ArrayList<>();
            CompletableFuture<SipResponse> f = stack.sendRequest(request(stack, "INVITE", SipTransport.UDP),
                    new SipPeer(SipTransport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()),
                    provisionals::add);
            long t0 = System.currentTimeMillis();
            List<SipRequest> seen = new ArrayList<>();
            List<Long> times = arrivals(peer, t0, 5 * T1 + 30, seen);
            assertTrue(times.size() >= 3, "Timer A retransmits the INVITE: " + times);
            SipRequest invite = seen.get(0);
            InetSocketAddress stackAddr = new InetSocketAddress("127.0.0.1", stack.boundPort());
            send(peer, SipResponses.create(invite, 100, null), stackAddr);
            Thread.sleep(10 * T1);
            List<Long> after = arrivals(peer, System.currentTimeMillis(), 6 * T1, new ArrayList<>());
            assertEquals(List.of(), after, "no retransmission after a provisional");
            send(peer, SipResponses.create(invite, 486, "99"), stackAddr);
            assertEquals(486, f.get(2, TimeUnit.SECONDS).status());
            List<SipRequest> ack = new ArrayList<>();
            arrivals(peer, System.currentTimeMillis(), 1000, ack);
            assertEquals("ACK", ack.get(0).method(), "non-2xx final is ACKed by the transaction");
            assertEquals(invite.topVia().branch(), ack.get(0).topVia().branch());
            assertTrue(ack.get(0).header(SipHeaderNames.TO).contains("tag=99"));
            assertEquals(1, provisionals.size());
        }
    }

    @Test
    void answerToARetransmissionCompletesTheTransactionOnce() throws Exception {
        SipStack stack = stack(false, 0);
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SipResponse> f = stack.sendRequest(request(stack, "MESSAGE", SipTransport.UDP),
                    new SipPeer(SipTransport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()));
            List<SipRequest> seen = new ArrayList<>();
            arrivals(peer, System.currentTimeMillis(), 3 * T1 + 20, seen);
            InetSocketAddress stackAddr = new InetSocketAddress("127.0.0.1", stack.boundPort());
            SipResponse ok = SipResponses.create(seen.get(seen.size() - 1), 200, "7");
            send(peer, ok, stackAddr);
            send(peer, ok, stackAddr); // a duplicate answer is dropped quietly
            assertEquals(200, f.get(2, TimeUnit.SECONDS).status());
            assertEquals(0, stack.clientTransactionCount());
        }
    }

    @Test
    void tcpRequestIsNotRetransmittedAndIdleConnectionsAreClosed() throws Exception {
        SipStack stack = stack(false, 300);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            stack.sendRequest(request(stack, "MESSAGE", SipTransport.TCP),
                    new SipPeer(SipTransport.TCP, (InetSocketAddress) server.getLocalSocketAddress()));
            try (Socket s = server.accept()) {
                s.setSoTimeout(3000);
                byte[] buf = new byte[4096];
                int n = s.getInputStream().read(buf);
                assertTrue(n > 0);
                assertTrue(new String(buf, 0, n).startsWith("MESSAGE "));
                assertEquals(1, stack.tcpConnectionCount());
                long t0 = System.currentTimeMillis();
                // nothing more arrives (no retransmission over TCP), and the idle timeout closes the connection
                assertEquals(-1, s.getInputStream().read(), "closed by the idle timeout");
                long idle = System.currentTimeMillis() - t0;
                assertTrue(idle >= 250 && idle < 2500, "closed after about 300 ms idle: " + idle);
            }
        }
        Thread.sleep(100);
        assertEquals(0, stack.tcpConnectionCount());
    }

    @Test
    void nativeEpollTransportServesRequestsWhenAvailable() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NettyTransports.epollAvailable(), "epoll not available");
        SipStack server = stack(true, 0);
        SipStack client = stack(false, 0);
        for (SipTransport t : SipTransport.values()) {
            SipResponse r = client.sendRequest(request(client, "OPTIONS", t),
                    SipPeer.of(t, "127.0.0.1", server.boundPort())).get(5, TimeUnit.SECONDS);
            assertEquals(200, r.status(), t.name());
        }
    }

    private static void send(DatagramSocket socket, SipMessage m, InetSocketAddress to) throws Exception {
        byte[] b = SipMessageEncoder.encode(m);
        socket.send(new DatagramPacket(b, b.length, to));
    }
}
