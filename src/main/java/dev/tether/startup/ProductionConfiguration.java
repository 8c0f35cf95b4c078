package dev.tether.startup;

import dev.tether.audit.ledger.CheckpointKeys;
import dev.tether.audit.ledger.LedgerSettings;
import dev.tether.content.MasterKeys;
import dev.tether.platform.Profiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a configuration must hold before Tether serves: every secret and trust anchor, well
 * formed, and outside the {@code dev} profile neither a development value nor anything reached
 * over plain http. The defaults hold none of them outside {@code dev}, so a deployment that
 * forgets one is refused at start-up rather than at its first token request. Pure, so that each
 * rule is unit-tested; {@link ConfigurationCheck} applies it. A problem names its key and never
 * the value, which may be a secret.
 */
public final class ProductionConfiguration {

    public static final String PROFILE = Profiles.KEY;
    public static final String DEV_PROFILE = Profiles.DEV;

    public static final String MASTER_KEYS = "tether.content.master-keys";
    public static final String ACTIVE_MASTER_KEY = "tether.content.active-master-key";
    public static final String CUSTOMER_AUTHENTICATOR = "tether.expressplay.customer-authenticator";
    public static final String TOKEN_URL = "expressplay-token/mp-rest/url";
    public static final String RECORDS_URL = "expressplay-records/mp-rest/url";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String CHECKPOINT_SIGNING_KEY = LedgerSettings.SIGNING_KEY;
    public static final String CHECKPOINT_PUBLIC_KEYS = LedgerSettings.PUBLIC_KEYS;

    /** The development master key and authenticator are in the repository, so they protect nothing. */
    private static final String DEVELOPMENT_MASTER_KEY = "uW1Pj4Xq7rTz0yq0m8cH3m3yQm0b6QXo2n4bqkSg9Cs=";

    /** The development checkpoint signing key (PKCS#8, base64) is in the repository too. */
    private static final String DEVELOPMENT_CHECKPOINT_KEY =
            "MC4CAQAwBQYDK2VwBCIEIHWWM6WoDnp4LNSD4yo6t1zX0uNyii8KxpGq2gprGFwI";

    private static final String DEVELOPMENT_AUTHENTICATOR = "1000,00112233445566778899aabbccddeeff";

    /** ExpressPlay's shape, {@code <customerId>,<32 hex digits>}. */
    private static final Pattern AUTHENTICATOR = Pattern.compile("[0-9]+,[0-9a-fA-F]{32}");

    /** What is wrong with one key, in words that never quote its value. */
    public record Problem(String key, String reason) {

        @Override
        public String toString() {
            return key + " " + reason;
        }
    }

    private final Function<String, Optional<String>> lookup;
    private final boolean dev;
    private final List<Problem> problems = new ArrayList<>();

    private ProductionConfiguration(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
        this.dev = Profiles.isDev(value(PROFILE));
    }

    /**
     * The problems of the configuration that {@code lookup} reads (as {@code Config.getOptionalValue}
     * does: a blank value counts as missing), none if Tether may start.
     */
    public static List<Problem> check(Function<String, Optional<String>> lookup) {
        ProductionConfiguration configuration = new ProductionConfiguration(lookup);
        configuration.checkMasterKeys();
        configuration.checkCustomerAuthenticator();
        configuration.checkExpressPlayUrl(TOKEN_URL, "https://fp-gen.service.expressplay.com");
        configuration.checkExpressPlayUrl(RECORDS_URL, "https://api.service.expressplay.com");
        configuration.checkJwtVerification();
        configuration.checkCheckpointKeys();
        return List.copyOf(configuration.problems);
    }

    /** Whether {@code lookup} switches on the dev profile, which allows development values and http. */
    public static boolean isDevProfile(Function<String, Optional<String>> lookup) {
        return new ProductionConfiguration(lookup).dev;
    }

    private void checkMasterKeys() {
        Optional<String> spec = value(MASTER_KEYS);
        Set<String> ids = null;
        if (spec.isEmpty()) {
            refuse(
                    MASTER_KEYS,
                    "is not set: production supplies its own AES master keys "
                            + "(id:base64key, separated by ';') from a secret store");
        } else {
            try {
                ids = MasterKeys.idsOf(spec.get());
            } catch (IllegalArgumentException e) {
                // MasterKeys names the entry at fault by position or id, never by its key.
                refuse(MASTER_KEYS, "cannot be read: " + e.getMessage());
            }
            if (ids != null && ids.isEmpty()) {
                refuse(MASTER_KEYS, "lists no key");
                ids = null;
            }
        }
        Optional<String> active = value(ACTIVE_MASTER_KEY);
        if (active.isEmpty()) {
            refuse(ACTIVE_MASTER_KEY, "is not set: it names the master key that wraps new content keys");
        } else if (ids != null && !ids.contains(active.get().strip())) {
            refuse(ACTIVE_MASTER_KEY, "names none of the keys of " + MASTER_KEYS + " " + ids);
        }
        if (ids != null && !dev) {
            // A key wrapped under a public master key is as good as unwrapped, active or not.
            // Any listed id opens the list: only its keys matter here.
            MasterKeys keys = MasterKeys.parse(spec.get(), ids.iterator().next());
            if (keys.holds(Base64.getDecoder().decode(DEVELOPMENT_MASTER_KEY))) {
                refuse(MASTER_KEYS, "holds the public development master key, which only the dev profile accepts");
            }
        }
    }

