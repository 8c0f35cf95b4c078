-- Concurrent stream limits (issue 17). One script for H2 and PostgreSQL: standard SQL only.

-- One lease per stream Tether licensed (a granted requestType 1 or 3): it runs while
-- now < expires_at, where expires_at is the last renewal plus heartbeat interval x grace, so that
-- "running" is an indexed comparison on every instance and no scheduler decides it. ended_at and
-- ended_by say why a lease stopped before it expired (user, stop-oldest, admin, revocation, reset,
-- expired as noticed by a later admission, or not-issued when ExpressPlay gave no token).
CREATE TABLE stream_lease (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id           VARCHAR(255) NOT NULL,
    device_id         VARCHAR(255),
    content_id        VARCHAR(255) NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_seconds INTEGER      NOT NULL,
    grace             INTEGER      NOT NULL,
    stream_limit      INTEGER      NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    ended_by          VARCHAR(16),
    ended_actor       VARCHAR(255)
);
CREATE INDEX ix_stream_lease_user ON stream_lease (user_id, ended_at, expires_at);
CREATE INDEX ix_stream_lease_expires ON stream_lease (expires_at);

-- Admins' overrides of the default stream policy, one row per user ('user:<id>') or SSO group
-- ('group:<name>'). A user's admission is serialised by their device_policy row's lock, not by these.
CREATE TABLE stream_policy (
    subject           VARCHAR(300) NOT NULL PRIMARY KEY,
    max_streams       INTEGER      NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    heartbeat_seconds INTEGER,
    grace             INTEGER,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(255) NOT NULL
);

-- The most streams each account ran at once on each UTC day, raised by the stream admissions
-- (under the user's lock, so one user's rows never race) for the summary's peak concurrency.
CREATE TABLE stream_peak (
    peak_day DATE        NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    peak    INTEGER      NOT NULL,
    PRIMARY KEY (peak_day, user_id)
);
