package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.internal.sql.Token;
import io.drizzlemigrator.internal.sql.TokenType;
import java.util.Map;

/**
 * The enum and type rules: {@code ALTER TYPE ... ADD VALUE} that cannot be retried, a value renamed, and a value
 * added by the migration and used by it in the same transaction. ({@code DROP TYPE} is among the {@link DropRules}.)
 */
final class TypeRules {

    private final RuleContext m;

    TypeRules(RuleContext m) {
        this.m = m;
    }

    /** {@code CREATE TYPE name ...}; i at the name. */
    void createType(Words w, int i) {
        int end = w.nameEnd(i);
        String type = w.name(i, end);
        m.types.add(type);
        m.headline("create_" + type);
    }

    void alterType(Words w) {
        int i = w.skipIfExists(2);
        int end = w.nameEnd(i);
        String type = w.name(i, end);
        String typeText = w.text(i, end);
        boolean fresh = m.types.contains(type);
        int j = end;
        m.headline("alter_" + type);
        if (w.is(j, "ADD") && w.is(j + 1, "VALUE")) {
            int v = w.skipIfNotExists(j + 2);
            boolean idempotent = v != j + 2;
            String value = w.isString(v) ? w.at(v).text() : null;
            if (!idempotent && !fresh) {
                m.emit(Rule.ENUM_ADD_VALUE_NOT_IDEMPOTENT, w.at(j),
                        "ALTER TYPE " + typeText + " ADD VALUE without IF NOT EXISTS fails if the value is already "
                                + "there (a database set up with drizzle-kit push, a retried or hand-applied "
                                + "migration)",
                        "ALTER TYPE " + typeText + " ADD VALUE IF NOT EXISTS " + (value != null ? value : "'...'")
                                + ";");
            }
            if (value != null && !fresh && m.transactional) {
                m.newEnumValues.put(value, typeText + " (line " + w.at(j).line() + ")");
            }
            return;
        }
        if (fresh) {
            return;
        }
        if (w.is(j, "RENAME") && w.is(j + 1, "VALUE")) {
            m.altering(w.at(j), "renames a value of type " + typeText);
            String old = w.has(j + 2) ? w.at(j + 2).text() : "'old'";
            String renamed = w.has(j + 4) ? w.at(j + 4).text() : "'new'";
            m.emit(Rule.ENUM_RENAME_VALUE, w.at(j),
                    "Renaming value " + old + " of enum " + typeText + " breaks running instances that still write or"
                            + " compare " + old,
                    "Enum values are append-only: ALTER TYPE " + typeText + " ADD VALUE IF NOT EXISTS " + renamed
                            + "; migrate the rows (UPDATE ... SET ... = " + renamed + " WHERE ... = " + old + ") once "
                            + "the code writes " + renamed + ", and leave " + old + " unused.");
            return;
        }
        m.altering(w.at(0), "alters type " + typeText);
    }

    /** Reports the first use in {@code w} of an enum value that an earlier statement of the migration added. */
    void enumValueUse(Words w) {
        if (m.newEnumValues.isEmpty() || !m.wants(Rule.ENUM_VALUE_USED_IN_SAME_TRANSACTION)
                || (w.is(0, "ALTER") && w.is(1, "TYPE"))) {
            return;
        }
        for (int i = 0; i < w.end; i++) {
            Token t = w.at(i);
            String added = null;
            if (t.type() == TokenType.STRING) {
                added = m.newEnumValues.get(t.text());
            } else if (t.type() == TokenType.DOLLAR_STRING) {
                for (Map.Entry<String, String> e : m.newEnumValues.entrySet()) {
                    if (t.text().contains(e.getKey())) {
                        added = e.getValue();
                        break;
                    }
                }
            }
            if (added != null) {
                m.emit(Rule.ENUM_VALUE_USED_IN_SAME_TRANSACTION, t,
                        "This statement uses a value added to enum " + added + " by this same migration: PostgreSQL "
                                + "refuses it before the ADD VALUE commits (\"unsafe use of new value\")",
                        "Move the ALTER TYPE ... ADD VALUE to a migration of its own, before this one: drizzle-migrator"
                                + " commits each migration separately (transactionMode PER_MIGRATION), so the next "
                                + "migration can use the value. drizzle's own migrator runs every pending migration in "
                                + "one transaction and fails either way (drizzle-orm issue #3466).");
                return;
            }
        }
    }
}
