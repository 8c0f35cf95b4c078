package dev.tether.identity;

import dev.tether.platform.RefusedException;

/** A back-channel logout request refused: answered 400 in the form the specification gives. */
public class LogoutRefusedException extends RefusedException {

    public LogoutRefusedException(LogoutRefusal reason, String detail) {
        super(reason, detail);
    }
}
