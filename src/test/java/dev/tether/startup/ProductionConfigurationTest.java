package dev.tether.startup;

import static dev.tether.startup.ProductionConfiguration.ACTIVE_MASTER_KEY;
import static dev.tether.startup.ProductionConfiguration.CHECKPOINT_PUBLIC_KEYS;
import static dev.tether.startup.ProductionConfiguration.CHECKPOINT_SIGNING_KEY;
import static dev.tether.startup.ProductionConfiguration.CUSTOMER_AUTHENTICATOR;
import static dev.tether.startup.ProductionConfiguration.ISSUER;
import static dev.tether.startup.ProductionConfiguration.MASTER_KEYS;
import static dev.tether.startup.ProductionConfiguration.PROFILE;
import static dev.tether.startup.ProductionConfiguration.PUBLIC_KEY;
import static dev.tether.startup.ProductionConfiguration.PUBLIC_KEY_LOCATION;
import static dev.tether.startup.ProductionConfiguration.RECORDS_URL;
import static dev.tether.startup.ProductionConfiguration.TOKEN_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.startup.ProductionConfiguration.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductionConfigurationTest {

    /** Public, as in the shipped defaults; spelled here to prove it is refused under any id. */
    static final String DEV_KEY = "uW1Pj4Xq7rTz0yq0m8cH3m3yQm0b6QXo2n4bqkSg9Cs=";

    static final String DEV_AUTHENTICATOR = "1000,00112233445566778899aabbccddeeff";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A production configuration with fresh random secrets: no secret lives in test code. */
    static Map<String, String> production() {
        Map<String, String> config = new HashMap<>();
        config.put(MASTER_KEYS, "prod-1:" + randomKey() + ";prod-2:" + randomKey());
        config.put(ACTIVE_MASTER_KEY, "prod-2");
        config.put(CUSTOMER_AUTHENTICATOR, "4711," + HexFormat.of().formatHex(randomBytes(16)));
        config.put(TOKEN_URL, "https://fp-gen.service.expressplay.com");
        config.put(RECORDS_URL, "https://api.service.expressplay.com");
        config.put(ISSUER, "https://idp.example.com/realms/tether");
        config.put(PUBLIC_KEY_LOCATION, "https://idp.example.com/realms/tether/protocol/openid-connect/certs");
        config.put("mp.jwt.verify.audiences", "tether");
        KeyPair checkpoints = ed25519();
        config.put(
                CHECKPOINT_SIGNING_KEY,
                "cp-1:" + base64(checkpoints.getPrivate().getEncoded()));
        config.put(
                CHECKPOINT_PUBLIC_KEYS,
                "cp-0:" + base64(ed25519().getPublic().getEncoded()) + ";cp-1:"
                        + base64(checkpoints.getPublic().getEncoded()));
        return config;
    }

    /** The development servers' checkpoint signing key (liberty/mode-dev.xml, tether.cli). */
    static final String DEV_CHECKPOINT_KEY = "dev-1:MC4CAQAwBQYDK2VwBCIEIHWWM6WoDnp4LNSD4yo6t1zX0uNyii8KxpGq2gprGFwI";

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Map<String, String> dev() {
        Map<String, String> config = production();
        config.put(PROFILE, "dev");
        return config;
    }

    /**
     * The problems of {@code config}, each checked to name its key and to quote no secret of
     * {@code config}, nor any part of its master keys.
     */
    static List<Problem> check(Map<String, String> config) {
        List<Problem> problems = ProductionConfiguration.check(key -> Optional.ofNullable(config.get(key)));
        for (Problem problem : problems) {
            assertTrue(problem.toString().startsWith(problem.key() + " "), problem.toString());
            for (String secret : secretsOf(config)) {
                assertFalse(problem.toString().contains(secret), "a secret in: " + problem);
            }
        }
        return problems;
    }

    static Set<String> secretsOf(Map<String, String> config) {
        Set<String> secrets = new HashSet<>();
        String authenticator = config.get(CUSTOMER_AUTHENTICATOR);
        if (authenticator != null && !authenticator.isBlank()) {
            secrets.add(authenticator.strip());
            int comma = authenticator.indexOf(',');
            if (comma >= 0 && authenticator.length() > comma + 4) {
                secrets.add(authenticator.substring(comma + 1).strip());
            }
        }
        String signing = config.get(CHECKPOINT_SIGNING_KEY);
        if (signing != null && signing.indexOf(':') >= 0) {
            String key = signing.substring(signing.indexOf(':') + 1).strip();
            secrets.add(key);
            // Every PKCS#8 Ed25519 key begins alike; its last characters are the secret part.
            secrets.add(key.substring(Math.max(0, key.length() - 12)));
        }
        String keys = config.get(MASTER_KEYS);
        if (keys != null) {
            for (String entry : keys.split(";")) {
                int colon = entry.indexOf(':');
                String key = entry.substring(colon + 1).strip();
                if (key.length() >= 8) {
                    secrets.add(key);
                    secrets.add(key.substring(0, 8));
                }
            }
        }
        return secrets;
    }

    static List<String> keysOf(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void aCompleteProductionConfigurationHasNoProblems() {
        assertEquals(List.of(), check(production()));
    }

    @Test
    void anInlinePublicKeyStandsInForItsLocation() {
        Map<String, String> config = production();
        config.remove(PUBLIC_KEY_LOCATION);
        config.put(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg...\n-----END PUBLIC KEY-----");
        assertEquals(List.of(), check(config));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                MASTER_KEYS,
                ACTIVE_MASTER_KEY,
                CUSTOMER_AUTHENTICATOR,
                TOKEN_URL,
                RECORDS_URL,
                ISSUER,
                PUBLIC_KEY_LOCATION,
                CHECKPOINT_SIGNING_KEY,
                CHECKPOINT_PUBLIC_KEYS
            })
    void eachMissingKeyIsOneProblemNamingIt(String key) {
        Map<String, String> config = production();
        config.remove(key);
        assertEquals(List.of(key), keysOf(check(config)));
    }

    @ParameterizedTest
    @ValueSource(strings = {MASTER_KEYS, CUSTOMER_AUTHENTICATOR, TOKEN_URL, ISSUER})
    void aBlankValueIsMissing(String key) {
        Map<String, String> config = production();
        config.put(key, "  ");
        assertEquals(List.of(key), keysOf(check(config)));
    }

    @Test
    void nothingSetNamesEverySecretAndTrustAnchor() {
        assertEquals(
                List.of(
                        MASTER_KEYS,
                        ACTIVE_MASTER_KEY,
                        CUSTOMER_AUTHENTICATOR,
                        TOKEN_URL,
                        RECORDS_URL,
                        ISSUER,
                        PUBLIC_KEY_LOCATION,
                        CHECKPOINT_SIGNING_KEY,
                        CHECKPOINT_PUBLIC_KEYS),
                keysOf(check(Map.of())));
    }

    @Test
    void theShippedDefaultsLackOnlyTheSecretsUnderTheDevProfile() {
        assertEquals(
                List.of(MASTER_KEYS, ACTIVE_MASTER_KEY, CUSTOMER_AUTHENTICATOR, CHECKPOINT_SIGNING_KEY),
                keysOf(ProductionConfiguration.check(shipped("dev"))),
                "the development servers supply the secrets");
    }

    @Test
    void theShippedDefaultsPassUnderTheDevProfileWithTheDevelopmentServersSecrets() {
        Map<String, String> secrets = Map.of(
                MASTER_KEYS,
                "dev-1:" + DEV_KEY,
                ACTIVE_MASTER_KEY,
                "dev-1",
                CUSTOMER_AUTHENTICATOR,
                DEV_AUTHENTICATOR,
                CHECKPOINT_SIGNING_KEY,
                DEV_CHECKPOINT_KEY);
        Function<String, Optional<String>> shipped = shipped("dev");
        assertEquals(
                List.of(),
                ProductionConfiguration.check(
                        key -> secrets.containsKey(key) ? Optional.of(secrets.get(key)) : shipped.apply(key)));
    }

    @Test
    void theShippedDefaultsRefuseToStartWithoutTheDevProfile() {
        assertEquals(
                List.of(
                        MASTER_KEYS,
                        ACTIVE_MASTER_KEY,
                        CUSTOMER_AUTHENTICATOR,
                        TOKEN_URL,
                        RECORDS_URL,
                        ISSUER,
                        PUBLIC_KEY_LOCATION,
                        CHECKPOINT_SIGNING_KEY,
                        CHECKPOINT_PUBLIC_KEYS),
                keysOf(ProductionConfiguration.check(shipped(null))));
        assertEquals(
                List.of(
                        MASTER_KEYS,
                        ACTIVE_MASTER_KEY,
                        CUSTOMER_AUTHENTICATOR,
                        TOKEN_URL,
                        RECORDS_URL,
                        ISSUER,
                        PUBLIC_KEY_LOCATION,
                        CHECKPOINT_SIGNING_KEY,
                        CHECKPOINT_PUBLIC_KEYS),
                keysOf(ProductionConfiguration.check(shipped("prod"))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "prod-1",
                "prod-1:",
                "prod-1:@@@@@@@@@@@@",
                "prod 1:AAAAAAAAAAAAAAAAAAAAAA==",
                "prod-1:AAAAAAAAAAAAAA=="
            })
    void unreadableMasterKeysAreNamedWithoutTheirKeys(String spec) {
        Map<String, String> config = production();
        config.put(MASTER_KEYS, spec + ";prod-2:" + randomKey());
        List<Problem> problems = check(config);
        assertEquals(List.of(MASTER_KEYS), keysOf(problems));
        assertTrue(
                problems.get(0).reason().startsWith("cannot be read: master key"),
                problems.get(0).reason());
    }

    @Test
    void aListOfNoKeysIsRefused() {
        Map<String, String> config = production();
        config.put(MASTER_KEYS, ";");
        assertEquals(List.of(MASTER_KEYS), keysOf(check(config)));
    }

    @Test
    void anActiveKeyThatIsNotListedIsNamed() {
        Map<String, String> config = production();
        config.put(ACTIVE_MASTER_KEY, "prod-3");
        List<Problem> problems = check(config);
        assertEquals(List.of(ACTIVE_MASTER_KEY), keysOf(problems));
        assertTrue(
                problems.get(0).reason().contains("[prod-1, prod-2]"),
                problems.get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV_KEY, "uW1Pj4Xq7rTz0yq0m8cH3m3yQm0b6QXo2n4bqkSg9Cs"})
    void theDevelopmentMasterKeyIsRefusedUnderAnyIdOutsideDev(String devKey) {
        Map<String, String> config = production();
        config.put(MASTER_KEYS, "old:" + devKey + ";prod-2:" + randomKey());
        List<Problem> problems = check(config);
        assertEquals(List.of(MASTER_KEYS), keysOf(problems));
        assertFalse(problems.get(0).toString().contains(devKey.substring(0, 8)));
    }

    @Test
    void theDevelopmentMasterKeyIsRefusedEvenWhenTheActiveIdIsWrong() {
        Map<String, String> config = production();
        config.put(MASTER_KEYS, "dev-1:" + DEV_KEY);
        config.put(ACTIVE_MASTER_KEY, "dev-2");
        assertEquals(List.of(ACTIVE_MASTER_KEY, MASTER_KEYS), keysOf(check(config)));
    }

    @Test
    void theDevProfileAcceptsTheDevelopmentMasterKey() {
        Map<String, String> config = dev();
        config.put(MASTER_KEYS, "dev-1:" + DEV_KEY);
        config.put(ACTIVE_MASTER_KEY, "dev-1");
        assertEquals(List.of(), check(config));
    }

    @Test
    void theDevProfileStillChecksTheShapeOfTheMasterKeys() {
        Map<String, String> config = dev();
        config.put(MASTER_KEYS, "dev-1:" + DEV_KEY + ";dev-1:" + randomKey());
        assertEquals(List.of(MASTER_KEYS), keysOf(check(config)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4711;00112233445566778899aabbccddee01",
                "abc,00112233445566778899aabbccddee01",
                "4711,00112233445566778899aabbccddee",
                "4711,00112233445566778899aabbccddee0g",
                "4711,00112233445566778899aabbccddee01 ",
                ",00112233445566778899aabbccddee01",
                "4711"
            })
    void aMalformedAuthenticatorIsNamedWithoutItsValue(String authenticator) {
        for (Map<String, String> config : List.of(production(), dev())) {
            config.put(CUSTOMER_AUTHENTICATOR, authenticator);
            List<Problem> problems = check(config);
            assertEquals(List.of(CUSTOMER_AUTHENTICATOR), keysOf(problems));
            assertEquals(
                    "is not shaped <customerId>,<32 hex digits>",
                    problems.get(0).reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV_AUTHENTICATOR, "1000,00112233445566778899AABBCCDDEEFF"})
    void theDevelopmentAuthenticatorIsRefusedOutsideDev(String authenticator) {
        Map<String, String> config = production();
        config.put(CUSTOMER_AUTHENTICATOR, authenticator);
        assertEquals(List.of(CUSTOMER_AUTHENTICATOR), keysOf(check(config)));
    }

    @Test
    void theDevProfileAcceptsTheDevelopmentAuthenticator() {
        Map<String, String> config = dev();
        config.put(CUSTOMER_AUTHENTICATOR, DEV_AUTHENTICATOR);
        assertEquals(List.of(), check(config));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fp-gen.service.expressplay.com",
                "https://",
                "https:///hms",
                "ftp://fp-gen.service.expressplay.com",
                "https://fp gen.service.expressplay.com",
                "/expressplay"
            })
    void anExpressPlayUrlThatIsNotAnHttpUrlIsRefusedInEveryProfile(String url) {
        for (Map<String, String> config : List.of(production(), dev())) {
            config.put(TOKEN_URL, url);
            config.put(RECORDS_URL, url);
            assertEquals(List.of(TOKEN_URL, RECORDS_URL), keysOf(check(config)));
        }
    }

    @Test
    void plainHttpToExpressPlayIsRefusedOutsideDev() {
        Map<String, String> config = production();
        config.put(TOKEN_URL, "http://fp-gen.service.expressplay.com");
        config.put(RECORDS_URL, "HTTP://api.service.expressplay.com");
        List<Problem> problems = check(config);
        assertEquals(List.of(TOKEN_URL, RECORDS_URL), keysOf(problems));
        assertTrue(
                problems.get(0).reason().startsWith("is not https"),
                problems.get(0).reason());
    }

    @Test
    void theDevProfileAcceptsPlainHttp() {
        Map<String, String> config = dev();
        config.put(TOKEN_URL, "http://localhost:9080/simulator/expressplay");
        config.put(RECORDS_URL, "http://localhost:9080/simulator/expressplay");
        config.put(PUBLIC_KEY_LOCATION, "http://localhost:9080/simulator/sso/jwks");
        assertEquals(List.of(), check(config));
    }

    @Test
    void bothAnInlineKeyAndALocationAreRefused() {
        Map<String, String> config = production();
        config.put(PUBLIC_KEY, "{\"kty\":\"RSA\",\"n\":\"sszbq1\",\"e\":\"AQAB\"}");
        assertEquals(List.of(PUBLIC_KEY_LOCATION), keysOf(check(config)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://idp.example.com/jwks",
                "HTTPS://idp.example.com/jwks",
                "file:///opt/keys/idp.pem",
                "classpath:META-INF/idp.pem",
                "META-INF/idp.pem",
                "/opt/keys/idp.pem"
            })
    void aKeyLocationOverHttpsInAFileOrInTheDeploymentIsAccepted(String location) {
        Map<String, String> config = production();
        config.put(PUBLIC_KEY_LOCATION, location);
        assertEquals(List.of(), check(config));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://idp.example.com/jwks",
                "ftp://idp.example.com/idp.pem",
                "jar:file:/x.jar!/idp.pem",
                "https:///jwks",
                "https://idp example.com/jwks"
            })
    void anyOtherKeyLocationIsRefusedOutsideDev(String location) {
        Map<String, String> config = production();
        config.put(PUBLIC_KEY_LOCATION, location);
        assertEquals(List.of(PUBLIC_KEY_LOCATION), keysOf(check(config)));
    }

    @Test
    void theDevProfileStillRefusesAKeyLocationOfUnknownScheme() {
        Map<String, String> config = dev();
        config.put(PUBLIC_KEY_LOCATION, "ftp://localhost/idp.pem");
        assertEquals(List.of(PUBLIC_KEY_LOCATION), keysOf(check(config)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", " dev ", "postgres,dev"})
    void theDevProfileIsOneOfTheActiveProfiles(String profile) {
        assertTrue(ProductionConfiguration.isDevProfile(
                key -> Optional.ofNullable(Map.of(PROFILE, profile).get(key))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "development", "devx,test", ""})
    void noOtherProfileAllowsDevelopmentValues(String profile) {
        Map<String, String> config = production();
        config.put(PROFILE, profile);
        config.put(CUSTOMER_AUTHENTICATOR, DEV_AUTHENTICATOR);
        assertEquals(List.of(CUSTOMER_AUTHENTICATOR), keysOf(check(config)));
    }

    /**
     * The shipped microprofile-config.properties as MicroProfile Config reads it under
     * {@code profile} (null: none): a {@code %profile.} key wins over the plain one, and
     * {@code ${key}} expressions are expanded.
     */
    static Function<String, Optional<String>> shipped(String profile) {
        Properties properties = new Properties();
        try (InputStream in =
                ProductionConfigurationTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped configuration cannot be read", e);
        }
        if (profile != null) {
            properties.setProperty(PROFILE, profile);
        }
        return new Function<>() {
            @Override
            public Optional<String> apply(String key) {
                String value = profile == null ? null : properties.getProperty("%" + profile + "." + key);
                if (value == null) {
                    value = properties.getProperty(key);
                }
                if (value == null) {
                    return Optional.empty();
                }
                Matcher expression = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
                StringBuilder expanded = new StringBuilder();
                while (expression.find()) {
                    expression.appendReplacement(
                            expanded,
                            Matcher.quoteReplacement(apply(expression.group(1)).orElseThrow()));
                }
                expression.appendTail(expanded);
                return Optional.of(expanded.toString());
            }
        };
    }

    private static String randomKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void theDevelopmentCheckpointKeyIsRefusedOutsideDevAndAcceptedUnderIt() {
        Map<String, String> config = production();
        config.put(CHECKPOINT_SIGNING_KEY, DEV_CHECKPOINT_KEY);
        config.put(CHECKPOINT_PUBLIC_KEYS, "dev-1:MCowBQYDK2VwAyEAi7Rug0LZCU+DCFaYFqp2hu0h/ZJlwJuGzd0YtXY+Rn8=");
        assertEquals(List.of(CHECKPOINT_SIGNING_KEY), keysOf(check(config)));
        config.put(PROFILE, "dev");
        assertEquals(List.of(), check(config));
    }

    @Test
    void aSigningKeyWhosePublicHalfIsNotListedIsRefused() {
        Map<String, String> config = production();
        config.put(
                CHECKPOINT_PUBLIC_KEYS, "cp-1:" + base64(ed25519().getPublic().getEncoded()));
        assertEquals(List.of(CHECKPOINT_SIGNING_KEY), keysOf(check(config)));
        config.put(
                CHECKPOINT_PUBLIC_KEYS, "cp-2:" + base64(ed25519().getPublic().getEncoded()));
        assertEquals(List.of(CHECKPOINT_SIGNING_KEY), keysOf(check(config)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cp-1", "cp-1:@@@@", "cp 1:MCowBQYDK2VwAyEA", "cp-1:AAAAAAAAAAAAAAAAAAAAAA=="})
    void unreadablePublicKeysAreNamed(String spec) {
        Map<String, String> config = production();
        config.put(CHECKPOINT_PUBLIC_KEYS, spec);
        assertEquals(List.of(CHECKPOINT_PUBLIC_KEYS), keysOf(check(config)));
    }
}
