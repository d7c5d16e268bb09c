package io.drizzlemigrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Stats.of(List.of(9.0, 1.0, 5.0))).isEqualTo(new Stats(5.0, 1.0, 9.0, 3));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 10.0)).median()).isEqualTo(3.5);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProbeResultLineIsReadAsNumbersAndOtherOutputIsIgnored() {
        assertThat(ProcessRunner.parseResult("noise\nRESULT first_ms=12.5 applied_first=0\n"))
                .containsEntry("first_ms", 12.5).containsEntry("applied_first", 0.0).hasSize(2);
    }
}
