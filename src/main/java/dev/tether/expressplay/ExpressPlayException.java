package dev.tether.expressplay;

/** Anything that kept ExpressPlay from answering a call with what was asked. */
public abstract class ExpressPlayException extends RuntimeException {

    protected ExpressPlayException(String message, Throwable cause) {
        super(message, cause);
    }
}
