package dev.tether.identity;

import dev.tether.platform.RefusedException;

/** A SCIM request refused: answered in the SCIM error format, not as problem+json. */
public class ScimRefusedException extends RefusedException {

    public ScimRefusedException(ScimRefusal reason, String detail) {
        super(reason, detail);
    }

    public ScimRefusal refusal() {
        return (ScimRefusal) reason();
    }
}
