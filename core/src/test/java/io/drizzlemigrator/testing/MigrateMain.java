package io.drizzlemigrator.testing;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.LockTimeoutException;
import io.drizzlemigrator.MigrateResult;
import java.time.Duration;

/**
 * A separate process that migrates, for tests that start several JVMs at once:
 * {@code MigrateMain <jdbcUrl> <user> <folder> [lockTimeoutSeconds]}. Prints "applied N waitedMs W" and exits 0, or 4 on a
 * lock timeout, 1 on any other error.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        try {
            MigrateResult result = DrizzleMigrator.configure()
                    .dataSource(args[0], args[1], null)
                    .location(args[2])
                    .lockTimeout(Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120))
                    .load()
                    .migrate();
            System.out.println("applied " + result.appliedCount() + " waitedMs " + result.lockWait().toMillis());
            System.exit(0);
        } catch (LockTimeoutException e) {
            System.err.println(e.getMessage());
            System.exit(4);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
