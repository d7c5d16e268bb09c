/**
 * A health model of the migration state that framework health indicators adapt:
 * {@link io.drizzlemigrator.health.MigrationHealthTracker} follows runs and status checks as a
 * {@link io.drizzlemigrator.MigrationListener}, and {@link io.drizzlemigrator.health.MigrationHealth} is its
 * immutable snapshot, with its mapping to readiness and liveness. No dependency beyond core.
 */
package io.drizzlemigrator.health;