    private void checkCheckpointKeys() {
        Optional<String> signing = value(CHECKPOINT_SIGNING_KEY);
        Optional<String> verifying = value(CHECKPOINT_PUBLIC_KEYS);
        if (signing.isEmpty()) {
            refuse(
                    CHECKPOINT_SIGNING_KEY,
                    "is not set: production supplies the Ed25519 key that signs the audit ledger's checkpoints "
                            + "(id:base64 PKCS#8) from a secret store");
        }
        if (verifying.isEmpty()) {
            refuse(
                    CHECKPOINT_PUBLIC_KEYS,
                    "is not set: the checkpoints' Ed25519 public keys (id:base64 X.509, separated by ';'), "
                            + "the signing key's among them");
            return;
        }
        try {
            CheckpointKeys.idsOf(verifying.get());
        } catch (IllegalArgumentException e) {
            // CheckpointKeys names the entry at fault by position or id, never by its key.
            refuse(CHECKPOINT_PUBLIC_KEYS, "cannot be read: " + e.getMessage());
            return;
        }
        if (signing.isEmpty()) {
            return;
        }
        CheckpointKeys keys;
        try {
            keys = CheckpointKeys.signing(signing.get(), verifying.get());
        } catch (IllegalArgumentException e) {
            refuse(CHECKPOINT_SIGNING_KEY, "cannot be used: " + e.getMessage());
            return;
        }
        if (!dev && keys.signsWith(Base64.getDecoder().decode(DEVELOPMENT_CHECKPOINT_KEY))) {
            refuse(
                    CHECKPOINT_SIGNING_KEY,
                    "is the public development signing key, which only the dev profile accepts: "
                            + "anyone could sign checkpoints with it");
        }
    }

    private void checkCustomerAuthenticator() {
        Optional<String> authenticator = value(CUSTOMER_AUTHENTICATOR);
        if (authenticator.isEmpty()) {
            refuse(
                    CUSTOMER_AUTHENTICATOR,
                    "is not set: production supplies ExpressPlay's customer authenticator " + "from a secret store");
        } else if (!AUTHENTICATOR.matcher(authenticator.get()).matches()) {
            refuse(CUSTOMER_AUTHENTICATOR, "is not shaped <customerId>,<32 hex digits>");
        } else if (!dev && authenticator.get().equalsIgnoreCase(DEVELOPMENT_AUTHENTICATOR)) {
            refuse(CUSTOMER_AUTHENTICATOR, "is the development authenticator, which only the dev profile accepts");
        }
    }

    private void checkExpressPlayUrl(String key, String example) {
        Optional<String> url = value(key);
        if (url.isEmpty()) {
            refuse(key, "is not set: ExpressPlay's host, e.g. " + example);
            return;
        }
        String scheme = httpScheme(url.get());
        if (scheme == null) {
            refuse(key, "is not an http(s) URL with a host");
        } else if (!dev && !scheme.equals("https")) {
            refuse(key, "is not https: every call carries the customer authenticator");
        }
    }

    private void checkJwtVerification() {
        if (value(ISSUER).isEmpty()) {
            refuse(ISSUER, "is not set: the issuer (iss) of the identity provider's tokens");
        }
        Optional<String> key = value(PUBLIC_KEY);
        Optional<String> location = value(PUBLIC_KEY_LOCATION);
        if (key.isEmpty() && location.isEmpty()) {
            refuse(
                    PUBLIC_KEY_LOCATION,
                    "is not set, nor is " + PUBLIC_KEY + ": one of them supplies the identity provider's public key");
        } else if (key.isPresent() && location.isPresent()) {
            refuse(PUBLIC_KEY_LOCATION, "is set together with " + PUBLIC_KEY + ": MicroProfile JWT accepts only one");
        }
        location.ifPresent(this::checkKeyLocation);
    }

    /**
     * MicroProfile JWT reads a location with a colon as a URL, and anything else as a path to a
     * file or to a resource of the deployment. Every token is verified with this key, so outside
     * the dev profile it must come from where no one on the network can swap it: https, a file
     * ({@code file:} or a path) or the deployment ({@code classpath:} or a path). Plain http, and
     * any scheme whose integrity is unknown, are refused.
     */
    private void checkKeyLocation(String location) {
        int colon = location.indexOf(':');
        if (colon < 0) {
            return;
        }
        switch (location.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "file", "classpath" -> {
                // a file, or a resource of the deployment
            }
            case "https" -> {
                if (httpScheme(location) == null) {
                    refuse(PUBLIC_KEY_LOCATION, "is not a URL with a host");
                }
            }
            case "http" -> {
                if (httpScheme(location) == null) {
                    refuse(PUBLIC_KEY_LOCATION, "is not a URL with a host");
                } else if (!dev) {
                    refuse(
                            PUBLIC_KEY_LOCATION,
                            "is plain http: the key that verifies every token must come "
                                    + "over https, from a file or from the deployment");
                }
            }
            default -> refuse(PUBLIC_KEY_LOCATION, "is neither a path nor an https:, file: or classpath: URL");
        }
    }

    /** {@code http} or {@code https} if {@code value} is such a URL with a host, else null. */
    private static String httpScheme(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            // Reported by the caller as a problem of its key; the exception quotes the value, so it is not passed on.
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
            return scheme;
        }
        return null;
    }

    private Optional<String> value(String key) {
        return lookup.apply(key).filter(value -> !value.isBlank());
    }

    private void refuse(String key, String reason) {
        problems.add(new Problem(key, reason));
    }
}
