package io.github.camelgb28181.platform;

/**
 * What a platform can subscribe to at a device (GB/T 28181-2016 §9.11, -2022 §9.11 / §9.14 for PTZ position). The
 * catalog subscription uses the {@code Catalog} event package, the others {@code presence}, as devices in the field
 * expect.
 */
public enum SubscriptionType {
    CATALOG("Catalog", "Catalog"),
    ALARM("presence", "Alarm"),
    MOBILE_POSITION("presence", "MobilePosition"),
    PTZ_POSITION("presence", "PTZPosition");

    private final String eventPackage;
    private final String cmdType;

    SubscriptionType(String eventPackage, String cmdType) {
        this.eventPackage = eventPackage;
        this.cmdType = cmdType;
    }

    public String eventPackage() {
        return eventPackage;
    }

    /** The CmdType of the Query in the SUBSCRIBE body and of the Notify messages it produces. */
    public String cmdType() {
        return cmdType;
    }
}
