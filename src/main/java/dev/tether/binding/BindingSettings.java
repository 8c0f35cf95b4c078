package dev.tether.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The device policy's configuration: each {@code tether.binding.*} key and its default, declared
 * here and nowhere else (the properties file does not repeat them), so that every class that
 * applies the policy reads the same value.
 */
@ApplicationScoped
public class BindingSettings {

    @Inject
    @ConfigProperty(name = "tether.binding.max-active-devices", defaultValue = "3")
    int maxActiveDevices;

    @Inject
    @ConfigProperty(name = "tether.binding.removal-cooldown", defaultValue = "P30D")
    Duration removalCooldown;

    @Inject
    @ConfigProperty(name = "tether.binding.reset-request-lifetime", defaultValue = "P2D")
    Duration resetRequestLifetime;

    @Inject
    @ConfigProperty(name = "tether.binding.cookie-lifetime", defaultValue = "P30D")
    Duration cookieLifetime;

    /** The device limit of a user without an admin's override. */
    public int maxActiveDevices() {
        return maxActiveDevices;
    }

    /** A subscriber may remove one device per this period. */
    public Duration removalCooldown() {
        return removalCooldown;
    }

    /** How long a two-person reset request waits for the second admin, and the longest one may ask for. */
    public Duration resetRequestLifetime() {
        return resetRequestLifetime;
    }

    /** How long a registration (its cookie) stays usable. */
    public Duration cookieLifetime() {
        return cookieLifetime;
    }
}
