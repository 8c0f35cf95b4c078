package dev.tether.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A title's DRMs: the safe defaults, what each DRM takes, and what does not fit. */
class DrmRightsTest {

    private static final String KID = "00112233445566778899aabbccddeeff";

    private static ContentRequests.Drm entry(String drm, String keyId) {
        return new ContentRequests.Drm(drm, keyId, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void absentFieldsTakeTheSafeDefaults() {
        List<DrmRights> drms = DrmEntries.of(List.of(entry("widevine", KID), entry("playready", "^title")));

        DrmRights widevine = drms.get(0);
        assertEquals(Optional.of(5), widevine.securityLevel());
        assertEquals(Optional.of(1), widevine.hdcpOutputControl(), "HDCP required");
        assertEquals(UnboundPolicy.REFUSE, widevine.unboundPolicy());
        assertFalse(widevine.persistent());
        DrmRights playReady = drms.get(1);
        assertEquals(Optional.of(DrmRights.Opl.DEFAULT), playReady.opl());
        assertEquals(Optional.of("Disallow"), playReady.unknownOutputBehavior());
        assertFalse(playReady.persistent(), "no offline");
        assertEquals(Optional.of("^title"), playReady.keyId());
    }

    @Test
    void anEntryThatDoesNotFitItsDrmIsRefused() {
        List<List<ContentRequests.Drm>> misfits = List.of(
                List.of(entry("widevine", null)),
                List.of(entry("fairplay", null), entry("fairplay", null)),
                List.of(new ContentRequests.Drm(
                        "playready", KID, 3, null, null, null, null, null, null, null, null, null)),
                List.of(new ContentRequests.Drm(
                        "widevine", KID, null, null, 100, null, null, null, null, null, null, null)),
                List.of(new ContentRequests.Drm(
                        "widevine", KID, null, null, null, null, null, null, null, null, true, null)),
                List.of(new ContentRequests.Drm(
                        "playready", KID, null, null, null, null, null, null, null, null, null, "time-bound")));
        for (List<ContentRequests.Drm> misfit : misfits) {
            RefusedException refused = assertThrows(RefusedException.class, () -> DrmEntries.of(misfit));
            assertEquals(ContentRefusal.INVALID_DRMS, refused.reason(), misfit.toString());
        }
    }

    @Test
    void aTitleFindsItsRightsPerDrmAndADrmChangeIsAPolicyChange() {
        Content content = new Content(
                new ContentId("t"),
                new WrappedKey("dev-1", "sealed"),
                KID,
                ContentPolicy.open(Duration.ofHours(1), Duration.ZERO),
                List.of(DrmRights.fairPlay()),
                false,
                Instant.EPOCH);
        assertTrue(content.rightsFor(Drm.FAIRPLAY).isPresent());
        assertTrue(content.rightsFor(Drm.WIDEVINE).isEmpty());

        content.update(
                content.policy(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(List.of(DrmRights.fairPlay(), DrmRights.widevine(KID, 2, 0, UnboundPolicy.TIME_BOUND))),
                Instant.EPOCH);

        assertEquals(2, content.policyVersion());
        assertEquals(
                UnboundPolicy.TIME_BOUND,
                content.rightsFor(Drm.WIDEVINE).orElseThrow().unboundPolicy());
        assertThrows(
                IllegalArgumentException.class,
                () -> content.update(
                        content.policy(), Optional.empty(), Optional.empty(), Optional.of(List.of()), Instant.EPOCH),
                "at least one DRM");
    }
}
