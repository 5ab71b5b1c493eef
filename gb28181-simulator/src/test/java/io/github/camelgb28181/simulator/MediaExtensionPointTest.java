package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipIds;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.sip.SipStackConfig;
import io.github.camelgb28181.sip.SipTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * INVITEs to a channel reach the device that owns it and are answered through the {@link MediaResponder}; the
 * "platform" here is a bare SIP stack of the component, since the component does not send INVITEs yet.
 */
class MediaExtensionPointTest {

    private static final byte[] SDP = ("v=0\r\no=34020000001310000002 0 0 IN IP4 127.0.0.1\r\ns=Play\r\n"
                                       + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 30000 RTP/AVP 96\r\na=sendonly\r\n"
                                       + "a=rtpmap:96 PS/90000\r\ny=0100000001\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    private final SipStack platform = new SipStack(SipStackConfig.builder().listenHost("127.0.0.1").port(0)
            .transports(EnumSet.of(SipTransport.UDP)).advertisedHost("127.0.0.1").useEpoll(false).ioThreads(1)
            .t1Ms(100).build(), handlers, tx -> {
                if (!tx.request().isMethod("ACK")) {
                    tx.respond(200);
                }
            }, Thread::new);
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        platform.stop();
        handlers.shutdownNow();
    }

    private Simulator simulator(MediaResponder media) throws Exception {
        platform.start();
        // the devices register at the bare stack, which accepts anything with 200
        sim = new Simulator(SimulatorConfig.builder().serverPort(platform.boundPort()).devices(2).channels(2)
                .registrationsPerSecond(0).keepaliveSeconds(0).t1Ms(100).build(), media);
        sim.start();
        if (!sim.awaitRegistered(2, Duration.ofSeconds(10))) {
            throw new AssertionError("devices did not register");
        }
        return sim;
    }

    private SipRequest request(String method, String channelId, String callId, int cseq, byte[] body) {
        SipPeer device = SipPeer.of(SipTransport.UDP, "127.0.0.1", sim.localPorts().get(1));
        SipHeaders.Builder h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, platform.newVia(SipTransport.UDP))
                .add(SipHeaderNames.FROM, "<sip:34020000002000000001@3402000000>;tag=4711")
                .add(SipHeaderNames.TO, "<sip:" + channelId + "@3402000000>")
                .add(SipHeaderNames.CALL_ID, callId)
                .add(SipHeaderNames.CSEQ, cseq + " " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.CONTACT, "<sip:34020000002000000001@127.0.0.1:" + platform.boundPort() + ">");
        if (body != null) {
            h.add(SipHeaderNames.CONTENT_TYPE, "application/sdp");
        }
        return new SipRequest(method, "sip:" + channelId + "@" + device.host() + ":" + device.port(), h.build(), body);
    }

    private SipResponse send(SipRequest r) throws Exception {
        SipPeer device = SipPeer.of(SipTransport.UDP, "127.0.0.1", sim.localPorts().get(1));
        return platform.sendRequest(r, device).get(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutMediaAnInviteIsRefusedWith488() throws Exception {
        simulator(MediaResponder.NONE);
        assertEquals(488, send(request("INVITE", sim.channelId(1, 0), SipIds.newCallId("127.0.0.1"), 1, SDP))
                .status());
    }

    @Test
    void anInviteToAChannelIsAnsweredByItsDevicesResponderAndEndsWithBye() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        byte[] answer = "v=0\r\ns=Play\r\ny=0100000001\r\n".getBytes(StandardCharsets.US_ASCII);
        simulator((deviceId, channelId, invite) -> {
            calls.add("answer " + deviceId + " " + channelId);
            return CompletableFuture.completedFuture(new MediaResponder.MediaSession() {
                @Override
                public byte[] sdpAnswer() {
                    return answer;
                }

                @Override
                public void start(Runnable endOfFile) {
                    calls.add("start");
                }

                @Override
                public void stop() {
                    calls.add("stop");
                }
            });
        });
        String callId = SipIds.newCallId("127.0.0.1");
        String channel = sim.channelId(1, 1);
        SipResponse ok = send(request("INVITE", channel, callId, 1, SDP));
        assertEquals(200, ok.status());
        assertArrayEquals(answer, ok.body());
        assertEquals("application/sdp", ok.contentType());
        String toTag = ok.to().tag();
        SipRequest ack = request("ACK", channel, callId, 1, null);
        platform.send(ack.withHeaders(ack.headers().toBuilder().set(SipHeaderNames.TO, "<sip:" + channel
                + "@3402000000>;tag=" + toTag).build()), SipPeer.of(SipTransport.UDP, "127.0.0.1",
                sim.localPorts().get(1)));
        Await.until(() -> calls.contains("start"), Duration.ofSeconds(5), calls::toString);
        assertEquals(200, send(request("BYE", channel, callId, 2, null)).status());
        assertEquals(List.of("answer " + sim.deviceId(1) + " " + channel, "start", "stop"), calls);
        assertEquals(481, send(request("BYE", channel, callId, 3, null)).status());
    }
}
