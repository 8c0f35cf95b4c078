package dev.tether.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's files exist where ConsoleAssets looks for them, and its settings. */
class ConsoleAssetsTest {

    @Test
    void theChartLibraryIsInItsWebJarAtTheVersionTheConsoleNames() {
        // The WebJar's META-INF/resources is what ServletContext.getResource serves from WEB-INF/lib.
        assertNotNull(
                getClass().getResource("/META-INF/resources" + ConsoleAssets.ECHARTS),
                "pom.xml's echarts.version and ConsoleAssets.ECHARTS differ");
    }

    @Test
    void theConsolesOwnFilesAreInTheWebapp() {
        for (String file : new String[] {"index.html", "console.js", "console.css"}) {
            assertEquals(true, Files.isRegularFile(Path.of("src/main/webapp/console", file)), file);
        }
    }

    @Test
    void withoutTheEndpointsTheConsoleIsNotConfigured() {
        ConsoleSettings settings = settings(Optional.empty(), Optional.empty());
        assertEquals(false, settings.config().configured());
        assertEquals(Optional.empty(), settings.tokenOrigin());
    }

    @Test
    void theTokenEndpointsOriginIsWhatThePageMayConnectTo() {
        ConsoleSettings settings = settings(
                Optional.of("https://sso.example.com/realms/tether/protocol/openid-connect/auth"),
                Optional.of("https://sso.example.com:8443/realms/tether/protocol/openid-connect/token"));
        assertEquals(true, settings.config().configured());
        assertEquals(Optional.of("https://sso.example.com:8443"), settings.tokenOrigin());
    }

    private static ConsoleSettings settings(Optional<String> authorize, Optional<String> token) {
        ConsoleSettings settings = new ConsoleSettings();
        settings.authorizeUrl = authorize;
        settings.tokenUrl = token;
        settings.logoutUrl = Optional.empty();
        settings.clientId = "tether-console";
        settings.scope = "openid";
        return settings;
    }
}
