package dev.tether.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps Tether from starting on a configuration that {@link ProductionConfiguration} refuses:
 * one SEVERE line per problem, naming the key and never its value, then an exception that fails
 * the deployment. The application context's initialization comes before {@code Startup}, which
 * runs the schema migration and the demo catalog, so nothing runs on such a configuration and no
 * request is needed to find out.
 */
@ApplicationScoped
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    @Inject
    Config config;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        enforce(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Throws {@link IllegalStateException}: on both servers this observer runs inside Weld's
     * servlet-context listener, and any runtime exception leaving it fails the module (Open Liberty
     * stops an application whose listener throws, WildFly fails the deployment). CDI's
     * {@code DeploymentException} would fare no better; it is the container's report on its own
     * validation, not an application's.
     */
    static void enforce(Function<String, Optional<String>> lookup) {
        List<ProductionConfiguration.Problem> problems = ProductionConfiguration.check(lookup);
        if (problems.isEmpty()) {
            if (ProductionConfiguration.isDevProfile(lookup)) {
                LOG.warning(
                        "Configuration checked under the dev profile: development secrets and plain http are accepted");
            } else {
                LOG.info("Configuration checked: every secret and trust anchor is set");
            }
            return;
        }
        for (ProductionConfiguration.Problem problem : problems) {
            LOG.severe(() -> "Refusing to start: " + problem);
        }
        throw new IllegalStateException("Tether refuses to start: " + problems.size()
                + " configuration problem(s), logged above, in "
                + problems.stream()
                        .map(ProductionConfiguration.Problem::key)
                        .distinct()
                        .collect(Collectors.joining(", ")));
    }
}
