package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * drizzle 1.0 names of 0.x journal entries. The expected values below were produced by drizzle-kit 1.0.0-rc.5's own
 * {@code migrateToFoldersV3} naming ({@code prepareSnapshotFolderName(entry.when)} + the tag after its first
 * {@code _}) and drizzle-orm 1.0.0-rc.5's {@code formatToMillis}, run with Node 20 under {@code TZ=UTC}.
 */
class DrizzleNamesTest {

    /** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the years drizzle-kit writes with four digits. */
    private static final long YEAR_1000 = -30610224000000L;
    private static final long YEAR_9999_END = 253402300799999L;
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "0000_init, 1700000000000, 20231114221320_init",
        "0001_increase-secret-kind-length, 1732000000999, 20241119070640_increase-secret-kind-length",
        "init, 1713262741218, 20240416101901_",
        "_name, 1713262741218, 20240416101901_name",
        "20261125165841_add_users, 1795625921000, 20261125165841_add_users",
        "0002_a__b_, 1577836799999, 20191231235959_a__b_",
        "0003_x, 946684800000, 20000101000000_x",
    })
    void namesAJournalEntryAsDrizzleKitUpNamesItsFolder(String tag, long when, String drizzleName) {
        assertThat(DrizzleNames.v1Name(tag, when)).isEqualTo(drizzleName);
    }

    @ParameterizedTest
    @CsvSource({
        "20261125165841, 1795625921000",
        "20240229000000, 1709164800000",
        "00500101000000, -631152000000",
    })
    void readsAFolderTimestampAsDrizzleOrmDoes(String digits, long drizzleMillis) {
        assertThat(DrizzleNames.timestampMillis(digits)).isEqualTo(drizzleMillis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230229000000", "20241301000000", "20240100000000", "20240101240000",
        "20240101006000", "20240101000060", "2024010100000", "2024010100000a", "２０２４０１０１００００００"})
    void refusesATimestampThatIsNotAValidDateAndTime(String digits) {
        assertThatThrownBy(() -> DrizzleNames.timestampMillis(digits)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void theGeneratedRangeIsFourDigitYears() {
        assertThat(Instant.ofEpochMilli(YEAR_1000)).isEqualTo(Instant.parse("1000-01-01T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(YEAR_9999_END)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void usesTheEpochForAZeroWhen() {
        assertThat(DrizzleNames.v1Name("0000_x", 0)).isEqualTo("19700101000000_x");
    }

    @Property(tries = 200)
    void theTimestampIsTheUtcTimeOfWhenToTheSecond(@ForAll @LongRange(min = YEAR_1000, max = YEAR_9999_END) long when) {
        String name = DrizzleNames.v1Name("0000_x", when);

        assertThat(name).isEqualTo(UTC_STAMP.format(Instant.ofEpochMilli(when)) + "_x");
        assertThat(DrizzleNames.timestampMillis(name.substring(0, 14))).isEqualTo(Math.floorDiv(when, 1000) * 1000);
    }

    /** The arithmetic behind the timestamp agrees with java.time's calendar far outside four-digit years too. */
    @Property(tries = 1000)
    void theTimestampAgreesWithJavaTimeForAnyYear(
            @ForAll @LongRange(min = -10_000_000_000_000_000L, max = 10_000_000_000_000_000L) long when) {
        java.time.ZonedDateTime t = Instant.ofEpochMilli(when).atZone(ZoneOffset.UTC);
        String expected = t.getYear() + String.format("%02d%02d%02d%02d%02d", t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());

        assertThat(DrizzleNames.timestamp(when)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void theNamePartIsTheTagWithoutItsFirstUnderscoreSeparatedPart(
            @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'c') @Chars({'_', '-', '0'}) String tag) {
        String[] parts = tag.split("_", -1);
        String rest = String.join("_", Arrays.asList(parts).subList(1, parts.length));

        assertThat(DrizzleNames.v1Name(tag, 1700000000000L)).isEqualTo("20231114221320_" + rest);
    }
}
