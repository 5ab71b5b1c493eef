package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audio output side of a {@link ScriptedDevice} for voice broadcast (GB/T 28181-2016 §9.12): answers the platform's
 * {@code Notify Broadcast}, INVITEs the platform with an SDP offer (written here by hand) saying where it wants the
 * audio — UDP, TCP with the device listening or connecting, raw G.711 or PS — ACKs the answer, and collects what
 * arrives: RTP headers, arrival times, and the audio bytes (PES payloads read by hand for PS).
 */
public final class ScriptedBroadcast {

    /** How the device answers the Notify. */
    public enum Answer { OK, ERROR, OK_BUT_NEVER_INVITE }

    /** Where the audio travels, from the device's side. */
    public enum Transport { UDP, TCP_DEVICE_LISTENS, TCP_DEVICE_CONNECTS }

    public volatile Answer answer = Answer.OK;
    public volatile Transport transport = Transport.UDP;
    /** Offer {@code 96 PS/90000} instead of raw G.711. */
    public volatile boolean ps;
    /** The raw payload type offered: 8 PCMA or 0 PCMU. */
    public volatile int rawPayloadType = 8;
    /** Quirk, with {@link Transport#TCP_DEVICE_LISTENS}: the offered port is closed before the INVITE goes out. */
    public volatile boolean listenerGone;
    /**
     * With {@link Transport#TCP_DEVICE_LISTENS}: the offered port's accept queue is filled first, so that the
     * platform's connection waits (its SYNs are dropped) and the INVITE stays without a final answer.
     */
    public volatile boolean listenerFull;
    /** Sends CANCEL this long after the INVITE (when it is still unanswered); negative: never. */
    public volatile long cancelAfterMs = -1;
    /** The answer to that CANCEL. */
    public volatile SipResponse cancelAnswer;
    private final List<Socket> fillers = new CopyOnWriteArrayList<>();
    public final long ssrc = 100_000_077L;

    public final List<ManscdpMessage> notifies = new CopyOnWriteArrayList<>();
    public final List<SipRequest> byes = new CopyOnWriteArrayList<>();
    public final List<Integer> payloadTypes = new CopyOnWriteArrayList<>();
    public final List<Long> ssrcs = new CopyOnWriteArrayList<>();
    public final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    public final List<Integer> psStreamTypes = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    public volatile SipRequest invite;
    public volatile SipResponse inviteAnswer;
    private volatile AutoCloseable socket;
    private volatile boolean ended;

    /** What the device sent the platform and how the INVITE went; supplied by the device. */
    interface Signalling {
        SipResponse respond(String cmdType, String sn, String result) throws Exception;

        CompletableFuture<SipResponse> invite(String targetId, String sourceId, String sdp);

        /** CANCEL of a pending INVITE (RFC 3261 §9.1): its Request-URI, Call-ID, From, To, CSeq number and Via. */
        SipResponse cancel(SipRequest invite) throws Exception;

        void ack(SipRequest invite, SipResponse answer) throws Exception;
    }

    public synchronized byte[] audio() {
        return audio.toByteArray();
    }

