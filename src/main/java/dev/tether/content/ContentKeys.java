package dev.tether.content;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured master keys, as a bean. Unwrapped keys are not cached: a GCM open costs
 * microseconds beside ExpressPlay's round trip (issue 8 profiles before anything is cached).
 */
@ApplicationScoped
public class ContentKeys {

    @Inject
    @ConfigProperty(name = "tether.content.master-keys")
    String masterKeySpec;

    @Inject
    @ConfigProperty(name = "tether.content.active-master-key")
    String activeMasterKey;

    private MasterKeys keys;

    @PostConstruct
    void load() {
        keys = MasterKeys.parse(masterKeySpec, activeMasterKey);
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

    public boolean isStale(WrappedKey wrapped) {
        return keys.isStale(wrapped);
    }
}
