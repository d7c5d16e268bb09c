package io.drizzlemigrator.internal.source;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * drizzle 1.0's migration names and timestamps, derived exactly as drizzle derives them.
 *
 * <p>Sources, in the drizzle-team/drizzle-orm repository (checked against the published drizzle-kit and
 * drizzle-orm {@code 1.0.0-rc.5} bundles):
 * <ul>
 * <li>{@code drizzle-kit/src/cli/commands/utils.ts}, {@code migrateToFoldersV3(out)}: what {@code drizzle-kit up}
 * runs on a 0.x folder. For each journal entry it creates the folder
 * {@code `${prepareSnapshotFolderName(entry.when)}_${migrationName}`}, where
 * {@code [snapshotPrefix, ...rest] = entry.tag.split('_')} and {@code migrationName = rest.join('_')} (the tag
 * after its first {@code _}, or {@code ""} when it has none), and moves {@code <tag>.sql} into it as
 * {@code migration.sql} with its bytes unchanged.</li>
 * <li>{@code prepareSnapshotFolderName(ms)} (drizzle-kit's generate helpers): with {@code d = new Date(ms)},
 * {@code `${d.getFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}
 * ${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`}, {@code two} padding to two digits.</li>
 * <li>{@code drizzle-orm/src/migrator.ts}, {@code readMigrationFiles}: a 1.0 migration's {@code name} is its
 * folder name and its {@code folderMillis} is {@code formatToMillis(name.slice(0, 14))}
 * ({@code drizzle-orm/src/migrator.utils.ts}: {@code Date.UTC} of the six fields).</li>
 * <li>{@code drizzle-orm/src/up-migrations/pg.ts}, the upgrade from table version 0: adds {@code name} and
 * {@code applied_at}, matches every old row to a local folder by {@code created_at} truncated to seconds (then by
 * hash) and sets {@code name} to that folder's name. A row written for a 0.x journal entry therefore ends up with
 * {@code name = v1Name(tag, when)}.</li>
 * </ul>
 *
 * <p>Two places where drizzle-kit depends on the machine that ran {@code up}, and what this class does instead:
 * the year comes from {@code getFullYear()}, which is local time (the rest is UTC), so on a machine east or west
 * of UTC a {@code when} within that offset of New Year gets the neighbouring year; this class uses UTC throughout.
 * And {@code when == 0} makes drizzle-kit use the current time; this class uses the epoch.
 */
public final class DrizzleNames {

    private static final int TIMESTAMP_DIGITS = 14;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private DrizzleNames() {
    }

    /**
     * The folder name {@code drizzle-kit up} gives the journal entry {@code tag} / {@code when}, which is the
     * {@code name} drizzle 1.0 stores for it. For example {@code ("0000_init", 1700000000000L)} gives
     * {@code "20231114221320_init"}, and a tag without {@code _} gives the timestamp followed by {@code _}.
     */
    public static String v1Name(String tag, long when) {
        int underscore = tag.indexOf('_');
        String migrationName = underscore < 0 ? "" : tag.substring(underscore + 1);
        return timestamp(when) + "_" + migrationName;
    }

    /**
     * drizzle-kit's {@code prepareSnapshotFolderName(when)}, in UTC (see the class comment). Computed with integer
     * arithmetic (the proleptic Gregorian calendar, as {@code java.time} and JavaScript's {@code Date} use): this runs
     * for every journal entry on every start, before the JIT has compiled {@code java.time}.
     */
    static String timestamp(long when) {
        long days = Math.floorDiv(when, MILLIS_PER_DAY);
        long millisOfDay = Math.floorMod(when, MILLIS_PER_DAY);
        // civil_from_days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), for any long day count
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        int secondOfDay = (int) (millisOfDay / 1000);
        StringBuilder out = new StringBuilder(TIMESTAMP_DIGITS);
        out.append(year);
        two(out, month);
        two(out, day);
        two(out, secondOfDay / 3600);
        two(out, secondOfDay / 60 % 60);
        two(out, secondOfDay % 60);
        return out.toString();
    }

    /**
     * drizzle-orm's {@code formatToMillis}: the epoch millis of a {@code YYYYMMDDHHMMSS} UTC timestamp (14 ASCII
     * digits). Unlike JavaScript's {@code Date.UTC}, which silently rolls {@code 20230229} over to March 1st, a
     * date or time that does not exist is refused. Years 0-99 mean 1900-1999, as they do for {@code Date.UTC}.
     *
     * @throws DateTimeException the digits are not a valid date and time
     */
    static long timestampMillis(String digits) {
        if (digits.length() != TIMESTAMP_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DateTimeException("not 14 digits");
        }
        int year = Integer.parseInt(digits, 0, 4, 10);
        if (year <= 99) {
            year += 1900;
        }
        LocalDateTime t = LocalDateTime.of(year, Integer.parseInt(digits, 4, 6, 10),
                Integer.parseInt(digits, 6, 8, 10), Integer.parseInt(digits, 8, 10, 10),
                Integer.parseInt(digits, 10, 12, 10), Integer.parseInt(digits, 12, 14, 10));
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static void two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
