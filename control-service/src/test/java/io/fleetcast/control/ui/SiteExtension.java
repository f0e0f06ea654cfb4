package io.fleetcast.control.ui;

import io.fleetcast.control.testing.StoresExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link Site} with nothing broadcast (its CDN directory does not
 * exist), started on first use and closed after the class.
 */
final class SiteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SiteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Site.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return owner.getStore(NAMESPACE).computeIfAbsent(Site.class,
                type -> Site.start(StoresExtension.stores(context), Path.of("target", "no-broadcast"), Map.of()), Site.class);
    }
}
