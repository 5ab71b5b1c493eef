package io.github.camelgb28181.manscdp.model;

import io.github.camelgb28181.util.Ascii;

/**
 * What a catalog item stands for, derived from its ID (GB/T 28181 Annex D; SPEC §4): an ID of at most 8 digits is an
 * administrative region (civil code); a 20-digit ID carries its type in digits 11–13.
 */
public enum CatalogItemKind {
    /** Civil-code region: an ID of 1–8 digits. */
    CIVIL_CODE,
    /** Type 200: a (lower-level) platform / central signalling server. */
    PLATFORM,
    /** Type 215: business group. */
    BUSINESS_GROUP,
    /** Type 216: virtual organisation. */
    VIRTUAL_ORGANISATION,
    /** Types 131 and 132: camera, IP camera. */
    CAMERA,
    /** Types 111–130: front-end main devices (DVR 111, NVR 118, encoders, ...). */
    DEVICE,
    /** Types 133–199 other than cameras: front-end peripherals (alarm inputs/outputs, audio, ...). */
    PERIPHERAL,
    /** Anything else: other 20-digit types, IDs of other lengths or with non-digits, no ID. */
    OTHER;

    /** The kind of the item with this ID. */
    public static CatalogItemKind of(String deviceId) {
        if (deviceId == null) {
            return OTHER;
        }
        String id = deviceId.trim();
        if (id.isEmpty() || !Ascii.isDigits(id)) {
            return OTHER;
        }
        if (id.length() <= 8) {
            return CIVIL_CODE;
        }
        if (id.length() != 20) {
            return OTHER;
        }
        int type = Integer.parseInt(id.substring(10, 13));
        if (type == 200) {
            return PLATFORM;
        }
        if (type == 215) {
            return BUSINESS_GROUP;
        }
        if (type == 216) {
            return VIRTUAL_ORGANISATION;
        }
        if (type == 131 || type == 132) {
            return CAMERA;
        }
        if (type >= 111 && type <= 130) {
            return DEVICE;
        }
        if (type >= 133 && type <= 199) {
            return PERIPHERAL;
        }
        return OTHER;
    }

    /** The 3-digit type code of a 20-digit ID (digits 11–13), or -1. */
    public static int typeCode(String deviceId) {
        if (deviceId == null) {
            return -1;
        }
        String id = deviceId.trim();
        return id.length() == 20 && Ascii.isDigits(id) ? Integer.parseInt(id.substring(10, 13)) : -1;
    }

}
