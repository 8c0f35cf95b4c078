-- Users as the company's directory provisions them through SCIM (the same users as the SSO
-- token's subject: user_name), and the sessions the IdP logged out through back-channel logout.
-- One script for H2 and PostgreSQL: standard SQL only.

CREATE TABLE directory_user (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_name       VARCHAR(255) NOT NULL,
    external_id     VARCHAR(255),
    display_name    VARCHAR(255),
    active          BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at  TIMESTAMP WITH TIME ZONE,
    deleted         BOOLEAN      NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_directory_user_name UNIQUE (user_name)
);

-- One row per logout token: its jti (replays refused), the session (sid) or subject it ended,
-- when, and until when a token it covers could still be presented (then the row is removed).
CREATE TABLE logged_out_session (
    jti             VARCHAR(255) NOT NULL PRIMARY KEY,
    issuer          VARCHAR(255) NOT NULL,
    session_id      VARCHAR(255),
    subject         VARCHAR(255),
    logged_out_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    covers_until    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_logged_out_session_sid ON logged_out_session (session_id);
CREATE INDEX ix_logged_out_session_sub ON logged_out_session (subject);
CREATE INDEX ix_logged_out_session_until ON logged_out_session (covers_until);
