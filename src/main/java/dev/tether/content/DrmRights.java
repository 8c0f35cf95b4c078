package dev.tether.content;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One DRM a title is packaged for, with what its token needs beside the title's key and windows:
 * the key id (Widevine and PlayReady), output protection (Widevine's security level and HDCP,
 * PlayReady's five output protection levels and unknown-output behaviour), whether a purchase may
 * be kept offline (PlayReady's persistent license: the only DRM whose documented table has the
 * flag), and what a device-bound request does where ExpressPlay cannot bind (Widevine). The
 * defaults are the safe ones: HDCP required, hardware-secure Widevine, no offline, refuse unbound.
 */
@Embeddable
public class DrmRights {

    /** A 16-byte key id in hex, or ExpressPlay's {@code ^string} form of up to 64 characters. */
    public static final String KEY_ID_PATTERN = "[0-9a-fA-F]{32}|\\^[\\x21-\\x7e]{1,64}";

    private static final Pattern KEY_ID = Pattern.compile(KEY_ID_PATTERN);

    public static final int DEFAULT_SECURITY_LEVEL = 5;
    public static final int DEFAULT_HDCP = 1;
    public static final int DEFAULT_ANALOG_VIDEO_OPL = 200;
    public static final int DEFAULT_COMPRESSED_DIGITAL_AUDIO_OPL = 250;
    public static final int DEFAULT_COMPRESSED_DIGITAL_VIDEO_OPL = 500;
    public static final int DEFAULT_UNCOMPRESSED_DIGITAL_AUDIO_OPL = 250;
    /** 300: the uncompressed digital video output must have HDCP engaged. */
    public static final int DEFAULT_UNCOMPRESSED_DIGITAL_VIDEO_OPL = 300;

    public static final String UNKNOWN_OUTPUT_PATTERN = "Allow|Disallow|SDOnly";
    public static final String DEFAULT_UNKNOWN_OUTPUT = "Disallow";

    @Enumerated(EnumType.STRING)
    @Column(name = "drm", nullable = false)
    private Drm drm;

    @Column(name = "key_id")
    private String keyId;

    @Column(name = "wv_security_level")
    private Integer securityLevel;

    @Column(name = "wv_hdcp_output_control")
    private Integer hdcpOutputControl;

    @Column(name = "pr_analog_video_opl")
    private Integer analogVideoOpl;

    @Column(name = "pr_compressed_digital_audio_opl")
    private Integer compressedDigitalAudioOpl;

    @Column(name = "pr_compressed_digital_video_opl")
    private Integer compressedDigitalVideoOpl;

    @Column(name = "pr_uncompressed_digital_audio_opl")
    private Integer uncompressedDigitalAudioOpl;

    @Column(name = "pr_uncompressed_digital_video_opl")
    private Integer uncompressedDigitalVideoOpl;

    @Column(name = "pr_unknown_output_behavior")
    private String unknownOutputBehavior;

    @Column(name = "persistent", nullable = false)
    private boolean persistent;

    @Enumerated(EnumType.STRING)
    @Column(name = "unbound_policy", nullable = false)
    private UnboundPolicy unboundPolicy;

    protected DrmRights() {}

    private DrmRights(Drm drm) {
        this.drm = Objects.requireNonNull(drm, "drm");
        this.unboundPolicy = UnboundPolicy.REFUSE;
    }

    /** FairPlay as every title before multi-DRM had it: its token carries no rights beyond the windows. */
    public static DrmRights fairPlay() {
        return new DrmRights(Drm.FAIRPLAY);
    }

    /**
     * FairPlay with a policy for an account that answers -6008 (no device binding): refuse, or a
     * time-bound token for the admitted device.
     */
    public static DrmRights fairPlay(UnboundPolicy unbound) {
        DrmRights rights = new DrmRights(Drm.FAIRPLAY);
        rights.unboundPolicy = Objects.requireNonNull(unbound, "unbound policy");
        return rights;
    }

    public static DrmRights widevine(String keyId, int securityLevel, int hdcpOutputControl, UnboundPolicy unbound) {
        DrmRights rights = new DrmRights(Drm.WIDEVINE);
        rights.keyId = requireKeyId(keyId);
        rights.securityLevel = range(securityLevel, 1, 5, "securityLevel");
        rights.hdcpOutputControl = range(hdcpOutputControl, 0, 2, "hdcpOutputControl");
        rights.unboundPolicy = Objects.requireNonNull(unbound, "unbound policy");
        return rights;
    }

    /** PlayReady's five output protection levels, in its parameter table's order. */
    public record Opl(
            int analogVideo,
            int compressedDigitalAudio,
            int compressedDigitalVideo,
            int uncompressedDigitalAudio,
            int uncompressedDigitalVideo) {

        public static final Opl DEFAULT = new Opl(
                DEFAULT_ANALOG_VIDEO_OPL,
                DEFAULT_COMPRESSED_DIGITAL_AUDIO_OPL,
                DEFAULT_COMPRESSED_DIGITAL_VIDEO_OPL,
                DEFAULT_UNCOMPRESSED_DIGITAL_AUDIO_OPL,
                DEFAULT_UNCOMPRESSED_DIGITAL_VIDEO_OPL);

        public Opl {
            range(analogVideo, 0, 999, "analogVideoOPL");
            range(compressedDigitalAudio, 0, 999, "compressedDigitalAudioOPL");
            range(compressedDigitalVideo, 0, 999, "compressedDigitalVideoOPL");
            range(uncompressedDigitalAudio, 0, 999, "uncompressedDigitalAudioOPL");
            range(uncompressedDigitalVideo, 0, 999, "uncompressedDigitalVideoOPL");
        }
    }

    public static DrmRights playReady(String keyId, Opl opl, String unknownOutputBehavior, boolean persistent) {
        DrmRights rights = new DrmRights(Drm.PLAYREADY);
        rights.keyId = requireKeyId(keyId);
        rights.analogVideoOpl = opl.analogVideo();
        rights.compressedDigitalAudioOpl = opl.compressedDigitalAudio();
        rights.compressedDigitalVideoOpl = opl.compressedDigitalVideo();
        rights.uncompressedDigitalAudioOpl = opl.uncompressedDigitalAudio();
        rights.uncompressedDigitalVideoOpl = opl.uncompressedDigitalVideo();
        if (unknownOutputBehavior == null || !unknownOutputBehavior.matches(UNKNOWN_OUTPUT_PATTERN)) {
            throw new IllegalArgumentException("unknownOutputBehavior must be Allow, Disallow or SDOnly");
        }
        rights.unknownOutputBehavior = unknownOutputBehavior;
        rights.persistent = persistent;
        return rights;
    }

    /** A random 16-byte key id, for demo titles. */
    static String randomKeyId(java.security.SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String requireKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId must be 32 hex digits or ^ and 1 to 64 printable characters");
        }
        return keyId.startsWith("^") ? keyId : keyId.toLowerCase(Locale.ROOT);
    }

    private static int range(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    public Drm drm() {
        return drm;
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<Integer> securityLevel() {
        return Optional.ofNullable(securityLevel);
    }

    public Optional<Integer> hdcpOutputControl() {
        return Optional.ofNullable(hdcpOutputControl);
    }

    /** PlayReady's output protection levels; empty for another DRM. */
    public Optional<Opl> opl() {
        if (drm != Drm.PLAYREADY || analogVideoOpl == null) {
            return Optional.empty();
        }
        return Optional.of(new Opl(
                analogVideoOpl,
                compressedDigitalAudioOpl,
                compressedDigitalVideoOpl,
                uncompressedDigitalAudioOpl,
                uncompressedDigitalVideoOpl));
    }

    public Optional<String> unknownOutputBehavior() {
        return Optional.ofNullable(unknownOutputBehavior);
    }

    /** Whether a purchase may be kept as a persistent (offline) license; a rental always is (PlayReady). */
    public boolean persistent() {
        return persistent;
    }

    public UnboundPolicy unboundPolicy() {
        return unboundPolicy;
    }

    @Override
    public String toString() {
        return "DrmRights[" + drm + "]";
    }
}
