package dev.tether.audit.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ledger's settings (README, Configuration); the keys are checked at start-up by {@code dev.tether.startup}. */
@ApplicationScoped
public class LedgerSettings {

    public static final String SIGNING_KEY = "tether.audit.checkpoint.signing-key";
    public static final String PUBLIC_KEYS = "tether.audit.checkpoint.public-keys";
    public static final String EVERY_EVENTS = "tether.audit.checkpoint.every-events";
    public static final String EVERY = "tether.audit.checkpoint.every";
    public static final String FILE = "tether.audit.checkpoint.file";
    public static final String ENABLED = "tether.audit.ledger.enabled";

    /** Off only to measure what the chain costs (README, "The audit ledger"): events are then not chained. */
    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = SIGNING_KEY)
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = PUBLIC_KEYS)
    Optional<String> publicKeys;

    @Inject
    @ConfigProperty(name = EVERY_EVENTS, defaultValue = "1000")
    long everyEvents;

    @Inject
    @ConfigProperty(name = EVERY, defaultValue = "PT1M")
    Duration every;

    @Inject
    @ConfigProperty(name = FILE)
    Optional<String> file;

    private volatile CheckpointKeys keys;

    /** The signing and public keys, read once; the start-up check has refused a configuration without them. */
    public CheckpointKeys keys() {
        CheckpointKeys read = keys;
        if (read == null) {
            read = CheckpointKeys.signing(
                    signingKey.orElseThrow(() -> new IllegalStateException(SIGNING_KEY + " is not set")),
                    publicKeys.orElseThrow(() -> new IllegalStateException(PUBLIC_KEYS + " is not set")));
            keys = read;
        }
        return read;
    }

    public boolean enabled() {
        return enabled;
    }

    public long everyEvents() {
        return Math.max(1, everyEvents);
    }

    public Duration every() {
        return every;
    }

    /** Where each checkpoint is appended as it is made, if anywhere. */
    public Optional<String> file() {
        return file.filter(f -> !f.isBlank());
    }
}
