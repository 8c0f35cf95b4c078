package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two archives as Maven packaged them: the production WAR carries nothing of the simulator, the
 * device lab, fault injection or the development SSO, no library only they use, and no development
 * secret; the simulator's WAR carries nothing of Tether's.
 */
class ArchivesIT {

    private static final Pattern TEST_DOUBLE = Pattern.compile("simulat|developmentsso|devicelab|fault|nimbus|/sso/");

    @Test
    void theProductionWarHoldsNoTestDoubleAndNoDevelopmentSecret() throws IOException {
        List<String> entries = entries(System.getProperty("tether.war", "target/tether.war"));
        assertTrue(entries.contains("WEB-INF/classes/dev/tether/entitlement/SeesResource.class"), "not Tether's WAR");
        List<String> doubles = entries.stream()
                .filter(e -> TEST_DOUBLE.matcher(e.toLowerCase(Locale.ROOT)).find())
                .toList();
        assertEquals(List.of(), doubles);
        assertFalse(
                entries.stream()
                        .anyMatch(e -> e.startsWith("WEB-INF/classes/dev/")
                                && !e.startsWith("WEB-INF/classes/dev/tether/")
                                && !e.equals("WEB-INF/classes/dev/")),
                "only dev.tether classes");
        try (ZipFile war = new ZipFile(System.getProperty("tether.war", "target/tether.war"))) {
            ZipEntry config = war.getEntry("WEB-INF/classes/META-INF/microprofile-config.properties");
            String text =
                    new String(war.getInputStream(config).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(text.contains("uW1Pj4Xq7rTz0yq0m8cH3m3yQm0b6QXo2n4bqkSg9Cs"), "the development master key");
            assertFalse(text.contains("00112233445566778899aabbccddeeff"), "the development customer authenticator");
            assertFalse(
                    text.contains("MC4CAQAwBQYDK2VwBCIEIHWWM6WoDnp4LNSD4yo6t1zX0uNyii8KxpGq2gprGFwI"),
                    "the development checkpoint signing key");
        }
    }

    @Test
    void theSimulatorWarHoldsNothingOfTether() throws IOException {
        List<String> entries = entries(System.getProperty("simulator.war", "target/expressplay-simulator.war"));
        assertTrue(
                entries.contains("WEB-INF/classes/dev/simulator/expressplay/SimulatedTokenApi.class"),
                "not the simulator's WAR");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/lib/nimbus-jose-jwt")), "its JOSE library");
        assertEquals(
                List.of(),
                entries.stream()
                        .filter(e -> e.contains("dev/tether")
                                || e.contains("hibernate")
                                || e.contains("flyway")
                                || e.contains("persistence.xml")
                                || e.contains("db/migration"))
                        .toList());
    }

    private static List<String> entries(String path) throws IOException {
        try (ZipFile zip = new ZipFile(path)) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
