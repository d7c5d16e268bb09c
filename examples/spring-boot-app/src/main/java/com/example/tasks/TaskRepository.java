package com.example.tasks;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks, over the table the migrations create. */
@Repository
class TaskRepository {

    private static final String COLUMNS = "id, title, status::text AS status, owner, created_at";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Task> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks ORDER BY id").query(Task.class).list();
    }

    Optional<Task> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = :id").param("id", id).query(Task.class)
                .optional();
    }

    Task create(String title, String owner) {
        return jdbc.sql("INSERT INTO tasks (title, owner) VALUES (:title, coalesce(:owner, 'unassigned')) RETURNING "
                + COLUMNS).param("title", title).param("owner", owner).query(Task.class).single();
    }

    Optional<Task> updateStatus(long id, String status) {
        return jdbc.sql("UPDATE tasks SET status = CAST(:status AS task_status) WHERE id = :id RETURNING " + COLUMNS)
                .param("id", id).param("status", status).query(Task.class).optional();
    }
}
