package dev.tether.identity;

import java.util.List;
import java.util.Optional;

/**
 * A SCIM PATCH (RFC 7644 section 3.5.2) reduced to what it changes of the attributes Tether
 * keeps: each present field is the value it is set to; a removed attribute is an empty string.
 */
public record ScimPatch(Optional<String> externalId, Optional<String> displayName, Optional<Boolean> active) {

    /** The operations in order, as {@code (attribute, value)}: a later one wins. */
    static ScimPatch of(List<String[]> changes) {
        Optional<String> externalId = Optional.empty();
        Optional<String> displayName = Optional.empty();
        Optional<Boolean> active = Optional.empty();
        for (String[] change : changes) {
            switch (change[0]) {
                case "externalId" -> externalId = Optional.of(change[1]);
                case "displayName" -> displayName = Optional.of(change[1]);
                case "active" -> active = Optional.of(Boolean.valueOf(change[1]));
                default -> throw new IllegalArgumentException(change[0]);
            }
        }
        return new ScimPatch(externalId, displayName, active);
    }
}
