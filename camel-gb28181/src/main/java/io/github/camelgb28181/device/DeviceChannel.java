package io.github.camelgb28181.device;

import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.CatalogItemKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One catalog entry of a device as the platform keeps it: a camera channel, an alarm input, or a civil-code region,
 * business group or virtual organisation ({@link #kind()}) that arranges the channels in a tree via
 * {@link #parentId()}. Immutable; replaced as a whole when the device reports a change.
 *
 * @param deviceId     the device whose catalog lists it
 * @param channelId    its 20-digit ID (for a civil-code item, the 2–8 digit code)
 * @param kind         what it is, from the type digits of the ID (GB/T 28181-2016 Annex D)
 * @param name         its name, or null
 * @param manufacturer the manufacturer, or null
 * @param model        the model, or null
 * @param owner        the owner, or null
 * @param civilCode    its civil code (administrative region), or null
 * @param address      the installation address, or null
 * @param parental     whether it has children
 * @param parentId     the parent ID as written (a device, region, group or a path {@code a/b}), or null
 * @param businessGroupId the business group of a virtual organisation, or null
 * @param online       whether {@code Status} said ON (or the last ON/OFF/VLOST/DEFECT event)
 * @param status       the status as written ({@code ON}, {@code OFF}, or the last event, e.g. {@code VLOST})
 * @param ipAddress    its IP address, or null
 * @param port         its port, or null
 * @param longitude    the longitude, or null
 * @param latitude     the latitude, or null
 * @param ptzType      {@code Info/PTZType}: 1 dome, 2 half-dome, 3 fixed, 4 remote-controlled; null when unknown
 * @param updatedAt    when this entry was last stored
 */
public record DeviceChannel(String deviceId, String channelId, CatalogItemKind kind, String name, String manufacturer,
                            String model, String owner, String civilCode, String address, boolean parental,
                            String parentId, String businessGroupId, boolean online, String status, String ipAddress,
                            Integer port, Double longitude, Double latitude, Integer ptzType, Instant updatedAt) {

    public DeviceChannel {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
    }

    /** The entry a catalog item (Response or NOTIFY) describes. */
    public static DeviceChannel of(String deviceId, CatalogItem item, Instant at) {
        Integer parental = item.getParental();
        return new DeviceChannel(deviceId, item.getDeviceId(), item.getKind(), item.getName(), item.getManufacturer(),
                item.getModel(), item.getOwner(), item.getCivilCode(), item.getAddress(),
                parental != null && parental == 1, item.getParentId(), item.getBusinessGroupId(), item.isOnline(),
                item.getStatus(), item.getIpAddress(), item.getPort(), item.getLongitude(), item.getLatitude(),
                item.getInfo() == null ? null : item.getInfo().getPtzType(), at);
    }

    /**
     * The entry after a status event of a catalog NOTIFY (GB/T 28181-2016 A.2.5: {@code ON}, {@code OFF},
     * {@code VLOST} video lost, {@code DEFECT} fault): only ON counts as online.
     */
    public DeviceChannel withStatus(String event, Instant at) {
        return new DeviceChannel(deviceId, channelId, kind, name, manufacturer, model, owner, civilCode, address,
                parental, parentId, businessGroupId, "ON".equalsIgnoreCase(event), event, ipAddress, port, longitude,
                latitude, ptzType, at);
    }
}
