package io.github.camelgb28181.manscdp.model;

/** {@code Notify}/{@code Catalog}: catalog changes of a subscription; each item has an {@code Event}. */
public final class CatalogNotify extends CatalogMessage {

    private CatalogNotify() {
    }

    @Override
    protected String defaultRoot() {
        return "Notify";
    }
}
