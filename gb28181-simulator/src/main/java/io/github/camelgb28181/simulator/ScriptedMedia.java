package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media side of a {@link ScriptedDevice}: answers INVITEs with its own SDP (written here by hand, so that a test
 * does not check the platform's SDP code against itself), then streams a {@link MediaClip} PS-muxed over RTP
 * ({@link PsRtpEncoder}) at the clip's rate to where the offer said — UDP, TCP to the platform's listening port (the
 * platform offered {@code a=setup:passive}), or over a connection the platform makes to our port
 * ({@code a=setup:active}) — until BYE. Its public fields are the knobs a test turns before the INVITE and the record
 * of what the platform asked for.
 */
public final class ScriptedMedia {

    /** What the camera answers with in {@code y=}: the offered SSRC, another one, or none (SPEC §5). */
    public enum SsrcAnswer { SAME, OTHER, NONE }

    /** What the camera streams: the simulator's built-in H.264 320x180 clip at 25 fps unless a test sets another. */
    public volatile MediaClip video = MediaClip.builtIn(25, false);
    public volatile SsrcAnswer ssrcAnswer = SsrcAnswer.SAME;
    /** Quirk: an answer with media port 0 (SPEC §5). */
    public volatile boolean answerPort0;
    /** Stop sending (without BYE) after this many frames: a stream that dies. */
    public volatile int stopAfterFrames = Integer.MAX_VALUE;
    /** Loop the fixture forever (live); false sends it once and, with {@link #endOfFile}, ends the file. */
    public volatile boolean loop = true;

    /** How a camera tells that a recording sent once ({@link #loop} false) has ended. */
    public enum EndOfFile {
        /** It says nothing (the stream just goes quiet). */
        NONE,
        /** MESSAGE Notify MediaStatus 121 (GB/T 28181-2016 A.2.5), the dialog left for the platform to end. */
        MEDIA_STATUS,
        /** BYE in the dialog (devices that end the session themselves). */
        BYE
    }

    public volatile EndOfFile endOfFile = EndOfFile.NONE;
    /** Quirk: a BYE is answered 200 but the RTP keeps coming (SPEC §5: RTP after BYE must be dropped quietly). */
    public volatile boolean keepSendingAfterBye;

    /** What the camera does when a recording ended; set by the device, which has the SIP side. */
    interface EndOfFileSignal {
        void ended(String callId, EndOfFile how) throws Exception;
    }

    volatile EndOfFileSignal endOfFileSignal;
    public final List<SipRequest> invites = new CopyOnWriteArrayList<>();
    public final List<SipRequest> byes = new CopyOnWriteArrayList<>();
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final AtomicInteger packetsSent = new AtomicInteger();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    ScriptedMedia(ExecutorService executor) {
        this.executor = executor;
    }

    private static final class Session {
        final String callId;
        volatile String toTag;
        volatile boolean stopped;
        volatile boolean paused;
        volatile Runnable streamer;
        volatile AutoCloseable socket;

        Session(String callId) {
            this.callId = callId;
        }
    }

    private static String find(String sdp, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(sdp);
        return m.find() ? m.group(1).trim() : null;
    }

    void onInvite(SipServerTransaction tx) {
        SipRequest invite = tx.request();
        invites.add(invite);
        String offer = new String(invite.body(), StandardCharsets.UTF_8);
        String host = find(offer, "^c=IN IP4 (\\S+)");
        int port = Integer.parseInt(find(offer, "^m=video (\\d+)"));
        boolean tcp = offer.contains("TCP/RTP/AVP");
        String setup = find(offer, "^a=setup:(\\w+)");
        String y = find(offer, "^y=(\\d+)");
        long ssrc = switch (ssrcAnswer) {
            case SAME -> Long.parseLong(y);
            case OTHER -> 2_000_000_042L;
            case NONE -> Long.parseLong(y); // the device uses the offered one but does not say so
        };
        Session session = new Session(invite.callId());
        sessions.put(invite.callId(), session);
        int ourPort = 0;
        try {
            if (tcp && "active".equals(setup)) {
                ServerSocket server = new ServerSocket();
                server.bind(new InetSocketAddress("127.0.0.1", 0));
                ourPort = server.getLocalPort();
                session.socket = server;
                session.streamer = () -> {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        stream(session, ssrc, framed(out));
                    } catch (IOException e) {
                        session.stopped = true;
                    }
                };
            } else if (tcp) {
                ourPort = 15060;
                session.streamer = () -> {
                    try (Socket s = new Socket(host, port); OutputStream out = s.getOutputStream()) {
                        session.socket = s;
                        stream(session, ssrc, framed(out));
                    } catch (IOException e) {
                        session.stopped = true;
                    }
                };
            } else {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                ourPort = socket.getLocalPort();
                session.socket = socket;
                InetSocketAddress to = new InetSocketAddress(host, port);
                session.streamer = () -> {
                    try {
                        stream(session, ssrc, packet -> socket.send(new DatagramPacket(packet, packet.length, to)));
                    } catch (IOException e) {
                        session.stopped = true;
                    }
                };
            }
        } catch (IOException e) {
            tx.respond(500);
            return;
        }
        String answer = "v=0\r\no=" + invite.to().user() + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=video " + (answerPort0 ? 0 : ourPort) + " " + (tcp ? "TCP/RTP/AVP" : "RTP/AVP")
                + " 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n"
                + (tcp ? "a=setup:" + ("active".equals(setup) ? "passive" : "active") + "\r\na=connection:new\r\n" : "")
                + (ssrcAnswer == SsrcAnswer.NONE ? "" : "y=" + String.format("%010d", ssrc) + "\r\n");
        session.toTag = tx.toTag();
        tx.respond(new SipResponse(200, "OK", tx.responseHeaders(200)
                .add(SipHeaderNames.CONTACT, "<sip:" + invite.to().user() + "@127.0.0.1>")
                .add(SipHeaderNames.CONTENT_TYPE, "APPLICATION/SDP").build(), answer.getBytes(StandardCharsets.UTF_8)));
    }

    void onAck(SipRequest ack) {
        Session s = sessions.get(ack.callId());
        if (s != null && s.streamer != null) {
            Runnable r = s.streamer;
            s.streamer = null;
            executor.execute(r);
        }
    }

    void onBye(SipServerTransaction tx) {
        byes.add(tx.request());
        Session s = sessions.remove(tx.request().callId());
        tx.respond(s == null ? 481 : 200);
        if (s != null && !keepSendingAfterBye) {
            stop(s);
        }
    }

    void onInfo(SipServerTransaction tx) {
        String body = new String(tx.request().body(), StandardCharsets.UTF_8);
        infos.add(body);
        Session s = sessions.get(tx.request().callId());
        if (s != null) {
            s.paused = body.startsWith("PAUSE");
        }
        tx.respond(s == null ? 481 : 200);
    }

    String toTag(String callId) {
        Session s = sessions.get(callId);
        return s == null ? null : s.toTag;
    }

    /** The camera ended this session itself. */
    void ended(String callId) {
        Session s = sessions.remove(callId);
        if (s != null) {
            stop(s);
        }
    }

    /** Call-IDs of the sessions streaming now. */
    public java.util.Set<String> activeCalls() {
        return java.util.Set.copyOf(sessions.keySet());
    }

    private static void stop(Session s) {
        s.stopped = true;
        try {
            if (s.socket != null) {
                s.socket.close();
            }
        } catch (Exception ignored) {
            // the socket was closed by the other side already
        }
    }

    @FunctionalInterface
    private interface PacketOut {
        void send(byte[] packet) throws IOException;
    }

    /** RFC 4571: each RTP packet behind its 2-byte length. */
    private static PacketOut framed(OutputStream out) {
        return packet -> {
            out.write(packet.length >> 8);
            out.write(packet.length & 0xFF);
            out.write(packet);
            out.flush();
        };
    }

    private void stream(Session session, long ssrc, PacketOut out) throws IOException {
        MediaClip clip = video;
        PsRtpEncoder encoder = new PsRtpEncoder(clip, ssrc, 1000);
        long pts = 90_000;
        int sent = 0;
        int limit = stopAfterFrames; // per session: a later change concerns the next INVITE
        long frameMs = 1000L / clip.fps();
        List<byte[]> packets = new ArrayList<>();
        do {
            for (int i = 0; i < clip.frames().size(); i++) {
                if (session.stopped || sent >= limit) {
                    return;
                }
                while (session.paused && !session.stopped) {
                    sleep(10);
                }
                packets.clear();
                encoder.encode(i, pts, packets::add);
                for (byte[] p : packets) {
                    out.send(p);
                    packetsSent.incrementAndGet();
                }
                pts += clip.ticksPerFrame();
                sent++;
                sleep(frameMs);
            }
        } while (loop);
        EndOfFile how = endOfFile;
        EndOfFileSignal signal = endOfFileSignal;
        if (!session.stopped && how != EndOfFile.NONE && signal != null) {
            sleep(300); // the file's last packets travel first, as on a device that notices the end afterwards
            try {
                signal.ended(session.callId, how);
            } catch (Exception e) {
                throw new IOException("end of file signal failed", e);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void closeAll() {
        sessions.values().forEach(ScriptedMedia::stop);
        sessions.clear();
    }
}
