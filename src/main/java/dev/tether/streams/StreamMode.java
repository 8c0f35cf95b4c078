package dev.tether.streams;

import java.util.Arrays;
import java.util.Optional;

/** What a stream over the limit does: it is refused, or it ends the user's oldest streams to make room. */
public enum StreamMode {
    BLOCK_NEW("block-new"),
    STOP_OLDEST("stop-oldest");

    private final String text;

    StreamMode(String text) {
        this.text = text;
    }

    /** The name in configuration, the admin API and the audit trail. */
    public String text() {
        return text;
    }

    public static Optional<StreamMode> of(String text) {
        return Arrays.stream(values()).filter(m -> m.text.equals(text)).findFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
