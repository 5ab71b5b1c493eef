package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.Subscription;
import io.github.camelgb28181.platform.SubscriptionType;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSCRIBE/NOTIFY with dialogs against a simulated device over real sockets. */
class SubscriptionTest extends DeviceTestSupport {

    private static final String IPC = "34020000001320000001";
    private final BlockingQueue<Exchange> notifies = new LinkedBlockingQueue<>();

    private CamelContext server() throws Exception {
        return startServer(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:message?cmdType=Catalog,Alarm").process(notifies::add);
            }
        });
    }

    private static Gb28181Platform platform(CamelContext ctx) {
        return ctx.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }

    private static void awaitSubscribes(ScriptedDevice d, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (d.subscriptions.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(d.subscriptions.size() >= count, "SUBSCRIBEs seen: " + d.subscriptions.size());
    }

    @Test
    void catalogAndAlarmNotifiesReachTheRoutes() throws Exception {
        CamelContext server = server();
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server);
        assertEquals(200, ipc.register(3600).status());

        Subscription catalog = platform(server).subscribe(IPC, SubscriptionType.CATALOG, 3600).get(5, TimeUnit.SECONDS);
        Subscription alarm = platform(server).subscribe(IPC, SubscriptionType.ALARM, 3600).get(5, TimeUnit.SECONDS);
        assertNotNull(catalog.dialog().remoteTag());
        ScriptedDevice.SubscriptionSeen catSub = ipc.subscriptions.get(0);
        assertTrue(catSub.subscribe().header(SipHeaderNames.EVENT).startsWith("Catalog;id="));
        assertTrue(new String(catSub.subscribe().body(), "GB18030").contains("<CmdType>Catalog</CmdType>"));
        // by Event, not position: a UDP retransmission of the first SUBSCRIBE under load is recorded twice
        ScriptedDevice.SubscriptionSeen alarmSub = ipc.subscriptions.stream()
                .filter(x -> "presence".equals(x.subscribe().header(SipHeaderNames.EVENT))).findFirst().orElseThrow();
        assertEquals("presence", alarmSub.subscribe().header(SipHeaderNames.EVENT));
        assertEquals(alarm.dialog().callId(), alarmSub.subscribe().callId());

        assertEquals(200, ipc.notify(catSub, "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n"
                + "<CmdType>Catalog</CmdType>\r\n<SN>5</SN>\r\n<DeviceID>" + IPC + "</DeviceID>\r\n<SumNum>1</SumNum>\r\n"
                + "<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>34020000001310000001</DeviceID>\r\n"
                + "<Name>北门</Name>\r\n<Event>OFF</Event>\r\n</Item>\r\n</DeviceList>\r\n</Notify>\r\n").status());
        Exchange catalogNotify = notifies.poll(5, TimeUnit.SECONDS);
        assertNotNull(catalogNotify);
        ManscdpMessage m = catalogNotify.getIn().getBody(ManscdpMessage.class);
        assertEquals("Notify", m.root());
        assertTrue(m.xml().contains("<Name>北门</Name>"));

        assertEquals(200, ipc.notify(alarmSub, "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n"
                + "<CmdType>Alarm</CmdType>\r\n<SN>6</SN>\r\n<DeviceID>" + IPC + "</DeviceID>\r\n"
                + "<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n"
                + "<AlarmTime>2026-11-21T10:00:00</AlarmTime>\r\n<Info>\r\n<AlarmType>2</AlarmType>\r\n</Info>\r\n"
                + "</Notify>\r\n").status());
        Exchange alarmNotify = notifies.poll(5, TimeUnit.SECONDS);
        assertNotNull(alarmNotify);
        assertEquals("Alarm", alarmNotify.getIn().getHeader(Gb28181Constants.CMD_TYPE));
        assertEquals("5", alarmNotify.getIn().getBody(ManscdpMessage.class).field("AlarmMethod"));
    }

    @Test
    void subscriptionIsRefreshedWithinItsDialogBeforeItLapses() throws Exception {
        CamelContext server = server();
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server);
        ipc.grantExpires = 1;
        assertEquals(200, ipc.register(3600).status());
        platform(server).subscribe(IPC, SubscriptionType.MOBILE_POSITION, 3600).get(5, TimeUnit.SECONDS);
        awaitSubscribes(ipc, 2);
        var first = ipc.subscriptions.get(0).subscribe();
        var refresh = ipc.subscriptions.get(1).subscribe();
        assertEquals(first.callId(), refresh.callId(), "refresh stays in the dialog");
        assertEquals(first.cseq().number() + 1, refresh.cseq().number());
        assertEquals(ipc.subscriptions.get(0).toTag(), refresh.to().tag());
    }

    @Test
    void newRegistrationStartsTheSubscriptionOverAndUnsubscribeSendsExpiresZero() throws Exception {
        CamelContext server = server();
        ScriptedDevice first = device(IPC, SipTransport.UDP, server);
        assertEquals(200, first.register(3600).status());
        platform(server).subscribe(IPC, SubscriptionType.CATALOG, 3600).get(5, TimeUnit.SECONDS);
        String oldCallId = first.subscriptions.get(0).subscribe().callId();
        first.close();

        // the device reboots: a new registration (new Call-ID) from a new socket
        ScriptedDevice rebooted = device(IPC, SipTransport.UDP, server);
        assertEquals(200, rebooted.register(3600).status());
        awaitSubscribes(rebooted, 1);
        assertNotEquals(oldCallId, rebooted.subscriptions.get(0).subscribe().callId());

        long deadline = System.currentTimeMillis() + 5000;
        while (platform(server).subscriptions().stream().noneMatch(s -> s.dialog().callId()
                .equals(rebooted.subscriptions.get(0).subscribe().callId())) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        platform(server).unsubscribe(IPC, SubscriptionType.CATALOG).get(5, TimeUnit.SECONDS);
        awaitSubscribes(rebooted, 2);
        assertEquals("0", rebooted.subscriptions.get(1).expires());
        assertEquals(0, platform(server).subscriptions().size());
    }
}
