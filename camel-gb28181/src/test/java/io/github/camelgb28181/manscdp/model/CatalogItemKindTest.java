package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Item kinds from IDs, the type mapping and the lenient value conversions of the model. */
class CatalogItemKindTest {

    @Test
    void civilCodes() {
        for (String id : new String[] { "34", "3402", "340200", "34020000", " 3402 " }) {
            assertEquals(CatalogItemKind.CIVIL_CODE, CatalogItemKind.of(id), id);
        }
    }

    @Test
    void twentyDigitTypes() {
        assertEquals(CatalogItemKind.PLATFORM, CatalogItemKind.of("34020000002000000001"));
        assertEquals(CatalogItemKind.BUSINESS_GROUP, CatalogItemKind.of("34020000002150000001"));
        assertEquals(CatalogItemKind.VIRTUAL_ORGANISATION, CatalogItemKind.of("34020000002160000001"));
        assertEquals(CatalogItemKind.CAMERA, CatalogItemKind.of("34020000001310000001"));
        assertEquals(CatalogItemKind.CAMERA, CatalogItemKind.of("34020000001320000001"));
        assertEquals(CatalogItemKind.DEVICE, CatalogItemKind.of("34020000001110000001"));
        assertEquals(CatalogItemKind.DEVICE, CatalogItemKind.of("34020000001180000001"));
        assertEquals(CatalogItemKind.DEVICE, CatalogItemKind.of("34020000001300000001"));
        assertEquals(CatalogItemKind.PERIPHERAL, CatalogItemKind.of("34020000001340000001"));
        assertEquals(CatalogItemKind.PERIPHERAL, CatalogItemKind.of("34020000001990000001"));
        assertEquals(CatalogItemKind.OTHER, CatalogItemKind.of("34020000002010000001"));
        assertEquals(CatalogItemKind.OTHER, CatalogItemKind.of("34020000001100000001"));
        assertEquals(CatalogItemKind.OTHER, CatalogItemKind.of("34020000003000000001"));
        assertEquals(131, CatalogItemKind.typeCode("34020000001310000001"));
        assertEquals(-1, CatalogItemKind.typeCode("3402"));
    }

    @Test
    void otherIds() {
        for (String id : new String[] { null, "", "  ", "340200000", "3402000000", "3402000000131000000",
                "340200000013100000011", "3402000000131000000A", "abc", "-1" }) {
            assertEquals(CatalogItemKind.OTHER, CatalogItemKind.of(id), String.valueOf(id));
        }
    }

    @Test
    void typeMapping() {
        assertSame(CatalogResponse.class, Envelopes.typeFor("Response", "Catalog"));
        assertSame(CatalogResponse.class, Envelopes.typeFor("RESPONSE", " catalog "));
        assertSame(CatalogNotify.class, Envelopes.typeFor("Notify", "Catalog"));
        assertSame(DeviceInfoResponse.class, Envelopes.typeFor("Response", "DeviceInfo"));
        assertSame(DeviceStatusResponse.class, Envelopes.typeFor("Response", "DeviceStatus"));
        assertSame(RecordInfoResponse.class, Envelopes.typeFor("Response", "RecordInfo"));
        assertSame(PresetQueryResponse.class, Envelopes.typeFor("Response", "PresetQuery"));
        assertSame(ConfigDownloadResponse.class, Envelopes.typeFor("Response", "ConfigDownload"));
        assertSame(ResultResponse.class, Envelopes.typeFor("Response", "DeviceControl"));
        assertSame(ResultResponse.class, Envelopes.typeFor("Response", null));
        assertSame(AlarmNotify.class, Envelopes.typeFor("Notify", "Alarm"));
        assertSame(MobilePositionNotify.class, Envelopes.typeFor("Notify", "MobilePosition"));
        assertSame(MediaStatusNotify.class, Envelopes.typeFor("Notify", "MediaStatus"));
        assertSame(KeepaliveNotify.class, Envelopes.typeFor("Notify", "Keepalive"));
        assertSame(GenericMessage.class, Envelopes.typeFor("Notify", "Broadcast"));
        assertSame(GenericMessage.class, Envelopes.typeFor("Query", "Catalog"));
        assertSame(GenericMessage.class, Envelopes.typeFor(null, null));
    }

    @Test
    void lenientValues() {
        assertEquals(5, Values.toInteger(" 5 "));
        assertEquals(5, Values.toInteger("5.0"));
        assertNull(Values.toInteger("5.5"));
        assertNull(Values.toInteger("five"));
        assertNull(Values.toInteger(""));
        assertNull(Values.toInteger(null));
        assertNull(Values.toInteger("1e300"));
        assertEquals(120.5, Values.toDouble("120.5"));
        assertNull(Values.toDouble("NaN"));
        assertNull(Values.toDouble("Infinity"));
        assertNull(Values.toDouble("0x1p3"));
        assertNull(Values.toDouble("1d"));
        assertEquals(3_000_000_000L, Values.toLong("3000000000"));
        assertNull(Values.toLong("3e9"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0, 1), Values.toDateTime("2024-05-01T08:00:01"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0, 1), Values.toDateTime("2024-05-01 08:00:01"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0, 1, 500_000_000), Values.toDateTime("2024-05-01T08:00:01.5"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0, 1), Values.toDateTime("2024-05-01T08:00:01+08:00"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0), Values.toDateTime("2024-05-01T08:00"));
        assertNull(Values.toDateTime("2024-13-01T08:00:01"));
        assertNull(Values.toDateTime("yesterday"));
        assertNull(Values.toDateTime(null));
    }

    @Test
    void listsDropNullsAndAreNeverNull() {
        assertEquals(List.of(), Values.list(null));
        List<String> withNull = new ArrayList<>(Arrays.asList("a", null, "b"));
        assertEquals(List.of("a", "b"), Values.list(withNull));
        assertEquals(List.of(), ItemList.empty().getItems());
        assertNull(ItemList.empty().getNum());
    }
}
