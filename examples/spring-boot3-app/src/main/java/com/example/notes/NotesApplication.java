package com.example.notes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The notes service, on Spring Boot 3.5. At startup, drizzle-migrator (through
 * {@code drizzle-migrator-spring-boot3-starter}) applies the migrations in {@code classpath:drizzle/migrations} before
 * anything queries the database.
 */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }
}
