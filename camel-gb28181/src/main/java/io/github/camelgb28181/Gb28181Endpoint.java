package io.github.camelgb28181;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Turn Camel into a GB/T 28181 video surveillance platform: devices register over SIP, their events become
 * exchanges, and routes query and command them.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:type",
             category = { Category.IOT, Category.NETWORKING }, headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint {

    @UriPath(enums = "register,status,keepalive,message,registerDecision,passwordLookup,devices")
    @Metadata(required = true)
    private Gb28181Type type;
    @UriParam(label = "consumer")
    private String deviceId;
    @UriParam(label = "consumer")
    private String cmdType;

    public Gb28181Endpoint(String uri, Gb28181Component component) {
        super(uri, component);
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (type != Gb28181Type.devices) {
            throw new IllegalArgumentException("gb28181:" + type + " is a consumer endpoint; producers: devices");
        }
        return new Gb28181DevicesProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (type) {
            case register, status, keepalive -> new Gb28181DeviceEventConsumer(this, processor);
            case message -> new Gb28181MessageConsumer(this, processor);
            case registerDecision -> new Gb28181RegisterDecisionConsumer(this, processor);
            case passwordLookup -> new Gb28181PasswordLookupConsumer(this, processor);
            case devices -> throw new IllegalArgumentException("gb28181:devices is a producer endpoint");
        };
        configureConsumer(consumer);
        return consumer;
    }

    public Gb28181Type getType() {
        return type;
    }

    /**
     * What the endpoint does. Consumers: register (registered, refreshed, unregistered, redirected, rejected),
     * status (online, offline), keepalive, message (every MANSCDP message), registerDecision (decide about a
     * REGISTER), passwordLookup (per-device passwords). Producer: devices (the registry).
     */
    public void setType(Gb28181Type type) {
        this.type = type;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** Only events of this device (consumers). */
    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getCmdType() {
        return cmdType;
    }

    /** Only MANSCDP messages with this CmdType, e.g. Keepalive or Alarm (message consumer); comma-separated list. */
    public void setCmdType(String cmdType) {
        this.cmdType = cmdType;
    }
}
