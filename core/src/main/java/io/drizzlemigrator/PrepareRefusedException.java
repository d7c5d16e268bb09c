package io.drizzlemigrator;

/**
 * {@link MigrationPreparer} refused to rewrite a migration: a database has applied it, git has it in a commit, or the
 * request cannot be carried out (the new name is taken, the migration is prepared already). Nothing was changed.
 */
public class PrepareRefusedException extends ConfigurationException {

    public PrepareRefusedException(String message) {
        super(message);
    }
}
