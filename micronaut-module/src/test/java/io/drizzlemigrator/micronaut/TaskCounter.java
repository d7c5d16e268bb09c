package io.drizzlemigrator.micronaut;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A user of the DataSource created eagerly at startup, as a repository would be: it reads the migrated table. */
@Context
@Requires(property = "test.task-counter", value = "true")
class TaskCounter {

    final long tasksAtStartup;

    TaskCounter(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from tasks")) {
            rs.next();
            tasksAtStartup = rs.getLong(1);
        }
    }
}
