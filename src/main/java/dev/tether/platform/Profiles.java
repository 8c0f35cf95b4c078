package dev.tether.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the MicroProfile Config profile {@code dev} is on, the one switch that allows development
 * values (secrets, plain http). Its value may list several profiles, comma-separated.
 */
public final class Profiles {

    /** The key that names the active profiles. */
    public static final String KEY = "mp.config.profile";

    public static final String DEV = "dev";

    private Profiles() {}

    public static boolean isDev(Optional<String> profiles) {
        return profiles.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(profile -> profile.strip().equals(DEV));
    }
}
