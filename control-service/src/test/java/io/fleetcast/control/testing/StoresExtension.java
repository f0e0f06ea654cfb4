package io.fleetcast.control.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link TestStores} (real PostgreSQL and Redis), started once per test run: it
 * lives in the root store, which closes it when the run ends. Use with
 * {@code @ExtendWith(StoresExtension.class)} and a {@code TestStores} constructor or method
 * parameter.
 */
public final class StoresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StoresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStores.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stores(context);
    }

    public static TestStores stores(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(TestStores.class, type -> TestStores.start(System.getenv()), TestStores.class);
    }
}
