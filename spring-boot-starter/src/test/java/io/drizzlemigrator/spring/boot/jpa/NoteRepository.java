package io.drizzlemigrator.spring.boot.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** The slice test's repository: a top-level interface, as Spring Data's repository scanning finds them. */
interface NoteRepository extends JpaRepository<Note, Long> {
}