    void onNotify(ManscdpMessage notify, Signalling sip) throws Exception {
        notifies.add(notify);
        Answer a = answer;
        sip.respond("Broadcast", notify.sn(), a == Answer.ERROR ? "ERROR" : "OK");
        if (a != Answer.OK) {
            return;
        }
        String target = notify.field("TargetID");
        String source = notify.field("SourceID");
        Transport t = transport;
        int port;
        if (t == Transport.UDP) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            s.setSoTimeout(200);
            socket = s;
            port = s.getLocalPort();
        } else if (t == Transport.TCP_DEVICE_LISTENS) {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            socket = s;
            port = s.getLocalPort();
            if (listenerGone) {
                s.close();
            } else if (listenerFull) {
                fillAcceptQueue(s.getLocalSocketAddress());
            }
        } else {
            port = 9; // informative only: the device connects to the platform's port
        }
        int pt = ps ? 96 : rawPayloadType;
        String sdp = "v=0\r\no=" + target + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " " + (t == Transport.UDP ? "RTP/AVP" : "TCP/RTP/AVP") + " " + pt + "\r\n"
                + "a=recvonly\r\n"
                + "a=rtpmap:" + pt + (ps ? " PS/90000" : pt == 8 ? " PCMA/8000" : " PCMU/8000") + "\r\n"
                + (t == Transport.UDP ? "" : "a=setup:" + (t == Transport.TCP_DEVICE_LISTENS ? "passive" : "active")
                + "\r\na=connection:new\r\n")
                + "y=" + String.format("%010d", ssrc) + "\r\nf=v/////a/1/8/1\r\n";
        CompletableFuture<SipResponse> answer = sip.invite(target, source, sdp);
        long cancelAfter = cancelAfterMs;
        if (cancelAfter >= 0) {
            Thread.sleep(cancelAfter);
            cancelAnswer = sip.cancel(invite);
        }
        SipResponse r = answer.get(20, TimeUnit.SECONDS);
        inviteAnswer = r;
        if (!r.isSuccess()) {
            return;
        }
        sip.ack(invite, r);
        if (t == Transport.UDP) {
            receiveUdp((DatagramSocket) socket);
        } else if (t == Transport.TCP_DEVICE_LISTENS) {
            try (Socket s = ((ServerSocket) socket).accept()) {
                receiveTcp(s.getInputStream());
            }
        } else {
            String answerSdp = new String(r.body(), StandardCharsets.UTF_8);
            int platformPort = Integer.parseInt(find(answerSdp, "^m=audio (\\d+)"));
            try (Socket s = new Socket("127.0.0.1", platformPort)) {
                socket = s;
                receiveTcp(s.getInputStream());
            }
        }
    }

    /** Connects until a connection is not taken within 300 ms: the listener's accept queue is then full. */
    private void fillAcceptQueue(java.net.SocketAddress listener) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            fillers.add(filler);
            try {
                filler.connect(listener, 300);
            } catch (SocketTimeoutException e) {
                return;
            }
        }
        throw new IOException("the accept queue of " + listener + " did not fill");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private void receiveUdp(DatagramSocket s) throws IOException {
        byte[] buffer = new byte[2048];
        while (!ended) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            onRtp(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    /** RFC 4571: a 2-byte length, then the packet. */
    private void receiveTcp(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        while (!ended) {
            int length;
            try {
                length = data.readUnsignedShort();
            } catch (java.io.EOFException e) {
                return;
            }
            byte[] packet = new byte[length];
            data.readFully(packet);
            onRtp(packet);
        }
    }

    private void onRtp(byte[] p) throws IOException {
        arrivalNanos.add(System.nanoTime());
        payloadTypes.add(p[1] & 0x7F);
        ssrcs.add(((p[8] & 0xFFL) << 24) | ((p[9] & 0xFF) << 16) | ((p[10] & 0xFF) << 8) | (p[11] & 0xFF));
        int cc = p[0] & 0x0F;
        int at = 12 + 4 * cc;
        if (ps) {
            readPs(p, at);
        } else {
            synchronized (this) {
                audio.write(p, at, p.length - at);
            }
        }
    }

    /**
     * Program stream, read by hand (ISO/IEC 13818-1 §2.5): skips the pack header (with its stuffing) and a system
     * header, notes the stream type of the PSM's entries, and keeps the payload of the audio PES (0xC0).
     */
    private void readPs(byte[] p, int at) throws IOException {
        while (at + 4 <= p.length) {
            if (p[at] != 0 || p[at + 1] != 0 || p[at + 2] != 1) {
                throw new IOException("no start code at " + at);
            }
            int id = p[at + 3] & 0xFF;
            if (id == 0xBA) {
                at += 14 + (p[at + 13] & 0x07);
                continue;
            }
            int length = ((p[at + 4] & 0xFF) << 8) | (p[at + 5] & 0xFF);
            if (id == 0xBC) {
                int infoLength = ((p[at + 8] & 0xFF) << 8) | (p[at + 9] & 0xFF);
                int map = at + 10 + infoLength;
                int mapLength = ((p[map] & 0xFF) << 8) | (p[map + 1] & 0xFF);
                for (int e = map + 2; e < map + 2 + mapLength; ) {
                    psStreamTypes.add(p[e] & 0xFF);
                    e += 4 + (((p[e + 2] & 0xFF) << 8) | (p[e + 3] & 0xFF));
                }
            } else if (id == 0xC0) {
                int headerData = p[at + 8] & 0xFF;
                int payload = at + 9 + headerData;
                synchronized (this) {
                    audio.write(p, payload, at + 6 + length - payload);
                }
            }
            at += 6 + length;
        }
    }

    /** A BYE from the platform; false when it is not about the broadcast. */
    boolean onBye(SipServerTransaction tx) {
        SipRequest i = invite;
        if (i == null || !i.callId().equals(tx.request().callId())) {
            return false;
        }
        byes.add(tx.request());
        tx.respond(200);
        // the socket stays open: audio sent before the BYE may still be on its way (the device closes at the end)
        return true;
    }

    void close() {
        ended = true;
        for (Socket filler : fillers) {
            try {
                filler.close();
            } catch (IOException e) {
                // a connection that never completed
            }
        }
        AutoCloseable s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closed already by the device's receiving side
            }
        }
    }
}
