package io.github.camelgb28181.manscdp.model;

/**
 * A {@code Response} that only reports a {@code Result} ({@code DeviceControl}, {@code DeviceConfig},
 * {@code Broadcast}, ...) — and any other Response without a typed class, whose elements are in {@link #getExtra()}.
 */
public final class ResultResponse extends Envelope {

    private ResultResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    /** Whether the {@code Result} is {@code OK}. */
    public boolean isOk() {
        return isResultOk();
    }

    /** Whether the {@code Result} is {@code ERROR}. */
    public boolean isError() {
        return "ERROR".equalsIgnoreCase(getResult());
    }
}
