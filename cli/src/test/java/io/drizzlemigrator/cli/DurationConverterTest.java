package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Property(tries = 300)
    void plainNumbersAreSeconds(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seconds) {
        assertThat(converter.convert(Long.toString(seconds))).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Property(tries = 300)
    void unitsAddUp(@ForAll @LongRange(max = 1000) long h, @ForAll @LongRange(max = 1000) long m,
            @ForAll @LongRange(max = 1000) long s, @ForAll @LongRange(max = 1000) long ms) {
        Duration expected = Duration.ofHours(h).plusMinutes(m).plusSeconds(s).plusMillis(ms);

        assertThat(converter.convert(h + "h" + m + "m" + s + "s" + ms + "ms")).isEqualTo(expected);
        assertThat(converter.convert((h + "H" + m + "M").toUpperCase())).isEqualTo(Duration.ofHours(h).plusMinutes(m));
    }

    @Property(tries = 300)
    void isoDurationsAreRead(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(converter.convert(duration.toString())).isEqualTo(duration);
        assertThat(converter.convert(duration.toString().toLowerCase())).isEqualTo(duration);
    }

    @Property(tries = 300)
    void formatIsReadBackAsTheSameDuration(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(converter.convert(DurationConverter.format(duration))).isEqualTo(duration);
    }

    @Property(tries = 300)
    void anyTextIsEitherADurationOrAnExplainedRefusal(@ForAll String text) {
        Throwable error = catchThrowable(() -> converter.convert(text));

        if (error == null) {
            assertThat(converter.convert(text).isNegative()).isFalse();
        } else {
            assertThat(error).isInstanceOf(TypeConversionException.class).hasMessageContaining("not a duration");
        }
    }

    @Example
    void theExamplesOfTheHelpAreRead() {
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert(" 500ms ")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }

    @Example
    void durationsLongerThanTheMaximumAreRefusedNamingIt() {
        for (String tooLong : new String[] {"99999999999h", "2562048h", "PT2562048H", "999999999999h999999999999h"}) {
            assertThatThrownBy(() -> converter.convert(tooLong)).as(tooLong)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("the maximum is 2562047h");
        }
        assertThat(converter.convert("2562047h")).isEqualTo(DurationConverter.MAX);
        assertThat(DurationConverter.MAX.toNanos()).isPositive();
    }

    @Example
    void negativeAndEmptyDurationsAreRefused() {
        for (String bad : new String[] {"-5", "PT-1S", "", "s", "5 s", "1.5s", "P", "5d"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }
}
