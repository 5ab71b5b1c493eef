package io.github.camelgb28181.media.port;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The range and policy of a {@link MediaPortPool}.
 *
 * @param bindAddress where the media sockets will be bound, and where ports are probed; {@code null} for all local
 *                    addresses
 * @param minPort     the lowest port (rounded up to even in {@link PortMode#ONE_PER_STREAM})
 * @param maxPort     the highest port, an RTCP port included
 * @param quarantine  how long a released port stays out of use, so that RTP a device keeps sending after BYE (SPEC §5)
 *                    does not land in the next stream on that port
 */
public record MediaPortPoolConfig(InetAddress bindAddress, int minPort, int maxPort, PortMode mode,
                                  Duration quarantine) {

    /** Long enough for devices that stop sending seconds after BYE, short enough to recycle a busy range. */
    public static final Duration DEFAULT_QUARANTINE = Duration.ofSeconds(30);

    public MediaPortPoolConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(quarantine, "quarantine");
        if (minPort < 1 || maxPort > 65535 || minPort > maxPort) {
            throw new IllegalArgumentException("port range must lie in 1-65535, min <= max: " + minPort + "-" + maxPort);
        }
        if (quarantine.isNegative()) {
            throw new IllegalArgumentException("quarantine must not be negative: " + quarantine);
        }
        if (mode == PortMode.SHARED && minPort != maxPort) {
            throw new IllegalArgumentException("shared mode uses one port, not " + minPort + "-" + maxPort);
        }
        if (mode == PortMode.ONE_PER_STREAM && firstEven(minPort) + 1 > maxPort) {
            throw new IllegalArgumentException("range " + minPort + "-" + maxPort + " holds no even RTP port with its"
                    + " RTCP port");
        }
    }

    /** One port per stream in {@code [minPort, maxPort]}, released ports quarantined for {@code quarantine}. */
    public static MediaPortPoolConfig perStream(InetAddress bindAddress, int minPort, int maxPort,
                                                Duration quarantine) {
        return new MediaPortPoolConfig(bindAddress, minPort, maxPort, PortMode.ONE_PER_STREAM, quarantine);
    }

    /** All streams on {@code port}. */
    public static MediaPortPoolConfig shared(InetAddress bindAddress, int port) {
        return new MediaPortPoolConfig(bindAddress, port, port, PortMode.SHARED, Duration.ZERO);
    }

    static int firstEven(int port) {
        return (port & 1) == 0 ? port : port + 1;
    }
}
