package io.drizzlemigrator.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * The default lock key is what docs/configuration.md says, so that every version of every service (and an operator
 * looking for it in pg_locks) derives the same one: the first 8 bytes of SHA-256("drizzle-migrator:schema.table").
 */
class AdvisoryLockKeyTest {

    @Property(tries = 200)
    void isTheDocumentedDerivation(@ForAll @StringLength(max = 63) String schema,
            @ForAll @StringLength(max = 63) String table) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("drizzle-migrator:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));

        assertThat(AdvisoryLock.deriveKey(schema, table)).isEqualTo(ByteBuffer.wrap(digest).getLong());
        // twice: the second comes from the last-derived memo
        assertThat(AdvisoryLock.deriveKey(schema, table)).isEqualTo(ByteBuffer.wrap(digest).getLong());
    }

    @Example
    void theWrittenOutKeyOfDrizzlesTableIsItsDerivation() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("drizzle-migrator:drizzle.__drizzle_migrations".getBytes(StandardCharsets.UTF_8));

        assertThat(AdvisoryLock.DEFAULT_TABLE_KEY).isEqualTo(ByteBuffer.wrap(digest).getLong());
        assertThat(AdvisoryLock.deriveKey("drizzle", "__drizzle_migrations")).isEqualTo(AdvisoryLock.DEFAULT_TABLE_KEY);
    }
}
