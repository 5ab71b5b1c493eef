package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.HostPort;
import io.github.camelgb28181.sip.SipTransport;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the simulator's command line ({@code --name value} pairs, see {@link #USAGE}) into a {@link SimulatorConfig}
 * plus the options of the run itself.
 *
 * @param config            the simulator settings
 * @param durationSeconds   how long to run; 0 until interrupted
 * @param statusSeconds     interval of status lines
 * @param holdSeconds       stop this long after every device is registered (0 = at once, a registration storm);
 *                          -1 = no such stop
 * @param unregisterAtExit  send REGISTER with Expires 0 for every device before exiting
 * @param measureSteadyState the summary covers only the time after every device registered (the storm excluded)
 */
public record SimulatorCommandLine(SimulatorConfig config, int durationSeconds, int statusSeconds,
                                   int holdSeconds, boolean unregisterAtExit, boolean measureSteadyState) {

    public static final String USAGE = """
            java -jar gb28181-simulator.jar [options]
              --server HOST:PORT        platform address (127.0.0.1:5060)
              --server-id ID            platform SIP ID (34020000002000000001)
              --domain DOMAIN           SIP domain / digest realm (3402000000)
              --password PW             device password (12345678)
              --devices N               number of devices (1)
              --id-prefix DIGITS        device ID prefix; the rest is the serial (34020000001320)
              --first-serial N          serial of the first device (1)
              --rate N                  registrations started per second, 0 = all at once (500); "500/s" works too
              --expires S               registration lifetime asked for (3600)
              --keepalive S             keep-alive interval, 0 = none (60)
              --keepalive-misses N      unanswered keep-alives before registering again (3)
              --jitter F                spread of periodic timers, fraction of the period (0.1)
              --channels N              channels per device in the catalog (4)
              --items-per-message N     catalog/record items per MESSAGE (4)
              --presets N               presets per device (3)
              --record-minutes M        length of generated record files (30)
              --alarm-interval S        alarm report interval per device, 0 = none (0)
              --position-interval S     mobile position interval per device, 0 = none (0)
              --transport udp|tcp       signalling transport (udp)
              --local-host ADDR         local address to bind and advertise (127.0.0.1)
              --sockets N               SIP sockets shared by the devices (2)
              --io-threads N            Netty I/O threads per socket (1)
              --device-threads N        event loops running the devices (2)
              --t1 MS                   SIP timer T1 (500)
              --duration S              run time, 0 = until interrupted (0)
              --status-interval S       seconds between status lines (5)
              --exit-when-registered    stop once every device is registered (same as --hold 0)
              --hold S                  stop S seconds after every device is registered
              --unregister              unregister every device before exiting
              --steady-state            summary from the moment all devices are registered
              media (what INVITEd devices stream; PS over RTP, UDP or TCP as offered):
              --stream FILE             Annex B .h264/.h265 file to stream (the built-in H.264 320x180 clip)
              --fps N                   frame rate the file is paced at (25)
              --audio                   add G.711 A-law audio
              --media-threads N         event loops carrying all streams (2)
              --no-media                refuse INVITEs with 488
              faults:
              --answer-delay MS         answer queries this late (0)
              --drop-rate F             share of query answers never sent (0)
              --malformed-rate F        share of answers with truncated XML (0)
              --fresh-sn-rate F         share of answers with a new SN (0)
              --no-keepalive            register but never send keep-alives
              --quirks LIST             content-length-zero,contact-without-port
              --invite-delay MS         answer INVITEs this late (0)
              --packet-loss F           share of RTP packets never sent (0)
              --wrong-ssrc              RTP carries another SSRC than the answer's y=
              --silent-media            answer INVITEs with 200 but send no media
            """;

    public static SimulatorCommandLine parse(String... args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        FaultProfile faults = FaultProfile.NONE;
        MediaSettings media = MediaSettings.DEFAULT;
        String prefix = DeviceIdPlan.DEFAULT.prefix();
        long firstSerial = DeviceIdPlan.DEFAULT.firstSerial();
        int duration = 0;
        int status = 5;
        int hold = -1;
        boolean unregister = false;
        boolean steady = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--exit-when-registered" -> hold = 0;
                case "--unregister" -> unregister = true;
                case "--steady-state" -> steady = true;
                case "--no-keepalive" -> faults = faults.withKeepalivesSuspended(true);
                case "--audio" -> media = media.withAudio(true);
                case "--no-media" -> media = media.withEnabled(false);
                case "--wrong-ssrc" -> faults = faults.withWrongSsrc(true);
                case "--silent-media" -> faults = faults.withNoMedia(true);
                case "--help", "-h" -> throw new IllegalArgumentException("usage");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    String v = args[++i];
                    switch (name) {
                        case "--server" -> {
                            HostPort hp = HostPort.parse(v, 5060);
                            b.serverHost(hp.host()).serverPort(hp.port());
                        }
                        case "--server-id" -> b.serverId(v);
                        case "--domain" -> b.domain(v);
                        case "--password" -> b.password(v);
                        case "--devices" -> b.devices(integer(name, v));
                        case "--id-prefix" -> prefix = v;
                        case "--first-serial" -> firstSerial = Long.parseLong(v);
                        case "--rate" -> b.registrationsPerSecond(decimal(name, v.endsWith("/s")
                                ? v.substring(0, v.length() - 2) : v));
                        case "--expires" -> b.expiresSeconds(integer(name, v));
                        case "--keepalive" -> b.keepaliveSeconds(integer(name, v));
                        case "--keepalive-misses" -> b.keepaliveMisses(integer(name, v));
                        case "--jitter" -> b.jitter(decimal(name, v));
                        case "--channels" -> b.channels(integer(name, v));
                        case "--items-per-message" -> b.itemsPerMessage(integer(name, v));
                        case "--presets" -> b.presets(integer(name, v));
                        case "--record-minutes" -> b.recordMinutes(integer(name, v));
                        case "--alarm-interval" -> b.alarmSeconds(integer(name, v));
                        case "--position-interval" -> b.positionSeconds(integer(name, v));
                        case "--transport" -> b.transport(SipTransport.valueOf(v.toUpperCase(Locale.ROOT)));
                        case "--local-host" -> b.localHost(v);
                        case "--sockets" -> b.sockets(integer(name, v));
                        case "--io-threads" -> b.ioThreads(integer(name, v));
                        case "--device-threads" -> b.deviceThreads(integer(name, v));
                        case "--t1" -> b.t1Ms(integer(name, v));
                        case "--duration" -> duration = integer(name, v);
                        case "--hold" -> hold = integer(name, v);
                        case "--status-interval" -> status = integer(name, v);
                        case "--answer-delay" -> faults = faults.withAnswerDelayMs(integer(name, v));
                        case "--drop-rate" -> faults = faults.withDropRate(decimal(name, v));
                        case "--malformed-rate" -> faults = faults.withMalformedRate(decimal(name, v));
                        case "--fresh-sn-rate" -> faults = faults.withFreshSnRate(decimal(name, v));
                        case "--quirks" -> faults = faults.withQuirks(quirks(v));
                        case "--stream" -> media = media.withFile(Path.of(v));
                        case "--fps" -> media = media.withFps(integer(name, v));
                        case "--media-threads" -> media = media.withThreads(integer(name, v));
                        case "--invite-delay" -> faults = faults.withInviteAnswerDelayMs(integer(name, v));
                        case "--packet-loss" -> faults = faults.withPacketLossRate(decimal(name, v));
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                }
            }
        }
        if (duration < 0 || status < 1 || hold < -1) {
            throw new IllegalArgumentException("--duration and --hold must be >= 0 and --status-interval >= 1");
        }
        SimulatorConfig config = b.idPlan(new DeviceIdPlan(prefix, firstSerial)).faults(faults).media(media).build();
        return new SimulatorCommandLine(config, duration, status, hold, unregister, steady);
    }

    private static Set<VendorQuirk> quirks(String list) {
        Set<VendorQuirk> out = EnumSet.noneOf(VendorQuirk.class);
        for (String q : list.split(",")) {
            switch (q.trim().toLowerCase(Locale.ROOT)) {
                case "content-length-zero" -> out.add(VendorQuirk.CONTENT_LENGTH_ZERO_WITH_BODY);
                case "contact-without-port" -> out.add(VendorQuirk.CONTACT_WITHOUT_PORT);
                case "" -> {
                }
                default -> throw new IllegalArgumentException("unknown quirk '" + q + "'");
            }
        }
        return out;
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + v + "'");
        }
    }

    private static double decimal(String name, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + v + "'");
        }
    }
}
