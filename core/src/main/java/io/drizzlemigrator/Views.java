package io.drizzlemigrator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** How the read model writes values into its JSON-ready maps: instants and durations as ISO-8601, absent facts left out. */
final class Views {

    private Views() {
    }

    static void put(Map<String, Object> map, String key, Object value) {
        if (value instanceof Instant || value instanceof Duration) {
            map.put(key, value.toString());
        } else if (value != null) {
            map.put(key, value);
        }
    }
}
