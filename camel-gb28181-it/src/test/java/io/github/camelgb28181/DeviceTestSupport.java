package io.github.camelgb28181;

import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/**
 * The component's tests with devices: each device is the simulator's {@link ScriptedDevice} on its own SIP stack,
 * registering at the server under test over real loopback sockets; closed after each test, before the server stops.
 */
public abstract class DeviceTestSupport extends Gb28181TestSupport {

    /** The picture size of the simulator's built-in clip, which cameras stream unless a test sets another. */
    protected static final int CLIP_WIDTH = 320;
    protected static final int CLIP_HEIGHT = 180;

    private final List<ScriptedDevice> devices = new ArrayList<>();

    protected ScriptedDevice device(String id, SipTransport transport, CamelContext server) throws Exception {
        return device(id, transport, server, PASSWORD);
    }

    protected ScriptedDevice device(String id, SipTransport transport, CamelContext server, String password)
            throws Exception {
        ScriptedDevice d = new ScriptedDevice(id, DOMAIN, password, transport,
                SipPeer.of(transport, "127.0.0.1", sipPort(server)), SERVER_ID);
        devices.add(d);
        return d;
    }

    /** JUnit runs this before the superclass's {@code @AfterEach}, which stops the servers. */
    @AfterEach
    void closeDevices() {
        devices.forEach(ScriptedDevice::close);
        devices.clear();
    }
}
