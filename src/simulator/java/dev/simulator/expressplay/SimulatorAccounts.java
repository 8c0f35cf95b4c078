package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated customer accounts: the authenticators the simulator accepts, and what each
 * account may do. An account can be one that refuses device binding, as ExpressPlay's FairPlay
 * error table documents (-6008 "Device ID binding is not supported for FairPlay"): configured by
 * customer id, and switched at run time by an admin ({@link AccountsResource}).
 */
@ApplicationScoped
public class SimulatorAccounts {

    /** Separated by ';', because an authenticator itself contains a comma. */
    @Inject
    @ConfigProperty(name = "simulator.customer-authenticators", defaultValue = "1000,00112233445566778899aabbccddeeff")
    String authenticators;

    /** Customer ids (the part of an authenticator before its comma), separated by ','. */
    @Inject
    @ConfigProperty(name = "simulator.accounts-without-device-binding", defaultValue = " ")
    String withoutDeviceBinding;

    private final Map<String, Boolean> deviceBindingOverrides = new ConcurrentHashMap<>();

    /** The DRMs ("fairplay", "widevine", "playready") an admin disabled per customer id. */
    private final Map<String, Set<String>> disabledDrms = new ConcurrentHashMap<>();

    /** Whether the account of an accepted authenticator may have tokens of {@code drm}. */
    boolean serves(String authenticator, String drm) {
        return !disabledDrms.getOrDefault(customerId(authenticator), Set.of()).contains(drm);
    }

    Set<String> disabledDrms(String customerId) {
        return Set.copyOf(disabledDrms.getOrDefault(customerId, Set.of()));
    }

    void setDrmEnabled(String customerId, String drm, boolean enabled) {
        disabledDrms.compute(customerId, (id, current) -> {
            Set<String> next = new java.util.TreeSet<>(current == null ? Set.of() : current);
            if (enabled) {
                next.remove(drm);
            } else {
                next.add(drm);
            }
            return next.isEmpty() ? null : Set.copyOf(next);
        });
    }

    /** Empty if accepted, else the ExpressPlay error code: missing or invalid authenticator. */
    Optional<Integer> check(String authenticator) {
        if (authenticator == null || authenticator.isEmpty()) {
            return Optional.of(ErrorCodes.AUTHENTICATOR_MISSING);
        }
        boolean known =
                Arrays.stream(authenticators.split(";")).map(String::strip).anyMatch(authenticator::equals);
        return known ? Optional.empty() : Optional.of(ErrorCodes.AUTHENTICATOR_INVALID);
    }

    /** Whether the account of an accepted authenticator may put a device restriction into a token. */
    boolean bindsDevices(String authenticator) {
        return bindsDevicesById(customerId(authenticator));
    }

    boolean bindsDevicesById(String customerId) {
        Boolean override = deviceBindingOverrides.get(customerId);
        return override != null ? override : !configuredWithoutDeviceBinding().contains(customerId);
    }

    void setDeviceBinding(String customerId, boolean binds) {
        deviceBindingOverrides.put(customerId, binds);
    }

    void resetDeviceBinding(String customerId) {
        deviceBindingOverrides.remove(customerId);
    }

    static String customerId(String authenticator) {
        int comma = authenticator.indexOf(',');
        return (comma < 0 ? authenticator : authenticator.substring(0, comma)).strip();
    }

    private Set<String> configuredWithoutDeviceBinding() {
        return Arrays.stream(withoutDeviceBinding.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
    }
}
