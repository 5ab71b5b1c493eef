package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpParser;
import io.github.camelgb28181.sip.DigestCredentials;
import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipIds;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.sip.SipStackConfig;
import io.github.camelgb28181.sip.SipTransport;
import io.github.camelgb28181.sip.SipUri;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One GB28181 device (an IPC) that a test drives step by step, where {@link Simulator} runs thousands on their own:
 * its own SIP stack on loopback; it registers with digest when told (following 302 redirects), sends keep-alives,
 * notifies and any raw MESSAGE, answers queries, controls and subscriptions, answers INVITEs and streams video
 * ({@link ScriptedMedia}), takes voice broadcasts ({@link ScriptedBroadcast}), and records everything the platform
 * sent it. Its public fields are the knobs a test turns (quirks included) and the record it inspects.
 */
public final class ScriptedDevice implements AutoCloseable {

    private final String deviceId;
    private final String domain;
    private final String password;
    private final SipTransport transport;
    private final SipStack stack;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-device");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong cseq = new AtomicLong(1);
    private final AtomicLong sn = new AtomicLong(1);
    private final String callId;
    private final String fromTag = SipIds.newTag();
    private volatile SipPeer server;
    private volatile String serverId;

    public ScriptedDevice(String deviceId, String domain, String password, SipTransport transport, SipPeer server,
                           String serverId) throws InterruptedException {
        this.deviceId = deviceId;
        this.domain = domain;
        this.password = password;
        this.transport = transport;
        this.server = server;
        this.serverId = serverId;
        this.stack = new SipStack(SipStackConfig.builder().listenHost("127.0.0.1").port(0)
                .transports(EnumSet.allOf(SipTransport.class)).advertisedHost("127.0.0.1").useEpoll(false)
                .ioThreads(1).t1Ms(100).build(), executor, this::onRequest, r -> {
                    Thread t = new Thread(r, "scripted-sip");
                    t.setDaemon(true);
                    return t;
                });
        this.stack.start();
        this.callId = SipIds.newCallId("127.0.0.1");
    }

    /** How this device answers queries; change before the query is sent. */
    public volatile int catalogChannels = 4;
    public volatile int itemsPerMessage = 2;
    public volatile boolean answerQueries = true;
    /** Quirk: answer with a fresh SN instead of the query's. */
    public volatile boolean freshSn;
    /** Stop after this many catalog items (announcing all of them): a device that loses messages. */
    public volatile int sendOnlyItems = Integer.MAX_VALUE;
    /** The keep-alive settings its BasicParam reports (ConfigDownload); 0 = answer without BasicParam. */
    public volatile int heartbeatInterval;
    public volatile int heartbeatCount;
    /** Quirk: answer queries with XML that no repair can read (mismatched end tags). */
    public volatile boolean malformedAnswers;
    /** How many record files a RecordInfo query finds, one per 10 minutes from the query's StartTime. */
    public volatile int recordCount = 3;

    /** A SUBSCRIBE this device accepted, and the To tag it answered with (its side of the dialog). */
    public record SubscriptionSeen(SipRequest subscribe, String toTag) {
        public String expires() {
            return subscribe.header(SipHeaderNames.EXPIRES);
        }
    }

    /** Every MANSCDP MESSAGE received from the platform, in order. */
    public final List<ManscdpMessage> received =
            new CopyOnWriteArrayList<>();
    /** The raw bodies of those MESSAGEs, in order. */
    public final List<byte[]> receivedBodies = new CopyOnWriteArrayList<>();
    /** Every SUBSCRIBE received, in order. */
    public final List<SubscriptionSeen> subscriptions = new CopyOnWriteArrayList<>();
    /** The Expires this device grants (it may shorten the request). */
    public volatile int grantExpires = 3600;
    private final AtomicLong notifyCseq = new AtomicLong(1);

