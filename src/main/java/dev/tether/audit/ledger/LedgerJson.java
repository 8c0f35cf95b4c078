package dev.tether.audit.ledger;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's JSON forms: one event per line of the streamed export (its fields under the CSV
 * export's names, with {@code seq} and {@code hash}; the detail as its JSON text, verbatim, since
 * that text is what is hashed; absent values left out), and one checkpoint per line of the
 * checkpoint file. The offline verifier reads what these write.
 */
public final class LedgerJson {

    private LedgerJson() {}

    /** One line of the streamed export, without its line feed. */
    public static String eventLine(long id, LedgerRecord r, String hash) {
        JsonObjectBuilder line = Jsonp.provider()
                .createObjectBuilder()
                .add("seq", r.seq())
                .add("hash", hash)
                .add("id", id);
        put(line, "occurredAt", LedgerRecord.time(r.occurredAt()));
        put(line, "type", r.type());
        put(line, "outcome", r.outcome());
        put(line, "reasonCode", r.reasonCode());
        put(line, "userId", r.userId());
        put(line, "deviceId", r.deviceId());
        put(line, "contentId", r.contentId());
        put(line, "cookie", r.cookie());
        put(line, "tokenFingerprint", r.tokenFingerprint());
        put(line, "tokenExpiresAt", LedgerRecord.time(r.tokenExpiresAt()));
        put(line, "requestId", r.requestId());
        put(line, "clientAddress", r.clientAddress());
        put(line, "actorId", r.actorId());
        put(line, "detail", r.detail());
        return line.build().toString();
    }

    /** An exported line read back. */
    public static ChainVerifier.Entry entry(String line) {
        JsonObject o = object(line);
        LedgerRecord record = new LedgerRecord(
                o.getJsonNumber("seq").longValueExact(),
                instant(o, "occurredAt"),
                text(o, "type"),
                text(o, "outcome"),
                text(o, "reasonCode"),
                text(o, "userId"),
                text(o, "deviceId"),
                text(o, "contentId"),
                text(o, "cookie"),
                text(o, "tokenFingerprint"),
                instant(o, "tokenExpiresAt"),
                text(o, "requestId"),
                text(o, "clientAddress"),
                text(o, "actorId"),
                text(o, "detail"));
        return new ChainVerifier.Entry(record, text(o, "hash"));
    }

    /** One line of the checkpoint file, without its line feed; also the JSON the API serves. */
    public static String checkpointLine(CheckpointView c) {
        return Jsonp.provider()
                .createObjectBuilder()
                .add("seq", c.seq())
                .add("hash", c.hash())
                .add("time", c.time().toString())
                .add("keyId", c.keyId())
                .add("signature", c.signature())
                .build()
                .toString();
    }

    /** Checkpoints from a checkpoint file (one per line) or from the API's answer (a JSON array). */
    public static List<CheckpointView> checkpoints(String text) {
        List<CheckpointView> checkpoints = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try (JsonReader reader = Jsonp.provider().createReader(new StringReader(trimmed))) {
                for (JsonValue value : reader.readArray()) {
                    checkpoints.add(checkpoint(value.asJsonObject()));
                }
            }
            return checkpoints;
        }
        for (String line : trimmed.split("\r?\n")) {
            if (!line.isBlank()) {
                checkpoints.add(checkpoint(object(line)));
            }
        }
        return checkpoints;
    }

    private static CheckpointView checkpoint(JsonObject o) {
        return new CheckpointView(
                o.getJsonNumber("seq").longValueExact(),
                text(o, "hash"),
                Instant.parse(text(o, "time")),
                text(o, "keyId"),
                text(o, "signature"));
    }

    private static JsonObject object(String line) {
        try (JsonReader reader = Jsonp.provider().createReader(new StringReader(line))) {
            JsonStructure structure = reader.read();
            return structure.asJsonObject();
        }
    }

    private static void put(JsonObjectBuilder line, String name, String value) {
        if (value != null) {
            line.add(name, value);
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                ? null
                : ((JsonString) value).getString();
    }

    private static Instant instant(JsonObject o, String name) {
        String value = text(o, name);
        return value == null ? null : Instant.parse(value);
    }
}
