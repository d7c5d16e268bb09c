package io.drizzlemigrator.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum value case-insensitively, with {@code -} standing for {@code _}: {@code per-migration},
 * {@code PER_MIGRATION} and {@code Per-Migration} all name {@code PER_MIGRATION}.
 */
final class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    EnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        String wanted = value == null ? "" : value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + names(type));
    }

    /** The values as the command line writes them: lower case, hyphenated, separated by {@code |}. */
    static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumConverter::display).collect(Collectors.joining("|"));
    }

    /** One value as the command line writes it ({@code PER_MIGRATION} → {@code per-migration}). */
    static String display(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
