package io.drizzlemigrator.internal.fanout;

import io.drizzlemigrator.internal.digest.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * Stable shares of the targets for runners that split them (pods of an indexed Job): a target's share is decided by
 * a hash of its own name, never by its position in the list, so every runner agrees on it whatever order its list
 * came in, and adding a tenant moves no other tenant to another share. The shares are disjoint and cover every
 * target, since each name hashes to exactly one index.
 */
public final class Shards {

    private Shards() {
    }

    /** The share ({@code 0 <= index < count}) of the target named {@code key}. */
    public static int of(String key, int count) {
        byte[] d = new Sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return (int) Math.floorMod(h, (long) count);
    }
}
