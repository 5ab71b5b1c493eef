package io.github.camelgb28181.simulator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceIdPlanTest {

    private final DeviceIdPlan plan = new DeviceIdPlan("34020000001320", 1);

    @Test
    void deviceIdsArePrefixAndZeroPaddedSerial() {
        assertEquals("34020000001320000001", plan.deviceId(0));
        assertEquals("34020000001320100000", plan.deviceId(99_999));
        assertEquals(999_999, plan.capacity());
        assertEquals(99_999, plan.deviceIndex("34020000001320100000"));
    }

    @Test
    void foreignOrMalformedIdsHaveNoIndex() {
        assertEquals(-1, plan.deviceIndex("34020000001310000001")); // another prefix
        assertEquals(-1, plan.deviceIndex("3402000000132000000"));  // 19 digits
        assertEquals(-1, plan.deviceIndex("3402000000132000000x"));
        assertEquals(-1, plan.deviceIndex("34020000001320000000")); // serial 0 is before the first
        assertEquals(-1, plan.deviceIndex(null));
    }

    @Test
    void channelIdsLeadBackToTheirDevice() {
        assertEquals("34020000001310000001", plan.channelId(0, 0, 4));
        assertEquals("34020000001310000008", plan.channelId(1, 3, 4));
        assertEquals(1, plan.deviceIndexOfChannel("34020000001310000008", 4));
        assertEquals(2, plan.deviceIndexOfChannel("34020000001310000009", 4));
        assertEquals(-1, plan.deviceIndexOfChannel("34020000001310000000", 4));
        assertEquals(-1, plan.deviceIndexOfChannel("34020000001320000009", 4)); // not a camera type
        assertEquals(-1, plan.deviceIndexOfChannel("34020000001310000009", 0));
        assertEquals(-1, plan.deviceIndexOfChannel("3402000000131000000a", 4));
    }

    @Test
    void invalidPlansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdPlan("", 1));
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdPlan("3402000000132000000001", 1));
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdPlan("34020000001320", 1_000_000));
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdPlan("3402x", 1));
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().idPlan(plan)
                .devices(1_000_000).build());
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().devices(100_000)
                .channels(101).build()); // 10.1 million channel IDs do not fit in 7 digits
    }
}
