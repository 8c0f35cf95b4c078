package dev.tether.binding;

/** A {@link DeviceRoster} wired to in-memory repositories, for tests outside this package. */
public final class Rosters {

    private Rosters() {
    }

    public static DeviceRoster of(InMemoryDevices devices, InMemoryDevicePolicies policies, int defaultLimit) {
        DeviceRoster roster = new DeviceRoster();
        roster.devices = devices;
        roster.policies = policies;
        roster.defaultLimit = defaultLimit;
        return roster;
    }
}
