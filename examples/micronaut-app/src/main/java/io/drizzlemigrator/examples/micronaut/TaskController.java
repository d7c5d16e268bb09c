package io.drizzlemigrator.examples.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.SQLException;
import java.util.List;

/** {@code /tasks}: list and create tasks. JDBC blocks, so it runs off the event loop. */
@Controller("/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskController {

    private final TaskRepository tasks;

    TaskController(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Get
    public List<Task> list() throws SQLException {
        return tasks.findAll();
    }

    @Post
    public HttpResponse<Task> create(@Body NewTask task) throws SQLException {
        if (task.title() == null || task.title().isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "title is required");
        }
        return HttpResponse.created(tasks.create(task.title(), task.owner()));
    }
}
