package io.github.camelgb28181.manscdp.model;

/** {@code Response}/{@code Catalog}: one part of a device's catalog (large catalogs come in many messages). */
public final class CatalogResponse extends CatalogMessage {

    private CatalogResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }
}
