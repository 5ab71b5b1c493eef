package io.github.camelgb28181.media.port;

/**
 * No port of the range can be handed out: every port is leased, still quarantined after its last stream, or bound by
 * another program. The counts say which, so that an operator knows whether to widen the range or wait.
 */
public final class PortPoolExhaustedException extends Exception {

    private final int leased;
    private final int quarantined;
    private final int busyElsewhere;

    public PortPoolExhaustedException(int leased, int quarantined, int busyElsewhere) {
        super("no media port free: " + leased + " leased, " + quarantined + " quarantined, " + busyElsewhere
                + " bound by other programs");
        this.leased = leased;
        this.quarantined = quarantined;
        this.busyElsewhere = busyElsewhere;
    }

    public int leased() {
        return leased;
    }

    public int quarantined() {
        return quarantined;
    }

    public int busyElsewhere() {
        return busyElsewhere;
    }
}
