-- The DRMs a title is packaged for, one row per DRM, with that DRM's rights policy (issue 16).
-- Columns of another DRM stay NULL. Every existing title was FairPlay-only, so each gets its
-- FairPlay row; the registration content (a dummy whose token only logs a device's id against a
-- cookie) gets Widevine and PlayReady too, so that devices of every DRM can register, with the
-- least demanding rights and ExpressPlay's string form of key id, ^ and the content id.
CREATE TABLE content_drm (
    content_id                        VARCHAR(128) NOT NULL REFERENCES content (content_id),
    drm                               VARCHAR(16)  NOT NULL,
    key_id                            VARCHAR(65),
    wv_security_level                 INTEGER,
    wv_hdcp_output_control            INTEGER,
    pr_analog_video_opl               INTEGER,
    pr_compressed_digital_audio_opl   INTEGER,
    pr_compressed_digital_video_opl   INTEGER,
    pr_uncompressed_digital_audio_opl INTEGER,
    pr_uncompressed_digital_video_opl INTEGER,
    pr_unknown_output_behavior        VARCHAR(16),
    persistent                        BOOLEAN      NOT NULL DEFAULT FALSE,
    unbound_policy                    VARCHAR(16)  NOT NULL DEFAULT 'REFUSE',
    PRIMARY KEY (content_id, drm)
);

INSERT INTO content_drm (content_id, drm, persistent, unbound_policy)
SELECT content_id, 'FAIRPLAY', FALSE, 'REFUSE' FROM content;

INSERT INTO content_drm (content_id, drm, key_id, wv_security_level, wv_hdcp_output_control, persistent, unbound_policy)
SELECT content_id, 'WIDEVINE', '^' || content_id, 1, 0, FALSE, 'REFUSE'
FROM content WHERE registration = TRUE AND LENGTH(content_id) <= 64;

INSERT INTO content_drm (content_id, drm, key_id, pr_analog_video_opl, pr_compressed_digital_audio_opl,
                         pr_compressed_digital_video_opl, pr_uncompressed_digital_audio_opl,
                         pr_uncompressed_digital_video_opl, pr_unknown_output_behavior, persistent, unbound_policy)
SELECT content_id, 'PLAYREADY', '^' || content_id, 100, 100, 400, 100, 100, 'Allow', FALSE, 'REFUSE'
FROM content WHERE registration = TRUE AND LENGTH(content_id) <= 64;
