package io.drizzlemigrator.internal.review;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one statement does to tables, derived from its text: its kind, the lock modes it takes on each relation (only
 * the strongest, as other sessions feel them), whether it rewrites a table or scans one.
 */
public final class Derived {

    private String kind;
    private final Map<String, EnumSet<LockMode>> locks = new LinkedHashMap<>();
    private boolean rewrite;
    private boolean scan;
    /** The statement fails where it runs (it adds a constraint that exists): a handler in a DO block catches it. */
    private boolean fails;

    Derived(String kind) {
        this.kind = kind;
    }

    void kind(String kind) {
        this.kind = kind;
    }

    void lock(String relation, LockMode mode) {
        if (relation != null) {
            locks.computeIfAbsent(relation, r -> EnumSet.noneOf(LockMode.class)).add(mode);
        }
    }

    void rewrites() {
        rewrite = true;
        scan = true;
    }

    void scans() {
        scan = true;
    }

    void fails() {
        fails = true;
    }

    boolean failing() {
        return fails;
    }

    public String kind() {
        return kind;
    }

    /** Each relation with the modes no other mode taken on it covers, in the order the statement names them. */
    public Map<String, Set<LockMode>> locks() {
        Map<String, Set<LockMode>> out = new LinkedHashMap<>();
        locks.forEach((r, modes) -> out.put(r, Collections.unmodifiableSet(LockMode.strongest(modes))));
        return Collections.unmodifiableMap(out);
    }

    public boolean rewrite() {
        return rewrite;
    }

    public boolean scan() {
        return scan;
    }
}
