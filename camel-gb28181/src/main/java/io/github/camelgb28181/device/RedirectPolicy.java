package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.SipPeer;

/**
 * Chooses the server a registering device should use (GB/T 28181-2022 §9.1.2.3 registration redirect). Asked only
 * after the device has authenticated, so an unauthenticated client learns nothing about the cluster.
 */
@FunctionalInterface
public interface RedirectPolicy {

    /** A policy that keeps every device on this node. */
    RedirectPolicy NONE = (deviceId, source) -> RedirectTarget.LOCAL;

    /** The target for this device; {@link RedirectTarget#LOCAL} to register it here. */
    RedirectTarget select(String deviceId, SipPeer source);
}
