package io.github.camelgb28181.gateway;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the gateway: a Camel Main application whose routes are the YAML files {@code classpath:routes/*.camel.yaml}
 * (see {@code application.properties}).
 * <p>
 * Every setting of {@code application.properties} can be overridden by an environment variable
 * ({@code CAMEL_COMPONENT_GB28181_PORT=5070}, {@code CAMEL_SERVER_PORT=8081}, {@code GATEWAY_EVENTS_CAPACITY=5000})
 * or by a system property ({@code -Dcamel.server.port=8081}). For {@code camel.*} settings the system property wins;
 * for the {@code gateway.*} placeholders Camel's properties component gives the environment variable precedence.
 * <p>
 * Camel Main 4.18.0 does not apply {@code CAMEL_COMPONENT_*} variables itself ({@code MainHelper.filterEnvVariables}
 * compares the upper-case variable names with lower-case prefixes, so none ever matches) and skips every variable
 * whose name ends in {@code _PORT} (taken for a Kubernetes service link), which includes {@code CAMEL_SERVER_PORT} and
 * {@code CAMEL_COMPONENT_GB28181_PORT}. This class therefore turns the {@code CAMEL_COMPONENT_GB28181_*},
 * {@code CAMEL_SERVER_*} and {@code CAMEL_MAIN_*} variables into the equivalent system properties, which Camel Main
 * applies over {@code application.properties}; a system property given on the command line wins. The
 * {@code gateway.*} placeholders need no help: Camel's properties component looks up {@code GATEWAY_*} variables.
 */
public final class GatewayMain {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    /** Environment variable prefix → property prefix. */
    private static final Map<String, String> ENV_PREFIXES = Map.of(
            "CAMEL_COMPONENT_GB28181_", "camel.component.gb28181.",
            "CAMEL_SERVER_", "camel.server.",
            "CAMEL_MAIN_", "camel.main.");

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        applyEnvironment(System.getenv());
        Main main = new Main(GatewayMain.class);
        int code = main.run(args);
        System.exit(code);
    }

    /** Turns the supported environment variables into system properties (unless those are set already). */
    static void applyEnvironment(Map<String, String> env) {
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey().toUpperCase(Locale.ROOT);
            String value = e.getValue();
            for (Map.Entry<String, String> prefix : ENV_PREFIXES.entrySet()) {
                if (!name.startsWith(prefix.getKey()) || name.length() == prefix.getKey().length()) {
                    continue;
                }
                if (name.endsWith("_PORT") && value.matches("(?i)(tcp|udp)://.*")) {
                    // a Kubernetes service link (e.g. a service called camel-server), not a setting
                    continue;
                }
                // SIP_ID -> sip-id; Camel binds dashed names to the camelCase options, ignoring case
                String property = prefix.getValue()
                                  + name.substring(prefix.getKey().length()).toLowerCase(Locale.ROOT).replace('_', '-');
                if (System.getProperty(property) == null) {
                    System.setProperty(property, value);
                    LOG.info("Environment variable {} sets {}", e.getKey(), property);
                }
            }
        }
    }
}
