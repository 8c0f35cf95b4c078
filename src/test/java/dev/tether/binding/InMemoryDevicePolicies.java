package dev.tether.binding;

import dev.tether.security.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link DevicePolicies} over a map, counting the locks taken: admission promises when it locks. */
public class InMemoryDevicePolicies extends DevicePolicies {

    private final Map<UserId, DevicePolicy> policies = new HashMap<>();
    private int locks;

    /** The user's policy with an admin's override of the default limit. */
    public DevicePolicy override(UserId user, int limit) {
        DevicePolicy policy = policies.computeIfAbsent(user, DevicePolicy::new);
        policy.override(Optional.of(limit));
        return policy;
    }

    @Override
    public Optional<DevicePolicy> find(UserId user) {
        return Optional.ofNullable(policies.get(user));
    }

    @Override
    public DevicePolicy lock(UserId user) {
        locks++;
        return policies.computeIfAbsent(user, DevicePolicy::new);
    }

    @Override
    public void create(UserId user) {
        policies.computeIfAbsent(user, DevicePolicy::new);
    }

    /** How many times a policy row was locked. */
    public int locks() {
        return locks;
    }
}
