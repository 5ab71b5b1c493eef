package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpParser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** What all simulated devices of one simulator share: settings, counters, body writer, sockets and media. */
final class DeviceContext {

    final SimulatorConfig config;
    final SimulatorStats stats;
    final ManscdpBodies bodies;
    final ManscdpParser parser = new ManscdpParser();
    final DeviceSockets sockets;
    final MediaResponder media;
    final List<Simulator.MessageListener> messageListeners = new CopyOnWriteArrayList<>();
    private final Supplier<FaultProfile> faults;

    DeviceContext(SimulatorConfig config, SimulatorStats stats, DeviceSockets sockets, MediaResponder media,
                  Supplier<FaultProfile> faults) {
        this.config = config;
        this.stats = stats;
        this.bodies = new ManscdpBodies(config);
        this.sockets = sockets;
        this.media = media;
        this.faults = faults;
    }

    FaultProfile faults() {
        return faults.get();
    }
}
