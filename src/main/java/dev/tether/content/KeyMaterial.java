package dev.tether.content;

/** A content key and IV in hex. {@link #toString()} never shows them, so they cannot leak into a log by accident. */
public record KeyMaterial(String keyHex, String ivHex) {

    @Override
    public String toString() {
        return "KeyMaterial[redacted]";
    }
}
