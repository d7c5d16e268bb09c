package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrizzleFolderOrderTest {

    @Test
    void sortsFoldersOfOneSecondAsDrizzleOnesLocaleCompareDoes() {
        // the order drizzle-orm 1.0.0-rc.5 applied these in (node's localeCompare, observed by the interop suite)
        List<String> expected = List.of("20240101000000_a_b", "20240101000000_a1", "20240101000000_add_x",
                "20240101000000_add-x", "20240101000000_B");
        List<String> names = new ArrayList<>(List.of("20240101000000_B", "20240101000000_add-x",
                "20240101000000_a1", "20240101000000_add_x", "20240101000000_a_b"));

        names.sort(DrizzleFolderOrder.INSTANCE);

        assertThat(names).containsExactlyElementsOf(expected);
    }

    @Test
    void foldersOfDifferentSecondsSortByTheirTimestamp() {
        List<String> names = new ArrayList<>(List.of("20240102000000_a", "20240101000000_z", "20231231235959_Z"));

        names.sort(DrizzleFolderOrder.INSTANCE);

        assertThat(names).containsExactly("20231231235959_Z", "20240101000000_z", "20240102000000_a");
    }

    @Test
    void lowercaseComesBeforeUppercaseOnATie() {
        assertThat(DrizzleFolderOrder.INSTANCE.compare("20240101000000_abc", "20240101000000_Abc")).isNegative();
        assertThat(DrizzleFolderOrder.INSTANCE.compare("20240101000000_abc", "20240101000000_abc")).isZero();
    }
}
