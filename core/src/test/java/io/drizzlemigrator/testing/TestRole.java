package io.drizzlemigrator.testing;

/**
 * A login role that may only connect to one test database (no CREATE, no USAGE on any schema of it): what a
 * service's own role looks like before anyone granted it what migrations need. Roles belong to the server, so the
 * name carries the pid and the database; {@link #close()} drops it (call it before dropping the database).
 */
public final class TestRole implements AutoCloseable {

    private final TestDatabase db;
    private final String name;

    private TestRole(TestDatabase db, String name) {
        this.db = db;
        this.name = name;
    }

    public static TestRole connectOnly(TestDatabase db) {
        String name = "dmt_role_" + ProcessHandle.current().pid() + "_" + Math.abs(db.name().hashCode());
        db.execute("DROP ROLE IF EXISTS " + name, "CREATE ROLE " + name + " LOGIN",
                "REVOKE ALL ON DATABASE \"" + db.name() + "\" FROM PUBLIC",
                "GRANT CONNECT ON DATABASE \"" + db.name() + "\" TO " + name);
        return new TestRole(db, name);
    }

    public String name() {
        return name;
    }

    /** The database's URL as drizzle and the CLI take it, connecting as this role (trust authentication). */
    public String libpqUrl() {
        return "postgresql://" + name + "@" + db.server().host() + ":" + db.server().port() + "/" + db.name();
    }

    @Override
    public void close() {
        db.execute("DROP OWNED BY " + name, "DROP ROLE " + name);
    }
}
