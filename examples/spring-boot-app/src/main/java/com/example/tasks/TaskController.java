package com.example.tasks;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /tasks}: list, read, create, change status. */
@RestController
@RequestMapping("/tasks")
class TaskController {

    /** The values of the task_status enum (0000 created open and done, 0001 added paused). */
    static final Set<String> STATUSES = Set.of("open", "done", "paused");

    private final TaskRepository tasks;

    TaskController(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /** What a client sends to create a task; {@code owner} is optional. */
    record NewTask(String title, String owner) {
    }

    /** What a client sends to change a task's status. */
    record StatusChange(String status) {
    }

    @GetMapping
    List<Task> list() {
        return tasks.findAll();
    }

    @GetMapping("/{id}")
    Task get(@PathVariable long id) {
        return tasks.findById(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    ResponseEntity<Task> create(@RequestBody NewTask task) {
        if (task == null || task.title() == null || task.title().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title is required");
        }
        Task created = tasks.create(task.title().strip(), task.owner());
        return ResponseEntity.created(URI.create("/tasks/" + created.id())).body(created);
    }

    @PutMapping("/{id}/status")
    Task changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        if (change == null || !STATUSES.contains(change.status())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of " + STATUSES);
        }
        return tasks.updateStatus(id, change.status()).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + id);
    }
}
