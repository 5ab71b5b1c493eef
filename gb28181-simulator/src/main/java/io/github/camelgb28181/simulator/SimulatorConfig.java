package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;

import java.util.Objects;

/**
 * Settings of one {@link Simulator}. Immutable; build with {@link #builder()} or from a command line with
 * {@link SimulatorCommandLine}.
 *
 * @param serverHost          the platform's address
 * @param serverPort          the platform's SIP port
 * @param serverId            the platform's 20-digit SIP ID (user part of the REGISTER Request-URI)
 * @param domain              the SIP domain (10 digits), also the digest realm devices expect
 * @param password            the device password for digest authentication
 * @param idPlan              how device and channel IDs are made
 * @param devices             how many devices
 * @param registrationsPerSecond  how fast devices start (a paced start, like a power cut coming back); 0 = all at once
 * @param expiresSeconds      the registration lifetime devices ask for; they refresh at about 80 % of it
 * @param keepaliveSeconds    keep-alive interval (GB/T 28181-2016 §9.6, 60 s by default); 0 disables keep-alives
 * @param keepaliveMisses     unanswered keep-alives after which a device registers again (GB default 3)
 * @param jitter              spread of every periodic timer, as a fraction of its period (0.1 = ±10 %)
 * @param channels            channels per device, reported in the catalog
 * @param itemsPerMessage     catalog/record items per MESSAGE: real NVRs split large answers over many MESSAGEs
 * @param recordMinutes       length of each generated record file in a RecordInfo answer
 * @param presets             presets each device reports to PresetQuery
 * @param alarmSeconds        interval of alarm reports per device; 0 disables
 * @param positionSeconds     interval of mobile-position reports per device; 0 disables
 * @param transport           UDP or TCP signalling
 * @param localHost           the address the simulator's sockets bind to and put in Via/Contact
 * @param sockets             SIP stacks (sockets) the devices share; device i uses socket i mod sockets
 * @param ioThreads           Netty I/O threads per socket
 * @param deviceThreads       event-loop threads that run the devices' timers and state machines
 * @param t1Ms                RFC 3261 T1 of the simulator's client transactions
 * @param faults              fault injection at start (can be changed while running)
 * @param media               what the devices stream when INVITEd
 */
