package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceEvent;
import io.github.camelgb28181.device.DeviceRegistry;
import io.github.camelgb28181.manscdp.command.ManscdpCommand;
import io.github.camelgb28181.manscdp.command.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the platform's picture of each device current without a route asking: when a device comes online it is asked
 * for its DeviceInfo, its keep-alive settings (ConfigDownload BasicParam) and its Catalog, in that order (the catalog
 * query is the expensive one and some devices answer it only once they have been identified); status changes and a
 * periodic timer ask for the catalog again. What the answers say is stored by the platform, as for any query.
 *
 * <p>At most one catalog query per device is in flight; triggers that arrive meanwhile are folded into it.
 */
final class DeviceSync {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSync.class);

    /** Sends a query and completes with its (stored) answer. */
    @FunctionalInterface
    interface Asker {
        CompletableFuture<QueryResult> ask(String deviceId, ManscdpCommand command, long firstTimeoutMs,
                                           long gapTimeoutMs);
    }

    private final DeviceSyncConfig config;
    private final DeviceRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Asker asker;
    private final Map<String, CompletableFuture<QueryResult>> catalogInFlight = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pendingRefresh = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> periodic;

    DeviceSync(DeviceSyncConfig config, DeviceRegistry registry, ScheduledExecutorService scheduler, Asker asker) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        this.asker = asker;
    }

    void start() {
        if (config.catalogRefreshMs() > 0) {
            long every = Math.max(1000, config.catalogRefreshMs() / 10);
            periodic = scheduler.scheduleWithFixedDelay(this::refreshStale, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        ScheduledFuture<?> p = periodic;
        if (p != null) {
            p.cancel(false);
            periodic = null;
        }
        pendingRefresh.values().forEach(f -> f.cancel(false));
        pendingRefresh.clear();
    }

    void onDeviceEvent(DeviceEvent event) {
        if (event.type() == DeviceEvent.Type.ONLINE) {
            onOnline(event.deviceId());
        } else if (event.type() == DeviceEvent.Type.OFFLINE || event.type() == DeviceEvent.Type.UNREGISTERED) {
            ScheduledFuture<?> f = pendingRefresh.remove(event.deviceId());
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private void onOnline(String deviceId) {
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        if (config.deviceInfo()) {
            chain = chain.thenCompose(x -> quietly(deviceId, Queries.deviceInfo(), config.responseTimeoutMs(), 0));
        }
        if (config.configDownload()) {
            chain = chain.thenCompose(x -> quietly(deviceId, Queries.ConfigDownload.of(Queries.BASIC_PARAM),
                    config.responseTimeoutMs(), config.gapTimeoutMs()));
        }
        if (config.catalog()) {
            chain.thenRun(() -> refreshCatalog(deviceId));
        }
    }

    /** A step of the online sequence: its failure is logged and the sequence goes on. */
    private CompletableFuture<Object> quietly(String deviceId, ManscdpCommand command, long first, long gap) {
        return asker.ask(deviceId, command, first, gap).handle((r, e) -> {
            if (e != null) {
                LOG.debug("device {} did not answer {}: {}", deviceId, command.commandName(), e.toString());
            }
            return null;
        });
    }

    /** Asks for the device's catalog now, unless a catalog query to it is already running. */
    CompletableFuture<QueryResult> refreshCatalog(String deviceId) {
        Device d = registry.get(deviceId);
        if (d == null || !d.online()) {
            return CompletableFuture.failedFuture(new DeviceOfflineException(deviceId, "device " + deviceId
                    + " is not online"));
        }
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> running = catalogInFlight.putIfAbsent(deviceId, mine);
        if (running != null) {
            return running;
        }
        asker.ask(deviceId, Queries.catalog(), config.catalogFirstTimeoutMs(), config.gapTimeoutMs())
                .whenComplete((r, e) -> {
                    catalogInFlight.remove(deviceId, mine);
                    if (e != null) {
                        LOG.debug("catalog of {} not refreshed: {}", deviceId, e.toString());
                        mine.completeExceptionally(e);
                    } else {
                        mine.complete(r);
                    }
                });
        return mine;
    }

    /** A channel status changed: ask for the catalog after the debounce time, once per burst. */
    void onStatusChange(String deviceId) {
        if (!config.catalog() || !config.catalogOnChange()) {
            return;
        }
        pendingRefresh.computeIfAbsent(deviceId, id -> scheduler.schedule(() -> {
            pendingRefresh.remove(id);
            refreshCatalog(id);
        }, config.changeDebounceMs(), TimeUnit.MILLISECONDS));
    }

    private void refreshStale() {
        try {
            Instant now = Instant.now();
            Duration age = Duration.ofMillis(config.catalogRefreshMs());
            for (Device d : registry.all()) {
                // a device whose first catalog never arrived counts from its registration, so it is retried too
                Instant at = d.details().catalogAt() != null ? d.details().catalogAt() : d.registeredAt();
                if (d.online() && at != null && at.plus(age).isBefore(now)) {
                    refreshCatalog(d.deviceId());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("periodic catalog refresh failed", e);
        }
    }
}
