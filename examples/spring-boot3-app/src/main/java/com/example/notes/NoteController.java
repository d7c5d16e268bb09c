package com.example.notes;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /notes}: the newest notes, from the table the migrations created. */
@RestController
class NoteController {

    private final JdbcClient jdbc;

    NoteController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/notes")
    List<Map<String, Object>> notes() {
        return jdbc.sql("SELECT id, body, created_at FROM notes ORDER BY created_at DESC LIMIT 50").query().listOfRows();
    }
}
