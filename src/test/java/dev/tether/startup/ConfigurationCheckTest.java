package dev.tether.startup;

import static dev.tether.startup.ProductionConfiguration.CUSTOMER_AUTHENTICATOR;
import static dev.tether.startup.ProductionConfiguration.MASTER_KEYS;
import static dev.tether.startup.ProductionConfiguration.TOKEN_URL;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {

    private final Logger logger = Logger.getLogger(ConfigurationCheck.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void eachProblemIsOneSevereLineNamingItsKeyAndTheApplicationDoesNotStart() {
        Map<String, String> config = ProductionConfigurationTest.production();
        String authenticator = config.get(CUSTOMER_AUTHENTICATOR);
        config.put(CUSTOMER_AUTHENTICATOR, authenticator + "0");
        config.put(TOKEN_URL, "http://fp-gen.service.expressplay.com");
        config.put(MASTER_KEYS, config.get(MASTER_KEYS) + ";legacy:" + ProductionConfigurationTest.DEV_KEY);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> enforce(config));

        List<String> severe = records.stream()
                .filter(r -> r.getLevel() == Level.SEVERE)
                .map(LogRecord::getMessage)
                .toList();
        assertEquals(3, severe.size(), severe.toString());
        assertTrue(severe.get(0).startsWith("Refusing to start: " + MASTER_KEYS + " "), severe.get(0));
        assertTrue(severe.get(1).startsWith("Refusing to start: " + CUSTOMER_AUTHENTICATOR + " "), severe.get(1));
        assertTrue(severe.get(2).startsWith("Refusing to start: " + TOKEN_URL + " "), severe.get(2));
        assertTrue(
                e.getMessage().contains(MASTER_KEYS + ", " + CUSTOMER_AUTHENTICATOR + ", " + TOKEN_URL),
                e.getMessage());
        List<String> said = new ArrayList<>(severe);
        said.add(e.getMessage());
        for (String line : said) {
            for (String secret : ProductionConfigurationTest.secretsOf(config)) {
                assertFalse(line.contains(secret), "a secret in: " + line);
            }
            assertFalse(line.contains(authenticator), "a secret in: " + line);
        }
    }

    @Test
    void aCompleteConfigurationStartsWithoutComplaint() {
        assertDoesNotThrow(() -> enforce(ProductionConfigurationTest.production()));
        assertTrue(
                records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                records.toString());
    }

    @Test
    void theDevProfileStartsWithAWarningThatDevelopmentValuesAreAccepted() {
        assertDoesNotThrow(() -> enforce(ProductionConfigurationTest.dev()));
        assertEquals(
                List.of(Level.WARNING),
                records.stream().map(LogRecord::getLevel).toList());
    }

    private static void enforce(Map<String, String> config) {
        ConfigurationCheck.enforce(key -> Optional.ofNullable(config.get(key)));
    }
}
