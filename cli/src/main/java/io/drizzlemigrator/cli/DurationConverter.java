package io.drizzlemigrator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write it: plain seconds ({@code 45}), units ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, combined as {@code 1m30s}) or ISO-8601 ({@code PT1M}). Negative durations are refused, and so are
 * durations longer than {@link #MAX} (what a clock counting nanoseconds in a {@code long} can wait for), with the
 * maximum in the message; picocli adds the option's name.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    /** The longest duration accepted: whole hours that fit {@link Long#MAX_VALUE} nanoseconds (about 292 years). */
    static final Duration MAX = Duration.ofHours(Long.MAX_VALUE / 3_600_000_000_000L);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern UNITS = Pattern.compile("(?:\\d{1,12}(?:ms|h|m|s))+");
    private static final Pattern UNIT = Pattern.compile("(\\d{1,12})(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        Duration duration = read(value);
        if (duration.compareTo(MAX) > 0) {
            throw tooLong(value);
        }
        return duration;
    }

    private Duration read(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        try {
            if (SECONDS.matcher(text).matches()) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            if (UNITS.matcher(text).matches()) {
                Duration total = Duration.ZERO;
                Matcher m = UNIT.matcher(text);
                while (m.find()) {
                    long amount = Long.parseLong(m.group(1));
                    total = total.plus(switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    });
                }
                return total;
            }
            if (text.startsWith("p")) {
                Duration parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (parsed.isNegative()) {
                    throw invalid(value);
                }
                return parsed;
            }
        } catch (DateTimeParseException e) {
            throw invalid(value);
        } catch (ArithmeticException e) {
            throw tooLong(value);
        }
        throw invalid(value);
    }

    /** The duration in the largest unit that divides it exactly ({@code 10m}, {@code 90s}, {@code 1500ms}). */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static TypeConversionException tooLong(String value) {
        return new TypeConversionException("'" + value + "' is not a duration this tool can wait for: the maximum is "
                + format(MAX) + " (about 292 years)");
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration: write seconds (30), "
                + "a number with a unit (500ms, 30s, 5m, 1h, 1m30s) or ISO-8601 (PT1M)");
    }
}
