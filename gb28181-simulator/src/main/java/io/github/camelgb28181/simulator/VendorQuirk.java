package io.github.camelgb28181.simulator;

/** Wire-level habits of real devices (SPEC §5) the simulator can imitate, so a platform's tolerance can be tested. */
public enum VendorQuirk {
    /**
     * MESSAGE bodies sent with {@code Content-Length: 0} (seen on cheap IPCs over UDP). Applies to the device's
     * Response and Notify MESSAGEs over UDP; they leave from a second socket because the SIP engine always writes a
     * correct Content-Length, so their 200 OK is counted, not matched to a transaction.
     */
    CONTENT_LENGTH_ZERO_WITH_BODY,
    /** {@code Contact: <sip:id@host>} without a port in REGISTER: the platform must answer to the packet source. */
    CONTACT_WITHOUT_PORT
}
