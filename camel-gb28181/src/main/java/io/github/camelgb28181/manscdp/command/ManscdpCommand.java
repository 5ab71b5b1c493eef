package io.github.camelgb28181.manscdp.command;

/**
 * A MANSCDP request the platform sends to a device in a MESSAGE body: a query ({@code <Query>}, GB/T 28181-2016
 * A.2.4) or a control ({@code <Control>}, A.2.3). The body is built for a given SN and target device or channel ID,
 * because both are only known when the message is sent.
 *
 * <p>The body is returned as a String whose XML declaration names the charset the caller will encode it in:
 * {@code GB2312} by default (SPEC §4), or another one through {@link #toXml(int, String, String)}. Characters the
 * named charset cannot encode are written as numeric character references, so they survive any encoding.
 *
 * <p>Implementations in this package are immutable records that validate their values on construction. Other
 * implementations (a vendor-specific command, say) only need the four descriptive methods and
 * {@link #writeFields(ManscdpXmlWriter)}.
 */
public interface ManscdpCommand {

    /** The charset declared unless another is asked for. */
    String DEFAULT_CHARSET = "GB2312";

    /** {@code Query} or {@code Control}, the root element. */
    enum Root {
        QUERY("Query"), CONTROL("Control");

        private final String element;

        Root(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    /**
     * The stable name a route uses to ask for this command (for example in a {@code CamelGb28181Command} header), see
     * {@link ManscdpCommands#create(String, java.util.Map)}. It is not always the CmdType: every control has CmdType
     * {@code DeviceControl}.
     */
    String commandName();

    Root root();

    /** The {@code <CmdType>} of the request. */
    String cmdType();

    /**
     * Whether the device answers with a {@code <Response>} MESSAGE of its own (besides the SIP 200 OK), so the caller
     * knows whether to wait for one. Queries are always answered. Controls: GB/T 28181-2016 §9.3.1 (and the 2022
     * text, which adds the new controls to the same two lists) says the target sends no response for PTZ control,
     * TeleBoot, I-frame, drag zoom (and, 2022, PTZ precise control, SD card format, target track), and sends a
     * response with the result for record control, guard/unguard, alarm reset, home position and device
     * configuration (and, 2022, device upgrade).
     */
    boolean expectsResponse();

    /** The {@code <CmdType>} of the {@code <Response>} that answers this request; same SN. */
    default String responseCmdType() {
        return cmdType();
    }

    /**
     * Writes the elements after {@code <DeviceID>}, in the order of the Annex A examples. Called by
     * {@link #toXml(int, String, String)}; the envelope (declaration, root, CmdType, SN, DeviceID) is written by it.
     */
    void writeFields(ManscdpXmlWriter out);

    /** The body with the default {@code GB2312} declaration. */
    default String toXml(int sn, String deviceId) {
        return toXml(sn, deviceId, DEFAULT_CHARSET);
    }

    /**
     * The complete body.
     *
     * @param sn          the SN to correlate the response by, 0 or more
     * @param deviceId    the device or channel ID the command is for
     * @param charsetName the charset the caller encodes the body in, named in the XML declaration
     * @throws IllegalArgumentException for a negative SN, a blank device ID or an unsupported charset
     */
    default String toXml(int sn, String deviceId, String charsetName) {
        return ManscdpXmlWriter.document(this, sn, deviceId, charsetName);
    }
}
