package io.github.camelgb28181.device;

import java.util.concurrent.CompletionStage;

/**
 * Finds the registration password of a device (per-device passwords). Completing with {@code null} means "no
 * specific password": the global password applies, or no authentication when there is none.
 */
@FunctionalInterface
public interface PasswordLookup {

    CompletionStage<String> passwordFor(String deviceId);
}
