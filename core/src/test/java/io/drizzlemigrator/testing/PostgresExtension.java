package io.drizzlemigrator.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a fresh database, as a {@link TestDatabase} parameter of the test class's constructor, of its
 * lifecycle methods or of its test methods:
 * <ul>
 * <li>{@code @ExtendWith(PostgresExtension.class)}: one database for the whole class, dropped after the class;</li>
 * <li>{@link FreshDatabasePerTest @FreshDatabasePerTest}: a database of its own for every test, dropped after the
 * test (after the class's {@code @AfterEach} methods), typically taken by the constructor:
 * {@code @FreshDatabasePerTest class SomeTest { private final TestDatabase db; SomeTest(TestDatabase db) { ... } }}.
 * </li>
 * </ul>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        ParameterResolver {

    /**
     * Every test of the annotated class gets a database of its own, created when the test (its constructor, a
     * {@code @BeforeEach} method or itself) first asks for it, and dropped after the test.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(PostgresExtension.class)
    public @interface FreshDatabasePerTest {
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String DB = "db";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!databasePerTest(context)) {
            context.getStore(NS).put(DB, TestDatabase.create(context.getRequiredTestClass().getSimpleName()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        drop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        drop(context);
    }

    private static void drop(ExtensionContext context) {
        TestDatabase db = context.getStore(NS).remove(DB, TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    /** A constructor is given the database of the test it is called for (JUnit makes one instance per test). */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (databasePerTest(extensionContext)) {
            String test = extensionContext.getTestMethod()
                    .orElseThrow(() -> new IllegalStateException("@FreshDatabasePerTest gives each test its own "
                            + "database: take it in the constructor, a test or @BeforeEach, not in @BeforeAll"))
                    .getName();
            return extensionContext.getStore(NS).getOrComputeIfAbsent(DB, key -> TestDatabase.create(test),
                    TestDatabase.class);
        }
        ExtensionContext c = extensionContext;
        while (c != null) {
            TestDatabase db = c.getStore(NS).get(DB, TestDatabase.class);
            if (db != null) {
                return db;
            }
            c = c.getParent().orElse(null);
        }
        throw new IllegalStateException("No test database: is the class annotated @ExtendWith(PostgresExtension.class)?");
    }

    private static boolean databasePerTest(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestClass(), FreshDatabasePerTest.class);
    }
}