public record SimulatorConfig(
        String serverHost,
        int serverPort,
        String serverId,
        String domain,
        String password,
        DeviceIdPlan idPlan,
        int devices,
        double registrationsPerSecond,
        int expiresSeconds,
        int keepaliveSeconds,
        int keepaliveMisses,
        double jitter,
        int channels,
        int itemsPerMessage,
        int recordMinutes,
        int presets,
        int alarmSeconds,
        int positionSeconds,
        SipTransport transport,
        String localHost,
        int sockets,
        int ioThreads,
        int deviceThreads,
        long t1Ms,
        FaultProfile faults,
        MediaSettings media) {

    public SimulatorConfig {
        Objects.requireNonNull(serverHost, "serverHost");
        Objects.requireNonNull(idPlan, "idPlan");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(media, "media");
        requireRange("server port", serverPort, 1, 65535);
        requireRange("devices", devices, 1, idPlan.capacity());
        requireRange("channels", channels, 0, 100_000);
        if ((long) devices * channels > DeviceIdPlan.CHANNEL_SERIALS) {
            throw new IllegalArgumentException(devices + " devices × " + channels + " channels exceed the "
                    + DeviceIdPlan.CHANNEL_SERIALS + " channel IDs of one plan");
        }
        requireRange("expires", expiresSeconds, 1, 86_400 * 7);
        requireRange("keep-alive interval", keepaliveSeconds, 0, 86_400);
        requireRange("keep-alive misses", keepaliveMisses, 1, 100);
        requireRange("items per message", itemsPerMessage, 1, 1000);
        requireRange("record minutes", recordMinutes, 1, 24 * 60);
        requireRange("presets", presets, 0, 255);
        requireRange("alarm interval", alarmSeconds, 0, 86_400);
        requireRange("position interval", positionSeconds, 0, 86_400);
        requireRange("sockets", sockets, 1, 256);
        requireRange("I/O threads", ioThreads, 1, 64);
        requireRange("device threads", deviceThreads, 1, 256);
        if (registrationsPerSecond < 0 || Double.isNaN(registrationsPerSecond)) {
            throw new IllegalArgumentException("registration rate must be 0 (unlimited) or positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (t1Ms <= 0) {
            throw new IllegalArgumentException("T1 must be positive");
        }
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** Where the devices register first. */
    public SipPeer server() {
        return SipPeer.of(transport, serverHost, serverPort);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().serverHost(serverHost).serverPort(serverPort).serverId(serverId).domain(domain)
                .password(password).idPlan(idPlan).devices(devices).registrationsPerSecond(registrationsPerSecond)
                .expiresSeconds(expiresSeconds).keepaliveSeconds(keepaliveSeconds).keepaliveMisses(keepaliveMisses)
                .jitter(jitter).channels(channels).itemsPerMessage(itemsPerMessage).recordMinutes(recordMinutes)
                .presets(presets).alarmSeconds(alarmSeconds).positionSeconds(positionSeconds).transport(transport)
                .localHost(localHost).sockets(sockets).ioThreads(ioThreads).deviceThreads(deviceThreads).t1Ms(t1Ms)
                .faults(faults).media(media);
    }

    /** Defaults follow GB/T 28181 (60 s keep-alive, 3 misses, 3600 s registration) and the usual test platform. */
    public static final class Builder {
        private String serverHost = "127.0.0.1";
        private int serverPort = 5060;
        private String serverId = "34020000002000000001";
        private String domain = "3402000000";
        private String password = "12345678";
        private DeviceIdPlan idPlan = DeviceIdPlan.DEFAULT;
        private int devices = 1;
        private double registrationsPerSecond = 500;
        private int expiresSeconds = 3600;
        private int keepaliveSeconds = 60;
        private int keepaliveMisses = 3;
        private double jitter = 0.1;
        private int channels = 4;
        private int itemsPerMessage = 4;
        private int recordMinutes = 30;
        private int presets = 3;
        private int alarmSeconds;
        private int positionSeconds;
        private SipTransport transport = SipTransport.UDP;
        private String localHost = "127.0.0.1";
        private int sockets = 2;
        private int ioThreads = 1;
        private int deviceThreads = 2;
        private long t1Ms = 500;
        private FaultProfile faults = FaultProfile.NONE;
        private MediaSettings media = MediaSettings.DEFAULT;

        public Builder serverHost(String v) {
            serverHost = v;
            return this;
        }

        public Builder serverPort(int v) {
            serverPort = v;
            return this;
        }

        public Builder serverId(String v) {
            serverId = v;
            return this;
        }

        public Builder domain(String v) {
            domain = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder idPlan(DeviceIdPlan v) {
            idPlan = v;
            return this;
        }

        public Builder devices(int v) {
            devices = v;
            return this;
        }

        public Builder registrationsPerSecond(double v) {
            registrationsPerSecond = v;
            return this;
        }

        public Builder expiresSeconds(int v) {
            expiresSeconds = v;
            return this;
        }

        public Builder keepaliveSeconds(int v) {
            keepaliveSeconds = v;
            return this;
        }

        public Builder keepaliveMisses(int v) {
            keepaliveMisses = v;
            return this;
        }

        public Builder jitter(double v) {
            jitter = v;
            return this;
        }

        public Builder channels(int v) {
            channels = v;
            return this;
        }

        public Builder itemsPerMessage(int v) {
            itemsPerMessage = v;
            return this;
        }

        public Builder recordMinutes(int v) {
            recordMinutes = v;
            return this;
        }

        public Builder presets(int v) {
            presets = v;
            return this;
        }

        public Builder alarmSeconds(int v) {
            alarmSeconds = v;
            return this;
        }

        public Builder positionSeconds(int v) {
            positionSeconds = v;
            return this;
        }

        public Builder transport(SipTransport v) {
            transport = v;
            return this;
        }

        public Builder localHost(String v) {
            localHost = v;
            return this;
        }

        public Builder sockets(int v) {
            sockets = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder deviceThreads(int v) {
            deviceThreads = v;
            return this;
        }

        public Builder t1Ms(long v) {
            t1Ms = v;
            return this;
        }

        public Builder faults(FaultProfile v) {
            faults = v;
            return this;
        }

        public Builder media(MediaSettings v) {
            media = v;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(serverHost, serverPort, serverId, domain, password, idPlan, devices,
                    registrationsPerSecond, expiresSeconds, keepaliveSeconds, keepaliveMisses, jitter, channels,
                    itemsPerMessage, recordMinutes, presets, alarmSeconds, positionSeconds, transport, localHost,
                    sockets, ioThreads, deviceThreads, t1Ms, faults, media);
        }
    }
}
