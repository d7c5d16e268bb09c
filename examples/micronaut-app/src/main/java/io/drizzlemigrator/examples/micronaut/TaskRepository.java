package io.drizzlemigrator.examples.micronaut;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC over the migrated {@code tasks} table. It receives the DataSource only after drizzle-migrator has
 * applied the migrations, so the table and its {@code owner} column exist whenever this bean does.
 */
@Singleton
public class TaskRepository {

    private static final String COLUMNS = "id, title, status::text, owner, created_at";

    private final DataSource dataSource;

    TaskRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Task> findAll() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from tasks order by id");
                ResultSet rs = s.executeQuery()) {
            List<Task> tasks = new ArrayList<>();
            while (rs.next()) {
                tasks.add(read(rs));
            }
            return tasks;
        }
    }

    public Task create(String title, String owner) throws SQLException {
        String sql = owner == null
                ? "insert into tasks (title) values (?) returning " + COLUMNS
                : "insert into tasks (title, owner) values (?, ?) returning " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, title);
            if (owner != null) {
                s.setString(2, owner);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    private static Task read(ResultSet rs) throws SQLException {
        return new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
