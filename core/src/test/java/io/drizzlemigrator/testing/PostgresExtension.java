package io.drizzlemigrator.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own fresh database ({@link TestDatabase} as a constructor, lifecycle-method or test
 * parameter), dropped after the class. Tests that need a pristine database per test create one with
 * {@link TestDatabase#create(String)}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("db", TestDatabase.create(context.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = context.getStore(NS).remove("db", TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext c = extensionContext;
        while (c != null) {
            TestDatabase db = c.getStore(NS).get("db", TestDatabase.class);
            if (db != null) {
                return db;
            }
            c = c.getParent().orElse(null);
        }
        throw new IllegalStateException("No test database: is the class annotated @ExtendWith(PostgresExtension.class)?");
    }
}
