package io.github.camelgb28181.manscdp.model;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;

/** Which model class a MANSCDP message is read into, and the binding step that also records the root's name. */
public final class Envelopes {

    private Envelopes() {
    }

    /**
     * The class for a root and command (both ignoring case): the typed classes of this package; other Responses are
     * {@link ResultResponse}; everything else is {@link GenericMessage}.
     */
    public static Class<? extends Envelope> typeFor(String root, String cmdType) {
        String r = root == null ? "" : root.toLowerCase(Locale.ROOT);
        String c = cmdType == null ? "" : cmdType.trim().toLowerCase(Locale.ROOT);
        if (r.equals("response")) {
            return switch (c) {
                case "deviceinfo" -> DeviceInfoResponse.class;
                case "devicestatus" -> DeviceStatusResponse.class;
                case "catalog" -> CatalogResponse.class;
                case "recordinfo" -> RecordInfoResponse.class;
                case "presetquery" -> PresetQueryResponse.class;
                case "configdownload" -> ConfigDownloadResponse.class;
                default -> ResultResponse.class;
            };
        }
        if (r.equals("notify")) {
            return switch (c) {
                case "alarm" -> AlarmNotify.class;
                case "mobileposition" -> MobilePositionNotify.class;
                case "mediastatus" -> MediaStatusNotify.class;
                case "catalog" -> CatalogNotify.class;
                case "keepalive" -> KeepaliveNotify.class;
                default -> GenericMessage.class;
            };
        }
        return GenericMessage.class;
    }

    /**
     * Binds a document with the given Jackson reader (which must be configured as {@code ManscdpReader} configures
     * its own) and records the root element's name, which Jackson does not keep.
     */
    public static <T extends Envelope> T read(ObjectReader reader, Class<T> type, String xml, String root)
            throws IOException {
        return rooted(reader.forType(type).readValue(xml), root);
    }

    /** As {@link #read(ObjectReader, Class, String, String)}, from a parser the caller made (and closes). */
    public static <T extends Envelope> T read(ObjectReader reader, Class<T> type, JsonParser parser, String root)
            throws IOException {
        return rooted(reader.forType(type).readValue(parser), root);
    }

    private static <T extends Envelope> T rooted(T value, String root) {
        if (value != null) {
            value.root(root);
        }
        return value;
    }
}
