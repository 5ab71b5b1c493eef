package io.github.camelgb28181.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/** The built-in redirect policies and their construction from configuration text. */
public final class RedirectPolicies {

    private RedirectPolicies() {
    }

    /**
     * Builds a policy by name: {@code none}, {@code static} (first target), {@code roundRobin}, {@code hash} (stable
     * hash of the device ID over the targets) or {@code prefix} (longest matching device-ID prefix, e.g. the
     * civil-code region; {@code prefixes} like {@code 3401=10.0.0.2:5060;3402=local}; devices that match no prefix go
     * to the first target, or stay here when there is none).
     */
    public static RedirectPolicy create(String name, String targets, String prefixes) {
        String n = name == null ? "none" : name.trim().toLowerCase(Locale.ROOT);
        List<RedirectTarget> list = parseTargets(targets);
        return switch (n) {
            case "", "none" -> RedirectPolicy.NONE;
            case "static" -> staticTarget(require(list, n).get(0));
            case "roundrobin", "round-robin" -> roundRobin(require(list, n));
            case "hash" -> hash(require(list, n));
            case "prefix" -> prefix(parsePrefixes(prefixes), list.isEmpty() ? RedirectTarget.LOCAL : list.get(0));
            default -> throw new IllegalArgumentException(
                    "unknown redirect policy '" + name + "' (none, static, roundRobin, hash, prefix)");
        };
    }

    public static RedirectPolicy staticTarget(RedirectTarget target) {
        return (deviceId, source) -> target;
    }

    public static RedirectPolicy roundRobin(List<RedirectTarget> targets) {
        List<RedirectTarget> copy = List.copyOf(targets);
        AtomicLong next = new AtomicLong();
        return (deviceId, source) -> copy.get((int) (next.getAndIncrement() % copy.size()));
    }

    /**
     * The same device always lands on the same target while the list is unchanged. CRC32 rather than
     * {@code String.hashCode} so that every node (and every JVM version) computes the same spread.
     */
    public static RedirectPolicy hash(List<RedirectTarget> targets) {
        List<RedirectTarget> copy = List.copyOf(targets);
        return (deviceId, source) -> copy.get(hashIndex(deviceId, copy.size()));
    }

    static int hashIndex(String deviceId, int buckets) {
        CRC32 crc = new CRC32();
        crc.update(deviceId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return (int) (crc.getValue() % buckets);
    }

    /** Longest prefix wins, so {@code 340100} can override {@code 3401}. */
    public static RedirectPolicy prefix(Map<String, RedirectTarget> byPrefix, RedirectTarget fallback) {
        List<Map.Entry<String, RedirectTarget>> entries = new ArrayList<>(byPrefix.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, RedirectTarget> e) -> e.getKey().length()).reversed());
        return (deviceId, source) -> {
            for (Map.Entry<String, RedirectTarget> e : entries) {
                if (deviceId.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            return fallback;
        };
    }

    /** Comma-separated targets: {@code 10.0.0.2:5060,10.0.0.3:5060,local}. */
    public static List<RedirectTarget> parseTargets(String text) {
        List<RedirectTarget> list = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    list.add(RedirectTarget.parse(part));
                }
            }
        }
        return list;
    }

    /** Semicolon-separated {@code prefix=target} pairs. */
    public static Map<String, RedirectTarget> parsePrefixes(String text) {
        Map<String, RedirectTarget> map = new LinkedHashMap<>();
        if (text != null) {
            for (String part : text.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("redirect prefix entry must be prefix=target: " + part);
                }
                String prefix = part.substring(0, eq).trim();
                if (!prefix.chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException("redirect prefix must be digits: " + prefix);
                }
                map.put(prefix, RedirectTarget.parse(part.substring(eq + 1)));
            }
        }
        return map;
    }

    private static List<RedirectTarget> require(List<RedirectTarget> list, String policy) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("redirect policy '" + policy + "' needs at least one target");
        }
        return list;
    }

}
