package dev.tether.content;

/**
 * A wrapped content key could not be opened: its master key is not configured, or the wrap was
 * altered (the GCM tag does not match). The message names the key id and content, never key bytes.
 */
public class KeyUnwrapException extends IllegalStateException {

    public KeyUnwrapException(String message) {
        super(message);
    }

    public KeyUnwrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
