package dev.tether.content;

import dev.tether.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the registration content and two demo titles so the flow works out of the box. Keys are
 * random per database and wrapped under the active master key like any other: demo content must never share key material with a real deployment.
 * Off unless {@code tether.demo.seed=true}, as the dev profile sets it: production manages its own catalog.
 */
@ApplicationScoped
public class DemoCatalog {

    public static final ContentId REGISTRATION = new ContentId("tether-registration");
    public static final ContentId MOVIE = new ContentId("demo-movie");
    public static final ContentId PREVIEW = new ContentId("demo-preview");
    /** Packaged for FairPlay, Widevine and PlayReady, with the default (safe) rights of each. */
    public static final ContentId MULTI_DRM = new ContentId("demo-multi-drm");

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "tether.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    ContentCatalog catalog;

    @Inject
    ContentKeys keys;

    void onSchemaReady(@Observes SchemaReady schemaReady) {
        if (!seed) {
            return;
        }
        Instant now = Instant.now();
        int added = catalog.seed(List.of(
                title(REGISTRATION, Duration.ofHours(1), Duration.ZERO, registrationDrms(), true, now),
                title(MOVIE, Duration.ofHours(1), Duration.ofHours(48), List.of(DrmRights.fairPlay()), false, now),
                // A short token window, to watch a token expire before it is redeemed.
                title(PREVIEW, Duration.ofSeconds(3), Duration.ZERO, List.of(DrmRights.fairPlay()), false, now),
                title(MULTI_DRM, Duration.ofHours(1), Duration.ofHours(48), allDrms(), false, now)));
        if (added > 0) {
            LOG.info(() ->
                    "Seeded the demo catalog: " + REGISTRATION + ", " + MOVIE + ", " + PREVIEW + ", " + MULTI_DRM);
        }
    }

    /** The registration dummy for devices of every DRM, as migration V9 gives an existing one. */
    private static List<DrmRights> registrationDrms() {
        return List.of(
                DrmRights.fairPlay(),
                DrmRights.widevine("^" + REGISTRATION.value(), 1, 0, UnboundPolicy.REFUSE),
                DrmRights.playReady(
                        "^" + REGISTRATION.value(), new DrmRights.Opl(100, 100, 400, 100, 100), "Allow", false));
    }

    private static List<DrmRights> allDrms() {
        return List.of(
                DrmRights.fairPlay(),
                DrmRights.widevine(
                        DrmRights.randomKeyId(RANDOM),
                        DrmRights.DEFAULT_SECURITY_LEVEL,
                        DrmRights.DEFAULT_HDCP,
                        UnboundPolicy.REFUSE),
                DrmRights.playReady(
                        DrmRights.randomKeyId(RANDOM), DrmRights.Opl.DEFAULT, DrmRights.DEFAULT_UNKNOWN_OUTPUT, false));
    }

    /** A demo title with fresh random key material (dropped unused when the title exists). */
    private Content title(
            ContentId id,
            Duration tokenLifetime,
            Duration rental,
            List<DrmRights> drms,
            boolean registration,
            Instant now) {
        return new Content(
                id,
                keys.wrap(randomHex16(), id),
                randomHex16(),
                ContentPolicy.open(tokenLifetime, rental),
                drms,
                registration,
                now);
    }

    private static String randomHex16() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
