package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.CatalogChange;
import io.github.camelgb28181.device.DeviceCatalog;

/** Receives device catalogs after they were stored: whole ones (after a query) and single changes (NOTIFY). */
public interface CatalogListener {

    void onCatalog(DeviceCatalog catalog);

    void onCatalogChange(CatalogChange change);
}
