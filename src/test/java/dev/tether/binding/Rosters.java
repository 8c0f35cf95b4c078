package dev.tether.binding;

import java.time.Duration;

/** A {@link DeviceRoster} wired to in-memory repositories, for tests outside this package. */
public final class Rosters {

    private Rosters() {}

    public static DeviceRoster of(InMemoryDevices devices, InMemoryDevicePolicies policies, int defaultLimit) {
        DeviceRoster roster = new DeviceRoster();
        roster.devices = devices;
        roster.policies = policies;
        roster.settings = settings(defaultLimit, Duration.ofDays(30));
        return roster;
    }

    /** The device policy's settings, as configuration would give them. */
    public static BindingSettings settings(int defaultLimit, Duration cookieLifetime) {
        BindingSettings settings = new BindingSettings();
        settings.maxActiveDevices = defaultLimit;
        settings.cookieLifetime = cookieLifetime;
        return settings;
    }
}
