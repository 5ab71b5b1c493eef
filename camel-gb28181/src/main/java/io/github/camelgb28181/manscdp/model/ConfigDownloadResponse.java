package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code Response}/{@code ConfigDownload}: the configuration blocks asked for. {@code BasicParam} is typed; other
 * blocks ({@code VideoParamOpt}, {@code SVACEncodeConfig}, ...) are in {@link #getExtra()}.
 */
public final class ConfigDownloadResponse extends Envelope {

    @JsonProperty("BasicParam")
    private BasicParam basicParam;

    private ConfigDownloadResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    /** The {@code BasicParam} block, or null when not present. */
    public BasicParam getBasicParam() {
        return basicParam;
    }
}
