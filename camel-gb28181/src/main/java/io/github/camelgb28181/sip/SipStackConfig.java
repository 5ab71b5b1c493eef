package io.github.camelgb28181.sip;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one {@link SipStack}. Immutable; build with {@link #builder()}.
 *
 * @param listenHost         the address sockets bind to ({@code 0.0.0.0} for all interfaces)
 * @param port               UDP and TCP port; 0 picks a free port (the same number for both transports)
 * @param transports         UDP, TCP or both
 * @param advertisedHost     the address put in Via/Contact and given to devices, for NAT or cloud deployments;
 *                           {@code null} means the listen address (or the loopback address for a wildcard)
 * @param advertisedPort     the port given to devices; 0 means the bound port
 * @param maxMessageSize     limit of one message in bytes
 * @param tcpIdleTimeoutMs   TCP connections that stay silent this long are closed; 0 disables
 * @param t1Ms               RFC 3261 T1 (RTT estimate), 500 ms by default
 * @param t2Ms               RFC 3261 T2 (max non-INVITE retransmit interval), 4 s by default
 * @param useEpoll           use native epoll when available
 * @param ioThreads          event loop threads; 0 means Netty's default
 * @param udpReceiveBuffer   SO_RCVBUF of the UDP socket
 */
public record SipStackConfig(
        String listenHost,
        int port,
        Set<SipTransport> transports,
        String advertisedHost,
        int advertisedPort,
        int maxMessageSize,
        long tcpIdleTimeoutMs,
        long t1Ms,
        long t2Ms,
        boolean useEpoll,
        int ioThreads,
        int udpReceiveBuffer) {

    public SipStackConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("at least one of UDP and TCP must be enabled");
        }
        transports = Set.copyOf(transports);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (t1Ms <= 0 || t2Ms < t1Ms) {
            throw new IllegalArgumentException("timers must satisfy 0 < T1 <= T2");
        }
    }

    /** Timer B/F/H/J: 64 × T1 (RFC 3261 §17). */
    public long transactionTimeoutMs() {
        return 64 * t1Ms;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String listenHost = "0.0.0.0";
        private int port = 5060;
        private Set<SipTransport> transports = EnumSet.allOf(SipTransport.class);
        private String advertisedHost;
        private int advertisedPort;
        private int maxMessageSize = SipMessageParser.DEFAULT_MAX_MESSAGE_SIZE;
        private long tcpIdleTimeoutMs = 300_000;
        private long t1Ms = 500;
        private long t2Ms = 4_000;
        private boolean useEpoll = true;
        private int ioThreads;
        private int udpReceiveBuffer = 4 * 1024 * 1024;

        public Builder listenHost(String v) {
            listenHost = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder transports(Set<SipTransport> v) {
            transports = v;
            return this;
        }

        public Builder advertisedHost(String v) {
            advertisedHost = v;
            return this;
        }

        public Builder advertisedPort(int v) {
            advertisedPort = v;
            return this;
        }

        public Builder maxMessageSize(int v) {
            maxMessageSize = v;
            return this;
        }

        public Builder tcpIdleTimeoutMs(long v) {
            tcpIdleTimeoutMs = v;
            return this;
        }

        public Builder t1Ms(long v) {
            t1Ms = v;
            return this;
        }

        public Builder t2Ms(long v) {
            t2Ms = v;
            return this;
        }

        public Builder useEpoll(boolean v) {
            useEpoll = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder udpReceiveBuffer(int v) {
            udpReceiveBuffer = v;
            return this;
        }

        public SipStackConfig build() {
            return new SipStackConfig(listenHost, port, transports, advertisedHost, advertisedPort, maxMessageSize,
                    tcpIdleTimeoutMs, t1Ms, t2Ms, useEpoll, ioThreads, udpReceiveBuffer);
        }
    }
}
