package io.drizzlemigrator.internal.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * PostgreSQL's table lock modes, named as {@code pg_locks.mode} names them, with the conflict table of the
 * documentation (explicit-locking): what each mode conflicts with decides what it blocks.
 */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock", 0b10000000),
    ROW_SHARE("RowShareLock", 0b11000000),
    ROW_EXCLUSIVE("RowExclusiveLock", 0b11110000),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", 0b11111000),
    SHARE("ShareLock", 0b11101100),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", 0b11111100),
    EXCLUSIVE("ExclusiveLock", 0b11111110),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", 0b11111111);

    private final String pgName;
    /** Bit {@code 1 << ordinal()} set for every mode this one conflicts with. */
    private final int conflicts;

    LockMode(String pgName, int conflicts) {
        this.pgName = pgName;
        this.conflicts = conflicts;
    }

    /** The name {@code pg_locks.mode} shows. */
    public String pgName() {
        return pgName;
    }

    /** The mode {@code pg_locks.mode} names, or null for a name that is not a table lock mode. */
    public static LockMode ofPgName(String name) {
        for (LockMode m : values()) {
            if (m.pgName.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether holding this mode already blocks everything {@code other} blocks: a transaction holding both is seen by
     * other sessions as holding this one (AccessExclusive covers every mode; Share and ShareUpdateExclusive do not
     * cover each other).
     */
    public boolean covers(LockMode other) {
        return (other.conflicts & ~conflicts) == 0;
    }

    /** Whether this mode blocks plain writes (INSERT, UPDATE, DELETE take RowExclusive). */
    public boolean blocksWrites() {
        return !ROW_EXCLUSIVE.compatibleWith(this);
    }

    /** Whether this mode blocks plain reads (SELECT takes AccessShare). */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    private boolean compatibleWith(LockMode other) {
        return (conflicts & (1 << other.ordinal())) == 0;
    }

    /** The modes of {@code modes} that no other of them covers: what other sessions feel of them together. */
    public static Set<LockMode> strongest(Set<LockMode> modes) {
        EnumSet<LockMode> out = EnumSet.noneOf(LockMode.class);
        for (LockMode m : modes) {
            boolean covered = false;
            for (LockMode other : modes) {
                if (other != m && other.covers(m)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(m);
            }
        }
        return out;
    }
}
