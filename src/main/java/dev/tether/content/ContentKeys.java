package dev.tether.content;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured master keys, as a bean. Keys opened for token requests are kept, by wrapped key
 * and title: every token request for a title needs its key, and a wrapped key never changes (a
 * re-wrap or a new key is a new wrapped key), so an entry cannot go stale. Held in memory only,
 * as the master keys are.
 */
@ApplicationScoped
public class ContentKeys {

    // Optional, so that a missing key is reported by the start-up check (dev.tether.startup),
    // which names every missing key, not by the container's injection validation.
    @Inject
    @ConfigProperty(name = "tether.content.master-keys")
    Optional<String> masterKeySpec;

    @Inject
    @ConfigProperty(name = "tether.content.active-master-key")
    Optional<String> activeMasterKey;

    /** More titles than this are opened afresh once the cache is cleared: a bound, not an eviction policy. */
    static final int OPENED_LIMIT = 10_000;

    private MasterKeys keys;

    private final Map<Opened, String> opened = new ConcurrentHashMap<>();

    private record Opened(WrappedKey wrapped, ContentId content) {}

    @PostConstruct
    void load() {
        keys = MasterKeys.parse(
                masterKeySpec.orElseThrow(() -> new IllegalStateException("tether.content.master-keys is not set")),
                activeMasterKey.orElse(null));
        masterKeySpec = null;
    }

    public String activeId() {
        return keys.activeId();
    }

    public WrappedKey wrap(String keyHex, ContentId content) {
        byte[] key = HexFormat.of().parseHex(keyHex);
        try {
            return keys.wrap(key, content);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The content key in hex, as ExpressPlay's token API wants it. */
    public String unwrapHex(WrappedKey wrapped, ContentId content) {
        byte[] key = keys.unwrap(wrapped, content);
        try {
            return HexFormat.of().formatHex(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The content key in hex for a token request, opened once per wrapped key. */
    public String tokenKeyHex(WrappedKey wrapped, ContentId content) {
        Opened id = new Opened(wrapped, content);
        String hex = opened.get(id);
        if (hex == null) {
            hex = unwrapHex(wrapped, content);
            if (opened.size() >= OPENED_LIMIT) {
                opened.clear();
            }
            opened.put(id, hex);
        }
        return hex;
    }

    public boolean isStale(WrappedKey wrapped) {
        return keys.isStale(wrapped);
    }
}