    /** Sends a NOTIFY within the dialog of an accepted subscription (RFC 6665 §4.2.2). */
    public SipResponse notify(SubscriptionSeen s, String xml) throws Exception {
        SipRequest sub = s.subscribe();
        SipUri target = SipAddress.parse(sub.header(SipHeaderNames.CONTACT)).uri();
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(transport))
                .add(SipHeaderNames.FROM, "<sip:" + deviceId + "@" + domain + ">;tag=" + s.toTag())
                .add(SipHeaderNames.TO, sub.header(SipHeaderNames.FROM))
                .add(SipHeaderNames.CALL_ID, sub.callId())
                .add(SipHeaderNames.CSEQ, notifyCseq.getAndIncrement() + " NOTIFY")
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.EVENT, sub.header(SipHeaderNames.EVENT))
                .add(SipHeaderNames.SUBSCRIPTION_STATE, "active;expires=" + grantExpires)
                .add(SipHeaderNames.CONTENT_TYPE, "Application/MANSCDP+xml")
                .build();
        return send(new SipRequest("NOTIFY", target.toString(), h, XmlLines.encode(xml)));
    }

    /** The camera's media side: answers INVITEs and streams video. */
    public final ScriptedMedia media = new ScriptedMedia(executor);

    {
        media.endOfFileSignal = this::endOfFile;
    }

    /** The device's audio output: answers Notify Broadcast, INVITEs the platform, collects the audio. */
    public final ScriptedBroadcast broadcast = new ScriptedBroadcast();

    /** The SIP side of a broadcast: the Response, the device's INVITE and its ACK. */
    private final ScriptedBroadcast.Signalling broadcastSignalling = new ScriptedBroadcast.Signalling() {
        @Override
        public SipResponse respond(String cmdType, String sn, String result) throws Exception {
            return message(response(cmdType, sn, "<Result>" + result + "</Result>\r\n"));
        }

        @Override
        public CompletableFuture<SipResponse> invite(String targetId, String sourceId, String sdp) {
            SipHeaders h = SipHeaders.builder()
                    .add(SipHeaderNames.VIA, stack.newVia(transport))
                    .add(SipHeaderNames.FROM, "<sip:" + targetId + "@" + domain + ">;tag=" + SipIds.newTag())
                    .add(SipHeaderNames.TO, "<sip:" + sourceId + "@" + domain + ">")
                    .add(SipHeaderNames.CALL_ID, SipIds.newCallId("127.0.0.1"))
                    .add(SipHeaderNames.CSEQ, "1 INVITE")
                    .add(SipHeaderNames.MAX_FORWARDS, 70)
                    .add(SipHeaderNames.CONTACT, "<sip:" + targetId + "@127.0.0.1:" + stack.boundPort() + ">")
                    .add("Subject", targetId + ":" + String.format("%010d", broadcast.ssrc) + "," + sourceId + ":0")
                    .add(SipHeaderNames.CONTENT_TYPE, "APPLICATION/SDP")
                    .build();
            SipRequest invite = new SipRequest("INVITE", "sip:" + sourceId + "@" + domain, h,
                    sdp.getBytes(StandardCharsets.UTF_8));
            broadcast.invite = invite;
            return stack.sendRequest(invite, server);
        }

        @Override
        public SipResponse cancel(SipRequest invite) throws Exception {
            SipHeaders h = SipHeaders.builder()
                    .add(SipHeaderNames.VIA, invite.headers().first(SipHeaderNames.VIA))
                    .add(SipHeaderNames.FROM, invite.headers().first(SipHeaderNames.FROM))
                    .add(SipHeaderNames.TO, invite.headers().first(SipHeaderNames.TO))
                    .add(SipHeaderNames.CALL_ID, invite.callId())
                    .add(SipHeaderNames.CSEQ, invite.cseq().number() + " CANCEL")
                    .add(SipHeaderNames.MAX_FORWARDS, 70)
                    .build();
            return send(new SipRequest("CANCEL", invite.requestUri(), h, null));
        }

        @Override
        public void ack(SipRequest invite, SipResponse answer) {
            SipHeaders h = SipHeaders.builder()
                    .add(SipHeaderNames.VIA, stack.newVia(transport))
                    .add(SipHeaderNames.FROM, invite.headers().first(SipHeaderNames.FROM))
                    .add(SipHeaderNames.TO, answer.headers().first(SipHeaderNames.TO))
                    .add(SipHeaderNames.CALL_ID, invite.callId())
                    .add(SipHeaderNames.CSEQ, "1 ACK")
                    .add(SipHeaderNames.MAX_FORWARDS, 70)
                    .build();
            SipUri target = SipAddress.parse(answer.header(SipHeaderNames.CONTACT)).uri();
            stack.send(new SipRequest("ACK", target.toString(), h, null), server);
        }
    };

    private void onRequest(SipServerTransaction tx) {
        SipRequest r = tx.request();
        switch (r.method()) {
            case "INVITE" -> {
                media.onInvite(tx);
                return;
            }
            case "ACK" -> {
                media.onAck(r);
                return;
            }
            case "BYE" -> {
                if (!broadcast.onBye(tx)) {
                    media.onBye(tx);
                }
                return;
            }
            case "INFO" -> {
                media.onInfo(tx);
                return;
            }
            default -> {
            }
        }
        if (r.isMethod("SUBSCRIBE")) {
            int requested = Integer.parseInt(r.header(SipHeaderNames.EXPIRES).trim());
            // recorded before the answer lets the next come; a retransmission (same Call-ID and CSeq) only once
            boolean retransmission = subscriptions.stream().anyMatch(x -> x.subscribe().callId().equals(r.callId())
                    && x.subscribe().cseq().number() == r.cseq().number());
            if (!retransmission) {
                subscriptions.add(new SubscriptionSeen(r, tx.toTag()));
            }
            tx.respond(new SipResponse(200, "OK", tx.responseHeaders(200)
                    .add(SipHeaderNames.EXPIRES, Math.min(requested, grantExpires)).build(), null));
            return;
        }
        if (!r.isMethod("MESSAGE")) {
            if (!r.isMethod("ACK")) {
                tx.respond(200);
            }
            return;
        }
        ManscdpMessage q;
        try {
            q = new ManscdpParser().parse(r.body());
        } catch (ManscdpParseException e) {
            tx.respond(400);
            return;
        }
        receivedBodies.add(r.body());
        received.add(q);
        tx.respond(200);
        if (q.root().equals("Notify") && q.cmdType().equals("Broadcast")) {
            executor.execute(() -> {
                try {
                    broadcast.onNotify(q, broadcastSignalling);
                } catch (Exception e) {
                    throw new IllegalStateException("broadcast side of the simulated device failed", e);
                }
            });
            return;
        }
        if (answerQueries && q.root().equals("Query")) {
            executor.execute(() -> answer(q));
        } else if (answerQueries && q.root().equals("Control") && (q.fields().containsKey("GuardCmd")
                || q.fields().containsKey("RecordCmd") || q.fields().containsKey("AlarmCmd"))) {
            // GB/T 28181-2016 §9.3.1: guard, record and alarm-reset controls are answered with their result
            executor.execute(() -> {
                try {
                    message(response(q.cmdType(), q.sn(), "<Result>OK</Result>\r\n"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Channel i's name: Chinese, with a GBK-only character on every tenth to prove GB18030 decoding. */
    public static String channelName(int i) {
        return (i % 10 == 0 ? "喆" : "") + "通道" + i + "号摄像机";
    }

    public String channelId(int i) {
        return deviceId.substring(0, 10) + "131" + String.format("%07d", i);
    }

    private void answer(ManscdpMessage q) {
        String sn = freshSn ? Long.toString(900_000 + this.sn.getAndIncrement()) : q.sn();
        try {
            if (malformedAnswers) {
                message(response(q.cmdType(), sn, "<DeviceName>门</Manufacturer>\r\n<Model><Firmware></Model>\r\n"));
                return;
            }
            switch (q.cmdType()) {
                case "DeviceInfo" -> message(response("DeviceInfo", sn, "<DeviceName>大门口</DeviceName>\r\n"
                        + "<Result>OK</Result>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n<Model>DS-2CD</Model>\r\n"
                        + "<Firmware>V5.5.0</Firmware>\r\n<Channel>" + catalogChannels + "</Channel>\r\n"));
                case "Catalog" -> {
                    int total = catalogChannels;
                    int limit = Math.min(total, sendOnlyItems);
                    for (int from = 0; from < limit; from += itemsPerMessage) {
                        int to = Math.min(limit, from + itemsPerMessage);
                        StringBuilder items = new StringBuilder();
                        for (int i = from; i < to; i++) {
                            items.append("<Item>\r\n<DeviceID>").append(channelId(i)).append("</DeviceID>\r\n<Name>")
                                    .append(channelName(i)).append("</Name>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n")
                                    .append("<Status>ON</Status>\r\n<ParentID>").append(deviceId)
                                    .append("</ParentID>\r\n</Item>\r\n");
                        }
                        message(response("Catalog", sn, "<SumNum>" + total + "</SumNum>\r\n<DeviceList Num=\""
                                + (to - from) + "\">\r\n" + items + "</DeviceList>\r\n"));
                    }
                }
                case "ConfigDownload" -> message(response("ConfigDownload", sn, "<Result>OK</Result>\r\n"
                        + (heartbeatInterval == 0 ? "" : "<BasicParam>\r\n<Name>IPC</Name>\r\n<Expiration>3600"
                        + "</Expiration>\r\n<HeartBeatInterval>" + heartbeatInterval + "</HeartBeatInterval>\r\n"
                        + "<HeartBeatCount>" + heartbeatCount + "</HeartBeatCount>\r\n</BasicParam>\r\n")));
                case "DeviceStatus" -> message(response("DeviceStatus", sn, "<Result>OK</Result>\r\n<Online>ONLINE"
                        + "</Online>\r\n<Status>OK</Status>\r\n<Encode>ON</Encode>\r\n<Record>OFF</Record>\r\n"));
                case "RecordInfo" -> answerRecords(q, sn);
                default -> message(response(q.cmdType(), sn, "<Result>OK</Result>\r\n"));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Record files of the queried channel, {@link #itemsPerMessage} per MESSAGE, like an NVR paging its answer. */
    private void answerRecords(ManscdpMessage q, String sn) throws Exception {
        LocalDateTime start = LocalDateTime.parse(q.field("StartTime"));
        int total = recordCount;
        for (int from = 0; from < Math.max(1, total); from += itemsPerMessage) {
            int to = Math.min(total, from + itemsPerMessage);
            StringBuilder items = new StringBuilder();
            for (int i = from; i < to; i++) {
                LocalDateTime s = start.plusMinutes(10L * i);
                items.append("<Item>\r\n<DeviceID>").append(q.deviceId()).append("</DeviceID>\r\n<Name>录像")
                        .append(i).append("</Name>\r\n<FilePath>/rec/").append(i).append(".ps</FilePath>\r\n")
                        .append("<StartTime>").append(s).append(":00</StartTime>\r\n<EndTime>")
                        .append(s.plusMinutes(10)).append(":00</EndTime>\r\n<Secrecy>0</Secrecy>\r\n")
                        .append("<Type>time</Type>\r\n</Item>\r\n");
            }
            String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>RecordInfo</CmdType>"
                    + "\r\n<SN>" + sn + "</SN>\r\n<DeviceID>" + q.deviceId() + "</DeviceID>\r\n<Name>Camera</Name>\r\n"
                    + "<SumNum>" + total + "</SumNum>\r\n<RecordList Num=\"" + (to - from) + "\">\r\n" + items
                    + "</RecordList>\r\n</Response>\r\n";
            message(body);
        }
    }

    private String response(String cmdType, String sn, String body) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>" + cmdType + "</CmdType>\r\n<SN>"
               + sn + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n" + body + "</Response>\r\n";
    }

    public String deviceId() {
        return deviceId;
    }

    /** Sends BYE in every media dialog this camera has (it ends its streams itself); returns the answers. */
    public List<SipResponse> byeAll() throws Exception {
        List<SipResponse> answers = new ArrayList<>();
        for (SipRequest invite : media.invites) {
            if (media.activeCalls().contains(invite.callId())) {
                answers.add(bye(invite));
            }
        }
        return answers;
    }

    /** Ends a recording the camera sent once, the way {@link ScriptedMedia#endOfFile} says. */
    private void endOfFile(String callId, ScriptedMedia.EndOfFile how) throws Exception {
        if (how == ScriptedMedia.EndOfFile.MEDIA_STATUS) {
            notifyMessage("MediaStatus", "<NotifyType>121</NotifyType>\r\n");
            return;
        }
        for (SipRequest invite : media.invites) {
            if (invite.callId().equals(callId)) {
                bye(invite);
            }
        }
    }

    /** BYE in the dialog of one INVITE this camera answered. */
    private SipResponse bye(SipRequest invite) throws Exception {
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(transport))
                .add(SipHeaderNames.FROM, invite.headers().first(SipHeaderNames.TO) + ";tag="
                        + media.toTag(invite.callId()))
                .add(SipHeaderNames.TO, invite.headers().first(SipHeaderNames.FROM))
                .add(SipHeaderNames.CALL_ID, invite.callId())
                .add(SipHeaderNames.CSEQ, "1 BYE")
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .build();
        SipUri target = SipAddress.parse(invite.header(SipHeaderNames.CONTACT)).uri();
        SipResponse answer = send(new SipRequest("BYE", target.toString(), h, null));
        media.ended(invite.callId());
        return answer;
    }

    /** How many MANSCDP messages of that CmdType the platform sent this device. */
    public long receivedCount(String cmdType) {
        return received.stream().filter(m -> m.cmdType().equals(cmdType)).count();
    }

    /** A Notify of that CmdType from this device with the given inner elements, in GB2312. */
    public SipResponse notifyMessage(String cmdType, String fields) throws Exception {
        return message("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>" + cmdType
                + "</CmdType>\r\n<SN>" + sn.getAndIncrement() + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n"
                + fields + "</Notify>\r\n");
    }

    public SipPeer server() {
        return server;
    }

    public int localPort() {
        return stack.boundPort();
    }

    /** What a registration attempt ended with, and the servers it went through. */
    public record RegisterResult(SipResponse response, SipPeer registeredAt, int redirects,
                                 List<SipResponse> history) {
        public int status() {
            return response.status();
        }
    }

    public RegisterResult register(int expires) throws Exception {
        return register(expires, password);
    }

    /**
     * REGISTER; answers a 401 with digest (same Call-ID, CSeq + 1, as GB/T 28181 requires), follows up to three
     * 302 redirects to the Contact given. Returns the final answer.
     */
    public RegisterResult register(int expires, String withPassword) throws Exception {
        int redirects = 0;
        String authorization = null;
        List<SipResponse> history = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            SipResponse r = send(registerRequest(expires, authorization));
            history.add(r);
            if (r.status() == 401 && authorization == null && withPassword != null) {
                authorization = answer(r.header(SipHeaderNames.WWW_AUTHENTICATE), withPassword);
                continue;
            }
            if (r.status() == 401 && r.header(SipHeaderNames.WWW_AUTHENTICATE).contains("stale=TRUE")) {
                authorization = answer(r.header(SipHeaderNames.WWW_AUTHENTICATE), withPassword);
                continue;
            }
            if (r.status() == 302 && redirects < 3) {
                SipUri target = SipAddress.parse(r.header(SipHeaderNames.CONTACT)).uri();
                server = SipPeer.of(transport, target.host(), target.port());
                redirects++;
                authorization = null;
                continue;
            }
            return new RegisterResult(r, server, redirects, history);
        }
        throw new IllegalStateException("registration did not settle");
    }

    private String answer(String challenge, String pw) {
        Map<String, String> p = DigestCredentials.parameters(challenge);
        return DigestAnswer.authorization(deviceId, p.get("realm"), pw, "REGISTER", "sip:" + serverId + "@" + domain,
                p.get("nonce"), p.containsKey("qop") ? "auth" : null, 1);
    }

    public SipRequest registerRequest(int expires, String authorization) {
        SipHeaders.Builder h = baseHeaders("REGISTER", serverId + "@" + domain, null)
                .add(SipHeaderNames.CONTACT, "<sip:" + deviceId + "@127.0.0.1:" + stack.boundPort() + ">")
                .add(SipHeaderNames.EXPIRES, expires);
        if (authorization != null) {
            h.add(SipHeaderNames.AUTHORIZATION, authorization);
        }
        return new SipRequest("REGISTER", "sip:" + serverId + "@" + domain, h.build(), null);
    }

    public SipResponse unregister() throws Exception {
        return register(0).response();
    }

    /** A keep-alive MESSAGE (GB/T 28181-2016 §9.6, A.2.5) in GB2312; returns the status of the answer. */
    public SipResponse keepalive() throws Exception {
        return message("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                       + "<SN>" + sn.getAndIncrement() + "</SN>\r\n<DeviceID>" + deviceId
                       + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n");
    }

    public SipResponse message(String xml) throws Exception {
        return message(XmlLines.encode(xml));
    }

    /** A MESSAGE with exactly these body bytes. */
    public SipResponse message(byte[] body) throws Exception {
        SipHeaders h = baseHeaders("MESSAGE", serverId + "@" + domain, SipIds.newCallId("127.0.0.1"))
                .add(SipHeaderNames.CONTENT_TYPE, "Application/MANSCDP+xml").build();
        SipRequest req = new SipRequest("MESSAGE", "sip:" + serverId + "@" + domain, h, body);
        return send(req);
    }

    private SipHeaders.Builder baseHeaders(String method, String toAor, String ownCallId) {
        return SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(transport))
                .add(SipHeaderNames.FROM, "<sip:" + deviceId + "@" + domain + ">;tag=" + fromTag)
                .add(SipHeaderNames.TO, method.equals("REGISTER") ? "<sip:" + deviceId + "@" + domain + ">"
                        : "<sip:" + toAor + ">")
                .add(SipHeaderNames.CALL_ID, ownCallId != null ? ownCallId : callId)
                .add(SipHeaderNames.CSEQ, cseq.getAndIncrement() + " " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.USER_AGENT, "camel-gb28181 simulator");
    }

    public SipResponse send(SipRequest request) throws Exception {
        CompletableFuture<SipResponse> f = stack.sendRequest(request, server);
        return f.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        media.closeAll();
        broadcast.close();
        stack.stop();
        executor.shutdownNow();
    }
}
