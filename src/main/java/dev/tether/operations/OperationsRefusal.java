package dev.tether.operations;

import dev.tether.platform.Refusal;

/** Why an operator's tool refuses to run. */
public enum OperationsRefusal implements Refusal {
    /** The contract check needs the registration content's key to ask for a token. */
    NO_REGISTRATION_CONTENT(Kind.CONFLICT);

    private final Kind kind;

    OperationsRefusal(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
