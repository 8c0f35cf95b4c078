package dev.tether.identity;

import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user as the company's directory provisions them through SCIM. {@code userName} is the SSO
 * token's subject, so a SCIM-created user and a user first seen on a SEES request are one user; a
 * user the directory never named has no row and keeps access. A deleted user keeps its row
 * (inactive, hidden from SCIM) so that access stays ended until the directory creates it again.
 */
@Entity
@Table(name = "directory_user")
public class DirectoryUser {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "user_name", nullable = false, unique = true, updatable = false)
    private String userName;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Version
    private long version;

    protected DirectoryUser() {}

    public DirectoryUser(UserId user, String externalId, String displayName, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userName = Objects.requireNonNull(user).value();
        this.externalId = externalId;
        this.displayName = displayName;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the attributes the directory owns; the caller applies {@code active} through {@link #deactivate} / {@link #activate}. */
    public void replace(String newExternalId, String newDisplayName, Instant now) {
        this.externalId = newExternalId;
        this.displayName = newDisplayName;
        this.updatedAt = now;
    }

    /** Ends access; returns whether it was active before (a second deactivation changes nothing). */
    public boolean deactivate(Instant now) {
        this.updatedAt = now;
        if (!active) {
            return false;
        }
        this.active = false;
        this.deactivatedAt = now;
        return true;
    }

    /** Restores access (not devices: those were removed); returns whether it was inactive before. */
    public boolean activate(Instant now) {
        this.updatedAt = now;
        if (active) {
            return false;
        }
        this.active = true;
        this.deactivatedAt = null;
        return true;
    }

    /** Deleted in the directory: inactive and hidden; returns whether it was active before. */
    public boolean delete(Instant now) {
        boolean wasActive = deactivate(now);
        this.deleted = true;
        return wasActive;
    }

    /** Created again after a deletion: visible and active again, the old attributes replaced. */
    public void recreate(String newExternalId, String newDisplayName, Instant now) {
        this.deleted = false;
        this.createdAt = now;
        replace(newExternalId, newDisplayName, now);
        activate(now);
    }

    public String id() {
        return id;
    }

    public UserId user() {
        return new UserId(userName);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    public boolean isActive() {
        return active;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
