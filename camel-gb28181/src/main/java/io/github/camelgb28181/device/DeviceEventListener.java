package io.github.camelgb28181.device;

/** Receives device events. Called on a worker thread, never on an event loop; must not throw. */
@FunctionalInterface
public interface DeviceEventListener {

    void onEvent(DeviceEvent event);
}
