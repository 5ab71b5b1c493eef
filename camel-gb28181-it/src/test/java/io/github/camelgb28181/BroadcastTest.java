package io.github.camelgb28181;

import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.simulator.ScriptedBroadcast;
import io.github.camelgb28181.simulator.ScriptedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice broadcast over real sockets (GB/T 28181-2016 §9.12): the platform notifies, the simulated device accepts and
 * INVITEs the platform with its own SDP (UDP, TCP with the device listening or connecting, raw G.711 or PS), and
 * receives exactly the body's audio, paced in real time, then a BYE; a device that refuses or never INVITEs fails the
 * exchange clearly.
 */
class BroadcastTest extends MediaTestSupport {

    @Override
    protected int portBase() {
        return 39000;
    }

    /** {@code ms} of G.711 noise: any byte is a valid sample, and none repeats the pattern of another position. */
    private static byte[] audio(int ms) {
        byte[] a = new byte[8 * ms];
        new Random(ms).nextBytes(a);
        return a;
    }

    private String audioOutput(ScriptedDevice d) {
        return d.deviceId().substring(0, 10) + "137" + "0000001"; // type 137: an audio output device (D.1)
    }

    private static void awaitBye(ScriptedDevice d) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (d.broadcast.byes.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, d.broadcast.byes.size(), "BYE at the end of the audio");
    }

    /** The device's reader may lag behind the BYE under load: wait until this much audio came (or 5 s). */
    private static void awaitAudio(ScriptedDevice d, int length) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (d.broadcast.audio().length < length && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @ParameterizedTest(name = "{0}, PS {1}, codec {2}, {3} ms packets")
    @CsvSource({"UDP, false, pcma, 20", "UDP, true, pcmu, 40", "TCP_DEVICE_LISTENS, false, pcmu, 20",
                "TCP_DEVICE_CONNECTS, true, pcma, 20"})
    void theDeviceReceivesExactlyTheBodyInRealTimeThenBye(ScriptedBroadcast.Transport transport, boolean ps,
                                                           String codec, int packetMs) throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.transport = transport;
        ipc.broadcast.ps = ps;
        ipc.broadcast.rawPayloadType = codec.equals("pcma") ? 8 : 0;
        String target = audioOutput(ipc);
        byte[] body = audio(1000);
        ProducerTemplate template = server.createProducerTemplate();

        long start = System.nanoTime();
        Exchange done = template.request("gb28181:broadcast?audioCodec=" + codec + "&packetTime=" + packetMs, e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, target);
            e.getIn().setBody(new java.io.ByteArrayInputStream(body));
        });
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertNull(done.getException(), () -> "broadcast failed: " + done.getException());
        StreamSession s = done.getMessage().getBody(StreamSession.class);
        assertEquals(target, s.channelId());
        assertEquals(io.github.camelgb28181.media.sdp.GbSessionType.BROADCAST, s.type());

        // the Notify: from the platform to the audio output
        assertEquals(1, ipc.broadcast.notifies.size());
        assertEquals(SERVER_ID, ipc.broadcast.notifies.get(0).field("SourceID"));
        assertEquals(target, ipc.broadcast.notifies.get(0).field("TargetID"));
        // the platform's answer: sendonly, the device's SSRC, the codec the device asked for
        String answer = new String(ipc.broadcast.inviteAnswer.body(), StandardCharsets.UTF_8);
        assertTrue(answer.contains("a=sendonly\r\n") && answer.contains("y=0100000077\r\n"), answer);
        assertTrue(answer.contains(ps ? "a=rtpmap:96 PS/90000" : codec.equals("pcma") ? "a=rtpmap:8 PCMA/8000"
                : "a=rtpmap:0 PCMU/8000"), answer);
        assertTrue(transport == ScriptedBroadcast.Transport.UDP || answer.contains("a=setup:"
                + (transport == ScriptedBroadcast.Transport.TCP_DEVICE_LISTENS ? "active" : "passive")), answer);

        awaitBye(ipc);
        assertEquals(ipc.broadcast.invite.callId(), ipc.broadcast.byes.get(0).callId());
        awaitAudio(ipc, body.length);
        assertArrayEquals(body, ipc.broadcast.audio(), "the device got exactly the body's audio");
        int packets = 1000 / packetMs;
        assertEquals(packets, ipc.broadcast.payloadTypes.size(), "one packet per " + packetMs + " ms of audio");
        assertTrue(ipc.broadcast.payloadTypes.stream().allMatch(pt -> pt == (ps ? 96 : codec.equals("pcma") ? 8 : 0)),
                ipc.broadcast.payloadTypes.toString());
        assertTrue(ipc.broadcast.ssrcs.stream().allMatch(x -> x == ipc.broadcast.ssrc), "the device's y= SSRC");
        if (ps) {
            assertTrue(!ipc.broadcast.psStreamTypes.isEmpty()
                    && ipc.broadcast.psStreamTypes.stream().allMatch(t -> t == (codec.equals("pcma") ? 0x90 : 0x91)),
                    "the PSM names the codec: " + ipc.broadcast.psStreamTypes);
        }
        // real time, to an order of magnitude: 1 s of audio takes more than half a second and less than ten
        List<Long> at = ipc.broadcast.arrivalNanos;
        long spreadMs = TimeUnit.NANOSECONDS.toMillis(at.get(at.size() - 1) - at.get(0));
        assertTrue(spreadMs > 500 && spreadMs < 10_000, "1 s of audio arrived over " + spreadMs + " ms");
        assertTrue(tookMs > 500, "the exchange completes when the audio was sent: " + tookMs + " ms");

        // every step once, in causal order; the device's Response (ACCEPTED) and its INVITE (INVITED) race each
        // other on the wire, so only those two may come either way round
        List<StreamEvent.Type> seen = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!seen.contains(StreamEvent.Type.STOPPED) && System.currentTimeMillis() < deadline) {
            org.apache.camel.Exchange e = streamEvents.poll(200, TimeUnit.MILLISECONDS);
            if (e != null) {
                StreamEvent event = e.getIn().getBody(StreamEvent.class);
                assertEquals(s.streamId(), event.session().streamId());
                seen.add(event.type());
            }
        }
        List<StreamEvent.Type> acceptedFirst = List.of(StreamEvent.Type.BROADCAST_NOTIFY_SENT,
                StreamEvent.Type.BROADCAST_ACCEPTED, StreamEvent.Type.BROADCAST_INVITED,
                StreamEvent.Type.BROADCAST_STARTED, StreamEvent.Type.BROADCAST_COMPLETED, StreamEvent.Type.BYE_SENT,
                StreamEvent.Type.STOPPED);
        List<StreamEvent.Type> invitedFirst = new java.util.ArrayList<>(acceptedFirst);
        java.util.Collections.swap(invitedFirst, 1, 2);
        assertTrue(seen.equals(acceptedFirst) || seen.equals(invitedFirst), "events: " + seen);
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void aDeviceThatRefusesFailsTheExchange() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.answer = ScriptedBroadcast.Answer.ERROR;
        Exchange done = broadcast(server, ipc, audio(200));
        assertInstanceOf(IllegalStateException.class, done.getException());
        assertTrue(done.getException().getMessage().contains("refused the broadcast"), done.getException().getMessage());
        assertTrue(done.getException().getMessage().contains("ERROR"), done.getException().getMessage());
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
        assertNull(ipc.broadcast.invite);
    }

    /** The platform connects to the port the device offered; nobody listens there, so the INVITE gets a 500. */
    @Test
    void aPortNobodyListensOnFailsTheBroadcast() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.transport = ScriptedBroadcast.Transport.TCP_DEVICE_LISTENS;
        ipc.broadcast.listenerGone = true;
        Exchange done = broadcast(server, ipc, audio(200));
        assertNotNull(done.getException(), "the broadcast failed");
        assertInstanceOf(java.io.IOException.class, done.getException());
        assertTrue(done.getException().getMessage().startsWith("connecting to /127.0.0.1:"),
                done.getException().getMessage());
        long deadline = System.currentTimeMillis() + 5000; // the answer reaches the device as the exchange ends
        while (ipc.broadcast.inviteAnswer == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertNotNull(ipc.broadcast.inviteAnswer, "the device's INVITE was answered");
        assertEquals(500, ipc.broadcast.inviteAnswer.status());
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
        assertTrue(server.createProducerTemplate().requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    /**
     * The device cancels its INVITE while the platform still connects to it (its accept queue is full, so the
     * connection hangs): CANCEL 200, INVITE 487, and the broadcast fails (RFC 3261 §9.2).
     */
    @Test
    void aCancelBeforeTheAnswerFailsTheBroadcast() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.transport = ScriptedBroadcast.Transport.TCP_DEVICE_LISTENS;
        ipc.broadcast.listenerFull = true;
        ipc.broadcast.cancelAfterMs = 300;
        Exchange done = broadcast(server, ipc, audio(200));
        assertInstanceOf(IllegalStateException.class, done.getException());
        assertTrue(done.getException().getMessage().contains("cancelled its INVITE"), done.getException().getMessage());
        long deadline = System.currentTimeMillis() + 10_000; // the INVITE's 487 may follow the connect attempt
        while (ipc.broadcast.inviteAnswer == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(200, ipc.broadcast.cancelAnswer.status());
        assertNotNull(ipc.broadcast.inviteAnswer, "the INVITE got its final answer");
        assertEquals(487, ipc.broadcast.inviteAnswer.status());
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
        assertTrue(server.createProducerTemplate().requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    /** A CANCEL after the 200 changes nothing: the broadcast goes on to its end. */
    @Test
    void aCancelAfterTheAnswerChangesNothing() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.cancelAfterMs = 300;
        byte[] body = audio(400);
        Exchange done = broadcast(server, ipc, body);
        assertNull(done.getException(), () -> "broadcast failed: " + done.getException());
        assertEquals(200, ipc.broadcast.inviteAnswer.status());
        assertEquals(200, ipc.broadcast.cancelAnswer.status());
        awaitBye(ipc);
        awaitAudio(ipc, body.length);
        assertArrayEquals(body, ipc.broadcast.audio());
    }

    @Test
    void aCancelMatchingNoInviteGets481() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        io.github.camelgb28181.sip.SipRequest cancel = new io.github.camelgb28181.sip.SipRequest("CANCEL",
                "sip:" + SERVER_ID + "@" + DOMAIN, io.github.camelgb28181.sip.SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 127.0.0.1:" + ipc.localPort() + ";rport;branch=z9hG4bKnothing"
                        + System.nanoTime())
                .add("From", "<sip:" + IPC + "@" + DOMAIN + ">;tag=1")
                .add("To", "<sip:" + SERVER_ID + "@" + DOMAIN + ">")
                .add("Call-ID", "no-such-call@127.0.0.1")
                .add("CSeq", "1 CANCEL")
                .add("Max-Forwards", 70)
                .build(), null);
        assertEquals(481, ipc.send(cancel).status());
    }

    @Test
    void aDeviceThatNeverInvitesTimesOut() throws Exception {
        CamelContext server = server(c -> c.setBroadcastInviteTimeout(800));
        ScriptedDevice ipc = camera(server);
        ipc.broadcast.answer = ScriptedBroadcast.Answer.OK_BUT_NEVER_INVITE;
        long start = System.nanoTime();
        Exchange done = broadcast(server, ipc, audio(200));
        assertInstanceOf(java.util.concurrent.TimeoutException.class, done.getException());
        assertTrue(done.getException().getMessage().contains("sent no INVITE within 800 ms"),
                done.getException().getMessage());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 800);
        awaitStreamEvent(StreamEvent.Type.BROADCAST_ACCEPTED, 5000);
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
    }

    /** gb28181:broadcast of {@code body} to the camera's audio output, waiting for the exchange to end. */
    private Exchange broadcast(CamelContext server, ScriptedDevice ipc, Object body) throws Exception {
        return broadcastAsync(server.createProducerTemplate(), ipc, body).get(60, TimeUnit.SECONDS);
    }

    /** The same without waiting. */
    private java.util.concurrent.CompletableFuture<Exchange> broadcastAsync(ProducerTemplate template,
                                                                             ScriptedDevice ipc, Object body) {
        return template.asyncSend("gb28181:broadcast", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, audioOutput(ipc));
            e.getIn().setBody(body);
        });
    }

    /** Writes {@code audio} into the pipe in 100 ms pieces at real-time pace, pausing {@code pauseMs} halfway. */
    private static Thread talk(java.io.PipedOutputStream pipe, byte[] audio, long pauseMs, boolean close) {
        Thread t = new Thread(() -> {
            try {
                for (int at = 0; at < audio.length; at += 800) {
                    if (at == audio.length / 2 / 800 * 800) {
                        Thread.sleep(pauseMs);
                    }
                    pipe.write(audio, at, Math.min(800, audio.length - at));
                    pipe.flush();
                    Thread.sleep(100);
                }
                if (close) {
                    pipe.close();
                }
            } catch (java.io.IOException | InterruptedException e) {
                // the broadcast closed the pipe's reading end: the talker stops
            }
        }, "talker");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A live source: the audio goes out as it arrives, a pause in it is a pause on the wire, its end ends the call. */
    @Test
    void aLiveSourceIsSentAsItArrivesAndItsEndEndsTheBroadcast() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        byte[] spoken = audio(1000);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream();
        java.io.PipedInputStream body = new java.io.PipedInputStream(pipe, 8000);
        talk(pipe, spoken, 400, true);
        long start = System.nanoTime();
        Exchange done = broadcast(server, ipc, body);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertNull(done.getException(), () -> "broadcast failed: " + done.getException());
        assertTrue(tookMs >= 1300, "the exchange ends with the source (1 s of talk, 0.4 s of pause): " + tookMs);
        awaitBye(ipc);
        awaitAudio(ipc, spoken.length);
        assertArrayEquals(spoken, ipc.broadcast.audio(), "the device got exactly what was said");
        assertEquals(50, ipc.broadcast.payloadTypes.size(), "whole 20 ms packets");
        List<Long> at = ipc.broadcast.arrivalNanos;
        long longestGapMs = 0;
        for (int i = 1; i < at.size(); i++) {
            longestGapMs = Math.max(longestGapMs, TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(i - 1)));
        }
        assertTrue(longestGapMs >= 250, "the pause of the source is a pause on the wire: " + longestGapMs + " ms");
    }

    /** A source that never ends is ended by stop: BYE, and the reader blocked in it is freed. */
    @Test
    void stopEndsALiveBroadcastAndFreesItsSource() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream();
        java.io.PipedInputStream body = new java.io.PipedInputStream(pipe, 8000);
        Thread talker = talk(pipe, audio(600_000), 0, false); // ten minutes of talk
        ProducerTemplate template = server.createProducerTemplate();
        java.util.concurrent.CompletableFuture<Exchange> running = broadcastAsync(template, ipc, body);
        String id = awaitStreamEvent(StreamEvent.Type.BROADCAST_STARTED, 5000).session().streamId();
        Thread.sleep(500);
        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, id);
        assertNull(running.get(5, TimeUnit.SECONDS).getException());
        awaitBye(ipc);
        talker.join(5000);
        assertTrue(!talker.isAlive(), "the pipe was closed from the broadcast's end: the talker was told");
        assertTrue(ipc.broadcast.audio().length > 0);
    }

    /** A source whose reading fails fails the broadcast with that error, after a BYE. */
    @Test
    void aSourceThatFailsFailsTheBroadcast() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        byte[] first = audio(400);
        java.io.InputStream failing = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first),
                new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("microphone unplugged");
                    }
                });
        Exchange done = broadcast(server, ipc, failing);
        assertInstanceOf(java.io.IOException.class, done.getException());
        assertEquals("microphone unplugged", done.getException().getMessage());
        awaitBye(ipc);
        awaitAudio(ipc, first.length);
        assertArrayEquals(first, ipc.broadcast.audio(), "what was read before the error went out");
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
    }

    @Test
    void stopEndsABroadcastWithBye() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        byte[] body = audio(20_000);
        ProducerTemplate template = server.createProducerTemplate();
        java.util.concurrent.CompletableFuture<Exchange> running = broadcastAsync(template, ipc, body);
        String id = awaitStreamEvent(StreamEvent.Type.BROADCAST_STARTED, 5000).session().streamId();
        Thread.sleep(300);
        List<?> stopped = template.requestBodyAndHeaders("gb28181:stop", null, Map.of(Gb28181Constants.DEVICE_ID, IPC,
                Gb28181Constants.CHANNEL_ID, audioOutput(ipc)), List.class);
        assertEquals(1, stopped.size());
        assertEquals(id, ((StreamSession) stopped.get(0)).streamId());
        Exchange done = running.get(5, TimeUnit.SECONDS);
        assertNull(done.getException());
        awaitBye(ipc);
        Thread.sleep(400);
        byte[] got = ipc.broadcast.audio();
        assertTrue(got.length > 0 && got.length < body.length, "part of the audio: " + got.length);
        assertArrayEquals(java.util.Arrays.copyOf(body, got.length), got, "what arrived is the body's beginning");
    }

    @Test
    void anInviteNoBroadcastWaitsForIsDeclined() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        io.github.camelgb28181.sip.SipHeaders h = io.github.camelgb28181.sip.SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 127.0.0.1:" + ipc.localPort() + ";branch=z9hG4bK-unasked;rport")
                .add("From", "<sip:" + IPC + "@" + DOMAIN + ">;tag=x1")
                .add("To", "<sip:" + SERVER_ID + "@" + DOMAIN + ">")
                .add("Call-ID", "unasked-broadcast@127.0.0.1")
                .add("CSeq", "1 INVITE")
                .add("Max-Forwards", "70")
                .add("Contact", "<sip:" + IPC + "@127.0.0.1:" + ipc.localPort() + ">")
                .build();
        io.github.camelgb28181.sip.SipResponse r = ipc.send(new io.github.camelgb28181.sip.SipRequest("INVITE",
                "sip:" + SERVER_ID + "@" + DOMAIN, h, null));
        assertEquals(603, r.status());
    }
}
