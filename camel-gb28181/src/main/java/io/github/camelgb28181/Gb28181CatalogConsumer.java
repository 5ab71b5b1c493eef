package io.github.camelgb28181;

import io.github.camelgb28181.device.CatalogChange;
import io.github.camelgb28181.device.DeviceCatalog;
import io.github.camelgb28181.platform.CatalogListener;
import io.github.camelgb28181.platform.Gb28181Platform;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * gb28181:catalog: a device's whole catalog once all its messages arrived (body {@link DeviceCatalog}, event
 * {@code FULL}), and each change a catalog NOTIFY reports (body the channel, event ADD/DEL/UPDATE/ON/OFF/VLOST/DEFECT).
 * Both are delivered after the channel registry was updated.
 */
final class Gb28181CatalogConsumer extends Gb28181Consumer implements CatalogListener {

    static final String FULL = "FULL";

    Gb28181CatalogConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        platform.addCatalogListener(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.removeCatalogListener(this);
    }

    @Override
    public void onCatalog(DeviceCatalog catalog) {
        if (!matchesDevice(catalog.deviceId())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(catalog);
        in.setHeader(Gb28181Constants.DEVICE_ID, catalog.deviceId());
        in.setHeader(Gb28181Constants.CATALOG_EVENT, FULL);
        in.setHeader(Gb28181Constants.COMPLETE, catalog.complete());
        in.setHeader(Gb28181Constants.SUM_NUM, catalog.sumNum());
        dispatch(exchange);
    }

    @Override
    public void onCatalogChange(CatalogChange change) {
        if (!matchesDevice(change.deviceId())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(change.channel());
        in.setHeader(Gb28181Constants.DEVICE_ID, change.deviceId());
        in.setHeader(Gb28181Constants.CHANNEL_ID, change.channel().channelId());
        in.setHeader(Gb28181Constants.CATALOG_EVENT, change.event());
        dispatch(exchange);
    }
}
