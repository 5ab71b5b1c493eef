package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.sip.DigestCredentials;
import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipIds;
import io.github.camelgb28181.sip.SipMessageEncoder;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.sip.SipTransport;
import io.github.camelgb28181.sip.SipUri;
import io.github.camelgb28181.util.Completions;
import io.netty.util.concurrent.EventExecutor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One simulated GB28181 device (an IPC or NVR): registers with digest, follows 302 redirects, refreshes its
 * registration, sends keep-alives, answers queries and subscriptions, and reports alarms and positions.
 *
 * <p>Every method runs on the device's own event loop (one of a few the simulator shares among all devices), so its
 * state needs no locks; SIP answers and incoming requests are handed to that loop.
 */
final class VirtualDevice {

    static final String MANSCDP = "Application/MANSCDP+xml";
    private static final String USER_AGENT = "camel-gb28181-simulator";
    /** Unanswered REGISTERs and refused ones are retried after this long (jittered): a device never gives up. */
    private static final long RETRY_MS = 5_000;
    private static final int MAX_REDIRECTS = 3;
    /** A challenge after our answer means a stale nonce or a fresh one after a redirect; more means trouble. */
    private static final int MAX_CHALLENGES = 2;

    private final DeviceContext ctx;
    private final int index;
    private final String deviceId;
    private final SipStack stack;
    private final EventExecutor loop;
    private final String callId;
    private final String fromTag = SipIds.newTag();
    private int cseq = 1;
    private long sn = 1;

    private volatile SipPeer server;
    private volatile boolean registered;
    private boolean stopped;
    private long attemptStartNanos;
    private int redirects;
    private int challenges;
    private String realm;
    private String nonce;
    private int nonceCount;
    private int keepaliveMisses;
    private ScheduledFuture<?> refreshTimer;
    private ScheduledFuture<?> keepaliveTimer;
    private ScheduledFuture<?> alarmTimer;
    private ScheduledFuture<?> positionTimer;
    private ScheduledFuture<?> retryTimer;
    private Map<String, DeviceSubscription> subscriptions;
    private Map<String, Call> sessions;

    /** A media dialog: the session and the channel it streams. */
    private record Call(MediaResponder.MediaSession session, String channelId) {
    }

    VirtualDevice(DeviceContext ctx, int index, SipStack stack, EventExecutor loop) {
        this.ctx = ctx;
        this.index = index;
        this.deviceId = ctx.config.idPlan().deviceId(index);
        this.stack = stack;
        this.loop = loop;
        this.server = ctx.config.server();
        this.callId = SipIds.newCallId(ctx.config.localHost());
    }

    String deviceId() {
        return deviceId;
    }

    boolean isRegistered() {
        return registered;
    }

    SipPeer server() {
        return server;
    }

    /** Starts registering; may be called from any thread. */
    void start() {
        loop.execute(this::beginRegistration);
    }

    /** Hands an incoming request to the device's loop. */
    void receive(SipServerTransaction tx) {
        loop.execute(() -> onRequest(tx));
    }

