package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.TransactionMode;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import picocli.CommandLine.TypeConversionException;

class EnumConverterTest {

    @Property(tries = 300)
    void everyTransactionModeIsReadInAnyCaseWithHyphens(@ForAll TransactionMode mode, @ForAll boolean upper) {
        String typed = EnumConverter.display(mode);

        assertThat(new EnumConverter<>(TransactionMode.class)
                .convert(upper ? typed.toUpperCase(Locale.ROOT) : typed)).isEqualTo(mode);
        assertThat(new EnumConverter<>(TransactionMode.class).convert(mode.name())).isEqualTo(mode);
    }

    @Property(tries = 300)
    void everyPolicyIsReadInAnyCase(@ForAll OutOfOrderPolicy outOfOrder, @ForAll EditedMigrationPolicy edited) {
        assertThat(new EnumConverter<>(OutOfOrderPolicy.class).convert(outOfOrder.name().toLowerCase(Locale.ROOT)))
                .isEqualTo(outOfOrder);
        assertThat(new EnumConverter<>(EditedMigrationPolicy.class).convert(capitalised(edited.name())))
                .isEqualTo(edited);
    }

    @Property(tries = 300)
    void anyOtherTextIsRefusedNamingTheChoices(@ForAll String text) {
        EnumConverter<OutOfOrderPolicy> converter = new EnumConverter<>(OutOfOrderPolicy.class);
        boolean valid = false;
        for (OutOfOrderPolicy p : OutOfOrderPolicy.values()) {
            valid |= text.trim().replace('-', '_').equalsIgnoreCase(p.name());
        }
        if (!valid) {
            assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("fail|apply|ignore");
        }
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
