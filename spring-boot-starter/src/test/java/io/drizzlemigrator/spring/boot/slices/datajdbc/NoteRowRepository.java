package io.drizzlemigrator.spring.boot.slices.datajdbc;

import org.springframework.data.repository.CrudRepository;

/** The slice test's repository: a top-level interface, as Spring Data's repository scanning finds them. */
interface NoteRowRepository extends CrudRepository<DataJdbcTestMigrationTests.NoteRow, Long> {
}