    /** Stops every timer and session; with {@code unregister}, sends REGISTER with Expires 0 first. */
    CompletableFuture<Void> stop(boolean unregister) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            boolean wasRegistered = registered;
            stopped = true;
            cancelTimers();
            if (sessions != null) {
                sessions.values().forEach(c -> c.session().stop());
                sessions.clear();
            }
            if (!unregister || !wasRegistered) {
                done.complete(null);
                return;
            }
            SipRequest r = registerRequest(0, nonce != null ? authorization("REGISTER") : null);
            ctx.stats.registerSent();
            stack.sendRequest(r, server).whenCompleteAsync((resp, err) -> {
                if (registered) {
                    registered = false;
                    ctx.stats.unregistered();
                }
                done.complete(null);
            }, loop);
        });
        return done;
    }

    // ------------------------------------------------------------------------------------------- registration

    private void beginRegistration() {
        if (stopped) {
            return;
        }
        cancel(retryTimer);
        attemptStartNanos = System.nanoTime();
        redirects = 0;
        challenges = 0;
        sendRegister();
    }

    private void sendRegister() {
        int expires = ctx.config.expiresSeconds();
        // a refresh re-uses the nonce with the next nonce-count (RFC 2617 §3.2.2), as real devices do
        SipRequest request = registerRequest(expires, nonce != null ? authorization("REGISTER") : null);
        long sentAt = System.nanoTime();
        ctx.stats.registerSent();
        stack.sendRequest(request, server).whenCompleteAsync((r, error) -> onRegisterAnswer(r, error, sentAt), loop);
    }

    private void onRegisterAnswer(SipResponse r, Throwable error, long sentAt) {
        if (stopped) {
            return;
        }
        if (error != null) {
            registrationFailed();
            return;
        }
        ctx.stats.registerAnswered(System.nanoTime() - sentAt);
        int status = r.status();
        if (status == 401 && challenges < MAX_CHALLENGES && ctx.config.password() != null) {
            challenges++;
            adoptChallenge(r.header(SipHeaderNames.WWW_AUTHENTICATE));
            sendRegister();
        } else if (status == 302 && redirects < MAX_REDIRECTS && followRedirect(r)) {
            redirects++;
            challenges = 0;
            ctx.stats.redirected();
            sendRegister();
        } else if (r.isSuccess()) {
            registrationAccepted(grantedExpires(r));
        } else {
            registrationFailed();
        }
    }

    private void adoptChallenge(String challenge) {
        Map<String, String> p = challenge == null ? Map.of() : DigestCredentials.parameters(challenge);
        realm = p.getOrDefault("realm", ctx.config.domain());
        nonce = p.get("nonce");
        nonceCount = 0;
    }

    /** GB/T 28181-2022 §9.1.2.3: the 302's Contact names the server to register at instead. */
    private boolean followRedirect(SipResponse r) {
        try {
            SipUri target = SipAddress.parse(r.header(SipHeaderNames.CONTACT)).uri();
            server = SipPeer.of(ctx.config.transport(), target.host(), target.port() > 0 ? target.port() : 5060);
            nonce = null; // another server, another realm and nonce
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int grantedExpires(SipResponse r) {
        String v = r.header(SipHeaderNames.EXPIRES);
        try {
            return v == null ? ctx.config.expiresSeconds() : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return ctx.config.expiresSeconds();
        }
    }

    private void registrationAccepted(int grantedSeconds) {
        boolean was = registered;
        registered = true;
        keepaliveMisses = 0;
        ctx.stats.registrationCompleted(System.nanoTime() - attemptStartNanos, was);
        int seconds = Math.max(1, grantedSeconds);
        cancel(refreshTimer);
        refreshTimer = loop.schedule(this::beginRegistration, jittered(seconds * 800L), TimeUnit.MILLISECONDS);
        if (!was) {
            startPeriodicReports();
        }
    }

    private void registrationFailed() {
        ctx.stats.registrationFailed();
        lostRegistration();
        cancel(retryTimer);
        retryTimer = loop.schedule(this::beginRegistration, jittered(RETRY_MS), TimeUnit.MILLISECONDS);
    }

    private void lostRegistration() {
        if (registered) {
            registered = false;
            ctx.stats.unregistered();
        }
        cancel(keepaliveTimer);
        cancel(alarmTimer);
        cancel(positionTimer);
        nonce = null;
    }

    private SipRequest registerRequest(int expires, String authorization) {
        String contact = ctx.faults().has(VendorQuirk.CONTACT_WITHOUT_PORT)
                ? "<sip:" + deviceId + "@" + ctx.config.localHost() + ">"
                : "<sip:" + deviceId + "@" + ctx.config.localHost() + ":" + stack.boundPort() + ">";
        SipHeaders.Builder h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(ctx.config.transport()))
                .add(SipHeaderNames.FROM, "<sip:" + deviceId + "@" + ctx.config.domain() + ">;tag=" + fromTag)
                .add(SipHeaderNames.TO, "<sip:" + deviceId + "@" + ctx.config.domain() + ">")
                // the same Call-ID for every REGISTER of this device: GB/T 28181-2016 §9.1.2.1 refresh
                .add(SipHeaderNames.CALL_ID, callId)
                .add(SipHeaderNames.CSEQ, cseq++ + " REGISTER")
                .add(SipHeaderNames.CONTACT, contact)
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.USER_AGENT, USER_AGENT)
                .add(SipHeaderNames.EXPIRES, expires);
        if (authorization != null) {
            h.add(SipHeaderNames.AUTHORIZATION, authorization);
        }
        return new SipRequest("REGISTER", registrarUri(), h.build(), null);
    }

    private String registrarUri() {
        return "sip:" + ctx.config.serverId() + "@" + ctx.config.domain();
    }

    /** Digest answer with qop=auth and the next nonce-count: a refresh re-uses the nonce as real devices do. */
    private String authorization(String method) {
        return DigestAnswer.authorization(deviceId, realm, ctx.config.password(), method, registrarUri(), nonce, "auth",
                ++nonceCount);
    }

    // ------------------------------------------------------------------------------------------- keep-alive, reports

    private void startPeriodicReports() {
        SimulatorConfig c = ctx.config;
        if (c.keepaliveSeconds() > 0) {
            // the first keep-alive at a random point of the interval spreads a registration storm's keep-alives
            long first = ThreadLocalRandom.current().nextLong(c.keepaliveSeconds() * 1000L) + 1;
            keepaliveTimer = loop.schedule(this::sendKeepalive, first, TimeUnit.MILLISECONDS);
        }
        if (c.alarmSeconds() > 0) {
            alarmTimer = loop.schedule(this::reportAlarm, jittered(c.alarmSeconds() * 1000L), TimeUnit.MILLISECONDS);
        }
        if (c.positionSeconds() > 0) {
            positionTimer = loop.schedule(this::reportPosition, jittered(c.positionSeconds() * 1000L),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void sendKeepalive() {
        if (stopped || !registered) {
            return;
        }
        keepaliveTimer = loop.schedule(this::sendKeepalive, jittered(ctx.config.keepaliveSeconds() * 1000L),
                TimeUnit.MILLISECONDS);
        if (ctx.faults().keepalivesSuspended()) {
            return;
        }
        SipRequest request = toServer("MESSAGE", ctx.bodies.keepalive(deviceId, sn++));
        long sentAt = System.nanoTime();
        ctx.stats.keepaliveSent();
        stack.sendRequest(request, server).whenCompleteAsync((r, error) -> onKeepaliveAnswer(r, error, sentAt), loop);
    }

    private void onKeepaliveAnswer(SipResponse r, Throwable error, long sentAt) {
        if (stopped || !registered) {
            return;
        }
        if (error == null) {
            ctx.stats.keepaliveAnswered(System.nanoTime() - sentAt, r.isSuccess());
        } else {
            ctx.stats.keepaliveFailed();
        }
        if (error == null && r.isSuccess()) {
            keepaliveMisses = 0;
        } else if (error == null && r.status() == 404) {
            // the platform no longer knows us (GB/T 28181-2016 §9.6): register again at once
            lostRegistration();
            beginRegistration();
        } else if (++keepaliveMisses >= ctx.config.keepaliveMisses()) {
            lostRegistration();
            beginRegistration();
        }
    }

    private void reportAlarm() {
        if (stopped || !registered) {
            return;
        }
        alarmTimer = loop.schedule(this::reportAlarm, jittered(ctx.config.alarmSeconds() * 1000L),
                TimeUnit.MILLISECONDS);
        String xml = ctx.bodies.alarm(deviceId, sn++, LocalDateTime.now(), 1 + ThreadLocalRandom.current().nextInt(4));
        report("Alarm", xml);
    }

    private void reportPosition() {
        if (stopped || !registered) {
            return;
        }
        positionTimer = loop.schedule(this::reportPosition, jittered(ctx.config.positionSeconds() * 1000L),
                TimeUnit.MILLISECONDS);
        report("MobilePosition", positionXml());
    }

    private String positionXml() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        double lon = 116.3 + (index % 1000) * 0.001 + rnd.nextDouble(-0.0005, 0.0005);
        double lat = 39.9 + (index / 1000 % 1000) * 0.001 + rnd.nextDouble(-0.0005, 0.0005);
        return ctx.bodies.mobilePosition(deviceId, sn++, LocalDateTime.now(), lon, lat);
    }

    /** Within a subscription of this kind a report is a NOTIFY (§9.11); without one, a MESSAGE (§9.4). */
    private void report(String cmdType, String xml) {
        DeviceSubscription s = subscriptions == null ? null : subscriptions.get(cmdType);
        if (s != null && !s.expired(System.nanoTime())) {
            sendNotify(s, xml);
        } else {
            sendToServer(xml, true);
        }
    }

    // ------------------------------------------------------------------------------------------- incoming requests

    private void onRequest(SipServerTransaction tx) {
        ctx.stats.requestReceived();
        SipRequest r = tx.request();
        switch (r.method()) {
            case "MESSAGE" -> onMessage(tx);
            case "SUBSCRIBE" -> onSubscribe(tx);
            case "INVITE" -> onInvite(tx);
            case "ACK" -> onAck(r);
            case "BYE" -> onBye(tx);
            case "INFO" -> onInfo(tx);
            case "OPTIONS", "NOTIFY" -> tx.respond(200);
            default -> tx.respond(405);
        }
    }

    private void onMessage(SipServerTransaction tx) {
        ManscdpMessage m;
        try {
            m = ctx.parser.parse(tx.request().body());
        } catch (ManscdpParseException e) {
            tx.respond(400);
            return;
        }
        // before the 200 OK: whoever sent the command may look for it as soon as it is answered
        for (Simulator.MessageListener l : ctx.messageListeners) {
            l.onMessage(deviceId, m);
        }
        tx.respond(200);
        if (m.root().equalsIgnoreCase("Query")) {
            answerQuery(m);
        } else if (m.root().equalsIgnoreCase("Control")) {
            answerControl(m);
        }
    }

    private void answerQuery(ManscdpMessage q) {
        FaultProfile f = ctx.faults();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (rnd.nextDouble() < f.dropRate()) {
            ctx.stats.answerWithheld();
            return;
        }
        long answerSn = rnd.nextDouble() < f.freshSnRate() ? 900_000 + sn++ : parseSn(q.sn());
        String target = q.deviceId() != null && !q.deviceId().isBlank() ? q.deviceId() : deviceId;
        int per = ctx.config.itemsPerMessage();
        Runnable answer = switch (q.cmdType()) {
            case "DeviceInfo" -> () -> sendAnswer(ctx.bodies.deviceInfo(deviceId, answerSn));
            case "DeviceStatus" -> () -> sendAnswer(ctx.bodies.deviceStatus(deviceId, answerSn, LocalDateTime.now()));
            case "ConfigDownload" -> () -> sendAnswer(ctx.bodies.configDownload(deviceId, answerSn));
            case "Catalog" -> () -> sendPages(ctx.config.channels(), per,
                    (from, to) -> ctx.bodies.catalogPage(index, answerSn, from, to));
            case "PresetQuery" -> () -> sendPages(ctx.config.presets(), per,
                    (from, to) -> ctx.bodies.presetPage(target, answerSn, from, to));
            case "RecordInfo" -> () -> {
                List<RecordPlan.RecordFile> files = RecordPlan.files(time(q.field("StartTime")),
                        time(q.field("EndTime")), ctx.config.recordMinutes());
                sendPages(files.size(), per, (from, to) -> ctx.bodies.recordPage(target, answerSn, files, from, to));
            };
            default -> () -> sendAnswer(ctx.bodies.result(q.cmdType(), deviceId, answerSn));
        };
        if (f.answerDelayMs() > 0) {
            loop.schedule(answer, f.answerDelayMs(), TimeUnit.MILLISECONDS);
        } else {
            answer.run();
        }
    }

    /** Controls answered with a Response (GB/T 28181-2016 §9.3.1): record, guard, alarm reset, home position, config. */
    private void answerControl(ManscdpMessage c) {
        boolean answered = c.cmdType().equalsIgnoreCase("DeviceConfig")
                           || c.field("RecordCmd") != null || c.field("GuardCmd") != null
                           || c.field("AlarmCmd") != null || c.field("HomePosition") != null;
        if (answered) {
            sendAnswer(ctx.bodies.result(c.cmdType(), deviceId, parseSn(c.sn())));
        }
    }

    private static long parseSn(String sn) {
        try {
            return sn == null ? 0 : Long.parseLong(sn.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LocalDateTime time(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One page of a multi-message answer: items {@code [from, to)}. */
    @FunctionalInterface
    private interface Page {
        String xml(int from, int to);
    }

    /**
     * Sends {@code total} items in MESSAGEs of {@code per} items, each after the previous one was answered, as
     * NVRs do (a burst would overrun the platform's UDP buffer). Zero items still make one message with SumNum 0.
     */
    private void sendPages(int total, int per, Page page) {
        int pages = Math.max(1, (total + per - 1) / per);
        sendPage(0, pages, p -> page.xml(Math.min(total, p * per), Math.min(total, (p + 1) * per)));
    }

    private void sendPage(int p, int pages, IntFunction<String> page) {
        if (p >= pages || stopped) {
            return;
        }
        sendAnswer(page.apply(p)).whenCompleteAsync((ok, error) -> sendPage(p + 1, pages, page), loop);
    }

    private CompletableFuture<Void> sendAnswer(String xml) {
        if (ThreadLocalRandom.current().nextDouble() < ctx.faults().malformedRate()) {
            xml = xml.substring(0, xml.length() / 2); // cut off mid-element, as a lost UDP fragment leaves it
        }
        return sendToServer(xml, false);
    }

    private CompletableFuture<Void> sendToServer(String xml, boolean isNotify) {
        SipRequest request = toServer("MESSAGE", xml);
        if (isNotify) {
            ctx.stats.notifySent();
        } else {
            ctx.stats.answerSent();
        }
        if (ctx.faults().has(VendorQuirk.CONTENT_LENGTH_ZERO_WITH_BODY) && server.transport() == SipTransport.UDP) {
            ctx.sockets.sendRaw(withContentLengthZero(SipMessageEncoder.encode(request)), server.address());
            return CompletableFuture.completedFuture(null);
        }
        return stack.sendRequest(request, server).handle((r, error) -> {
            if (error != null || !r.isSuccess()) {
                ctx.stats.requestFailed();
            }
            return null;
        });
    }

    /** The quirk of SPEC §5: the header claims no body although one follows. */
    static byte[] withContentLengthZero(byte[] encoded) {
        String text = new String(encoded, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\nContent-Length: ");
        int end = text.indexOf("\r\n", at + 2);
        return (text.substring(0, at) + "\r\nContent-Length: 0" + text.substring(end))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A request outside any dialog from this device to its platform (MESSAGE of GB/T 28181-2016 §9.3-9.6). */
    private SipRequest toServer(String method, String xml) {
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, stack.newVia(ctx.config.transport()))
                .add(SipHeaderNames.FROM, "<sip:" + deviceId + "@" + ctx.config.domain() + ">;tag=" + SipIds.newTag())
                .add(SipHeaderNames.TO, "<sip:" + ctx.config.serverId() + "@" + ctx.config.domain() + ">")
                .add(SipHeaderNames.CALL_ID, SipIds.newCallId(ctx.config.localHost()))
                .add(SipHeaderNames.CSEQ, cseq++ + " " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.USER_AGENT, USER_AGENT)
                .add(SipHeaderNames.CONTENT_TYPE, MANSCDP)
                .build();
        return new SipRequest(method, registrarUri(), h, XmlLines.encode(xml));
    }

    // ------------------------------------------------------------------------------------------- subscriptions

    private void onSubscribe(SipServerTransaction tx) {
        SipRequest r = tx.request();
        String cmdType;
        int interval = 0;
        try {
            ManscdpMessage q = ctx.parser.parse(r.body());
            cmdType = q.cmdType();
            interval = (int) parseSn(q.field("Interval"));
        } catch (ManscdpParseException e) {
            String event = r.header(SipHeaderNames.EVENT);
            if (event == null || !event.regionMatches(true, 0, "Catalog", 0, 7)) {
                tx.respond(400);
                return;
            }
            cmdType = "Catalog";
        }
        int requested = (int) Math.min(Integer.MAX_VALUE, parseSn(r.header(SipHeaderNames.EXPIRES)));
        if (subscriptions == null) {
            subscriptions = new HashMap<>(4);
        }
        if (requested <= 0) {
            DeviceSubscription gone = subscriptions.remove(cmdType);
            if (gone != null) {
                gone.cancelTimer();
            }
            tx.respond(new SipResponse(200, "OK", tx.responseHeaders(200).add(SipHeaderNames.EXPIRES, 0).build(),
                    null));
            return;
        }
        int granted = Math.min(requested, ctx.config.expiresSeconds());
        DeviceSubscription existing = subscriptions.get(cmdType);
        boolean refresh = existing != null && existing.callId().equals(r.callId());
        DeviceSubscription s = refresh ? existing
                : new DeviceSubscription(r, tx.toTag(), tx.source(), cmdType, interval);
        s.refresh(System.nanoTime(), granted);
        if (!refresh) {
            if (existing != null) {
                existing.cancelTimer();
            }
            subscriptions.put(cmdType, s);
        }
        tx.respond(new SipResponse(200, "OK", tx.responseHeaders(200).add(SipHeaderNames.EXPIRES, granted).build(),
                null));
        if (!refresh) {
            startNotifying(s);
        }
    }

    /** RFC 6665 §4.2.1.2: a NOTIFY right after accepting; MobilePosition then repeats at the asked interval. */
    private void startNotifying(DeviceSubscription s) {
        switch (s.cmdType()) {
            case "Catalog" -> notifyCatalog(s, 0);
            case "MobilePosition" -> notifyPosition(s);
            default -> {
                // Alarm, PTZPosition: NOTIFYs follow events (reportAlarm) rather than the subscription itself
            }
        }
    }

    private void notifyCatalog(DeviceSubscription s, int page) {
        int per = ctx.config.itemsPerMessage();
        int total = ctx.config.channels();
        int pages = Math.max(1, (total + per - 1) / per);
        if (page >= pages || stopped || subscriptions.get(s.cmdType()) != s) {
            return;
        }
        String xml = ctx.bodies.catalogNotify(index, sn++, Math.min(total, page * per),
                Math.min(total, (page + 1) * per), "ON");
        sendNotify(s, xml).whenCompleteAsync((ok, error) -> notifyCatalog(s, page + 1), loop);
    }

    private void notifyPosition(DeviceSubscription s) {
        if (stopped || subscriptions.get(s.cmdType()) != s || s.expired(System.nanoTime())) {
            return;
        }
        sendNotify(s, positionXml());
        int seconds = s.intervalSeconds() > 0 ? s.intervalSeconds() : 5;
        s.timer(loop.schedule(() -> notifyPosition(s), seconds, TimeUnit.SECONDS));
    }

    private CompletableFuture<Void> sendNotify(DeviceSubscription s, String xml) {
        SipRequest notify = s.notifyRequest(stack.newVia(s.peer().transport()), deviceId, ctx.config.domain(),
                XmlLines.encode(xml), System.nanoTime());
        ctx.stats.notifySent();
        return stack.sendRequest(notify, s.peer()).handle((r, error) -> {
            if (error != null || !r.isSuccess()) {
                ctx.stats.requestFailed();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------- media signalling

    private void onInvite(SipServerTransaction tx) {
        SipRequest invite = tx.request();
        tx.respond(100);
        String user = requestUriUser(invite.requestUri());
        String channelId = user == null ? deviceId : user;
        long delay = ctx.faults().inviteAnswerDelayMs();
        CompletionStage<MediaResponder.MediaSession> answer;
        try {
            answer = ctx.media.answer(deviceId, channelId, invite);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e); // a broken responder still gets the INVITE a final answer
        }
        answer.whenCompleteAsync((session, error) -> {
            if (delay > 0) {
                loop.schedule(() -> answerInvite(tx, channelId, session, error), delay, TimeUnit.MILLISECONDS);
            } else {
                answerInvite(tx, channelId, session, error);
            }
        }, loop);
    }

    private void answerInvite(SipServerTransaction tx, String channelId, MediaResponder.MediaSession session,
                              Throwable error) {
        if (error != null) {
            Throwable cause = Completions.cause(error);
            tx.respond(cause instanceof MediaResponder.MediaRefusedException refused ? refused.status() : 500);
            return;
        }
        if (stopped) {
            session.stop();
            tx.respond(480);
            return;
        }
        if (sessions == null) {
            sessions = new HashMap<>(4);
        }
        sessions.put(tx.request().callId(), new Call(session, channelId));
        SipHeaders h = tx.responseHeaders(200)
                .add(SipHeaderNames.CONTACT, "<sip:" + channelId + "@" + ctx.config.localHost() + ":"
                        + stack.boundPort() + ">")
                .add(SipHeaderNames.CONTENT_TYPE, "application/sdp")
                .build();
        tx.respond(new SipResponse(200, "OK", h, session.sdpAnswer()));
    }

    private void onAck(SipRequest ack) {
        Call c = sessions == null ? null : sessions.get(ack.callId());
        if (c != null) {
            c.session().start(() -> loop.execute(() -> reportEndOfFile(ack.callId(), c.channelId())));
        }
    }

    /** GB/T 28181-2016 §9.8.4: the file ended; the platform answers with BYE, which ends the session. */
    private void reportEndOfFile(String callId, String channelId) {
        if (!stopped && sessions != null && sessions.containsKey(callId)) {
            sendToServer(ctx.bodies.mediaStatus(channelId, sn++), true);
        }
    }

    private void onInfo(SipServerTransaction tx) {
        Call c = sessions == null ? null : sessions.get(tx.request().callId());
        tx.respond(c == null ? 481 : c.session().control(tx.request().body()));
    }

    private void onBye(SipServerTransaction tx) {
        Call c = sessions == null ? null : sessions.remove(tx.request().callId());
        if (c == null) {
            tx.respond(481);
            return;
        }
        c.session().stop();
        tx.respond(200);
    }

    /** The user part of a SIP Request-URI ({@code sip:user@host...}), or null; no exceptions for junk. */
    static String requestUriUser(String uri) {
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@', colon + 1);
        if (colon < 0 || at < 0) {
            return null;
        }
        int end = at;
        for (int i = colon + 1; i < at; i++) {
            char c = uri.charAt(i);
            if (c == ';' || c == ':') {
                end = i;
                break;
            }
        }
        return uri.substring(colon + 1, end);
    }

    // ------------------------------------------------------------------------------------------- timers

    private long jittered(long periodMs) {
        double j = ctx.config.jitter();
        if (j == 0) {
            return Math.max(1, periodMs);
        }
        return Math.max(1, (long) (periodMs * (1 + ThreadLocalRandom.current().nextDouble(-j, j))));
    }

    private void cancelTimers() {
        cancel(refreshTimer);
        cancel(keepaliveTimer);
        cancel(alarmTimer);
        cancel(positionTimer);
        cancel(retryTimer);
        if (subscriptions != null) {
            subscriptions.values().forEach(DeviceSubscription::cancelTimer);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
