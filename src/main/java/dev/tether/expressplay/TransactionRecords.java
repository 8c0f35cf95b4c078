package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Reads ExpressPlay's record retrieval answers without knowing their schema. What is documented:
 * the selectors (DOMAIN.md, "Record retrieval"), and a field called {@code event_id}, which
 * suggests snake_case member names. What is assumed, each in one place here: the member names
 * (both spellings, compared with case, {@code _} and {@code -} folded away, so {@code device_id},
 * {@code deviceId} and {@code DeviceID} are one name), the container (a top-level array, an object
 * wrapping the array, or one bare event), the time (ISO-8601 text, with or without an offset, or
 * epoch seconds or milliseconds, as a number or as digits) and the id (a number or a text).
 *
 * <p>A record about the cookie that names no readable device id does not count towards its
 * device; the lookup logs one warning for them, with their member names and the answer's
 * format, never their values: that is how a change of format shows in production before every
 * device-bound request is answered "not redeemed yet".
 */
public final class TransactionRecords {

    private static final Logger LOG = Logger.getLogger(TransactionRecords.class.getName());

    // Candidate member names, folded (see fold). The first found wins.
    private static final List<String> ID = List.of("eventid", "id");
    private static final List<String> TIME =
            List.of("time", "timestamp", "eventtime", "datetime", "date", "createdat", "created");
    private static final List<String> COOKIE = List.of("cookie", "customercookie");
    private static final List<String> TYPE = List.of("eventtype", "type");
    private static final List<String> DEVICE = List.of("deviceid", "device");
    /** Where an object wrapping the events is likeliest to hold them; failing these, its only array. */
    private static final List<String> WRAPPERS =
            List.of("records", "events", "transactions", "data", "items", "results", "result");

    /** Epoch numbers from here on are milliseconds: 10^11 seconds after 1970 is the year 5138. */
    static final long EPOCH_MILLIS_FROM = 100_000_000_000L;

    /** How deep a wrapped array or a record's nested member is looked for. */
    private static final int DEPTH = 2;

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,19}(\\.\\d+)?");

    private TransactionRecords() {}

    /** How an answer was written, as far as Tether could tell: for the log and the operator. */
    public record Format(String container, String names, String times, String ids) {

        @Override
        public String toString() {
            return container + ", " + names + " member names, " + times + " times, " + ids + " ids";
        }
    }

    /** The records of one answer, and its format. */
    public record Reading(List<TransactionRecord> records, Format format) {

        public Reading {
            records = List.copyOf(records);
        }

        /**
         * The devices the visible records show redeeming {@code cookie}'s token. Records about
         * other cookies do not count; records about this one that name no readable device are
         * counted as unreadable, and logged in one warning.
         */
        public CookieRedemptions redemptionsOf(Cookie cookie) {
            Set<DeviceId> devices = new LinkedHashSet<>();
            List<TransactionRecord> unreadable = new ArrayList<>();
            for (TransactionRecord record : records) {
                if (!isAbout(record, cookie.value())) {
                    continue;
                }
                Optional<String> device = record.deviceId().filter(DeviceId::isWellFormed);
                if (device.isPresent()) {
                    devices.add(new DeviceId(device.get()));
                } else {
                    unreadable.add(record);
                }
            }
            if (!unreadable.isEmpty()) {
                warn(cookie, unreadable, devices.size(), format);
            }
            return new CookieRedemptions(devices, unreadable.size(), format.toString());
        }
    }

    /**
     * Reads a record retrieval answer. An empty body or JSON {@code null} holds no record; anything
     * that is not JSON, or JSON of no record shape (a number, a text), is a misbehaving answer.
     */
    public static Reading read(String body) {
        if (body == null || body.isBlank()) {
            return new Reading(List.of(), new Format("empty body", "no", "no", "no"));
        }
        JsonValue json;
        try (JsonReader reader = Jsonp.provider().createReader(new StringReader(body))) {
            json = reader.readValue();
        } catch (JsonException e) {
            throw new ExpressPlayMisbehavedException(
                    "ExpressPlay record retrieval answered something that is not JSON", e);
        }
        String container;
        List<JsonValue> elements;
        if (json instanceof JsonArray array) {
            container = "top-level array";
            elements = array;
        } else if (json instanceof JsonObject object) {
            // An event of its own (an answer to id= may well be one) before a wrapper: an event's
            // own array members must not be taken for the list of events.
            Optional<Map.Entry<String, JsonArray>> wrapped =
                    isEvent(object) ? Optional.empty() : wrappedArray(object, "", DEPTH);
            if (wrapped.isPresent()) {
                container = "array in member '" + wrapped.get().getKey() + "'";
                elements = wrapped.get().getValue();
            } else {
                container = "single object";
                elements = List.of(object);
            }
        } else if (json.getValueType() == JsonValue.ValueType.NULL) {
            return new Reading(List.of(), new Format("null", "no", "no", "no"));
        } else {
            throw new ExpressPlayMisbehavedException(
                    "ExpressPlay record retrieval answered a JSON " + json.getValueType() + ", not records");
        }
        List<TransactionRecord> records = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        Set<String> times = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (JsonValue element : elements) {
            if (element instanceof JsonObject object) {
                records.add(record(object, times, ids));
                collectNames(object, names, DEPTH);
            }
        }
        return new Reading(records, new Format(container, naming(names), described(times), described(ids)));
    }

    /** A record is about the cookie its cookie member holds, or, without one, a cookie it holds under another name. */
    private static boolean isAbout(TransactionRecord record, String cookie) {
        return record.cookie().isPresent() ? record.isFor(cookie) : record.mentions(cookie);
    }

    private static TransactionRecord record(JsonObject object, Set<String> times, Set<String> ids) {
        Optional<JsonValue> id = member(object, ID);
        id.ifPresent(value -> ids.add(value instanceof JsonNumber ? "numeric" : "text"));
        Optional<JsonValue> time = member(object, TIME);
        Optional<Instant> instant = time.flatMap(value -> instant(value, times));
        Set<String> texts = new LinkedHashSet<>();
        collectTexts(object, texts, DEPTH);
        return new TransactionRecord(
                id.flatMap(TransactionRecords::text),
                instant,
                member(object, COOKIE).flatMap(TransactionRecords::text),
                member(object, TYPE).flatMap(TransactionRecords::text),
                member(object, DEVICE).flatMap(TransactionRecords::text),
                List.copyOf(object.keySet()),
                texts);
    }

    /** The first candidate found, on the record itself before its nested objects. */
    private static Optional<JsonValue> member(JsonObject object, List<String> candidates) {
        for (String candidate : candidates) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (fold(entry.getKey()).equals(candidate) && isScalar(entry.getValue())) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        for (JsonValue value : object.values()) {
            if (value instanceof JsonObject nested) {
                Optional<JsonValue> found = member(nested, candidates);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** An object that names a cookie or a device itself is an event, not a wrapper of events. */
    private static boolean isEvent(JsonObject object) {
        return object.entrySet().stream()
                .anyMatch(entry -> isScalar(entry.getValue())
                        && (COOKIE.contains(fold(entry.getKey())) || DEVICE.contains(fold(entry.getKey()))));
    }

    private static Optional<Map.Entry<String, JsonArray>> wrappedArray(JsonObject object, String path, int depth) {
        for (String wrapper : WRAPPERS) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (fold(entry.getKey()).equals(wrapper) && entry.getValue() instanceof JsonArray array) {
                    return Optional.of(Map.entry(path + entry.getKey(), array));
                }
            }
        }
        List<Map.Entry<String, JsonValue>> arrays = object.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof JsonArray)
                .toList();
        if (arrays.size() == 1) {
            return Optional.of(Map.entry(
                    path + arrays.get(0).getKey(), arrays.get(0).getValue().asJsonArray()));
        }
        if (depth > 1) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (entry.getValue() instanceof JsonObject nested) {
                    Optional<Map.Entry<String, JsonArray>> found =
                            wrappedArray(nested, path + entry.getKey() + ".", depth - 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** ISO-8601 text (an offset or Z; without one, UTC is assumed), or epoch seconds or milliseconds. */
    private static Optional<Instant> instant(JsonValue value, Set<String> times) {
        if (value instanceof JsonNumber number) {
            return epoch(number.bigDecimalValue(), times);
        }
        if (!(value instanceof JsonString string)) {
            times.add("unreadable");
            return Optional.empty();
        }
        String text = string.getString().strip();
        if (DIGITS.matcher(text).matches()) {
            return epoch(new BigDecimal(text), times);
        }
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            Instant instant = OffsetDateTime.parse(iso).toInstant();
            times.add("ISO-8601");
            return Optional.of(instant);
        } catch (DateTimeParseException withoutOffset) {
            try {
                Instant instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                times.add("ISO-8601 without offset (UTC assumed)");
                return Optional.of(instant);
            } catch (DateTimeParseException e) {
                times.add("unreadable");
                return Optional.empty();
            }
        }
    }

    private static Optional<Instant> epoch(BigDecimal value, Set<String> times) {
        try {
            if (value.abs().compareTo(BigDecimal.valueOf(EPOCH_MILLIS_FROM)) >= 0) {
                times.add("epoch milliseconds");
                return Optional.of(Instant.ofEpochMilli(value.longValue()));
            }
            times.add("epoch seconds");
            BigDecimal nanos = value.remainder(BigDecimal.ONE).movePointRight(9);
            return Optional.of(Instant.ofEpochSecond(value.longValue(), nanos.longValue()));
        } catch (ArithmeticException | DateTimeException e) {
            times.add("unreadable");
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.isIntegral() ? number.bigIntegerValue().toString() : number.toString());
        }
        return Optional.empty();
    }

    private static boolean isScalar(JsonValue value) {
        return value instanceof JsonString || value instanceof JsonNumber;
    }

    private static void collectTexts(JsonObject object, Set<String> texts, int depth) {
        for (JsonValue value : object.values()) {
            if (value instanceof JsonString string) {
                texts.add(string.getString());
            } else if (value instanceof JsonObject nested && depth > 1) {
                collectTexts(nested, texts, depth - 1);
            }
        }
    }

    private static void collectNames(JsonObject object, Set<String> names, int depth) {
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            names.add(entry.getKey());
            if (entry.getValue() instanceof JsonObject nested && depth > 1) {
                collectNames(nested, names, depth - 1);
            }
        }
    }

    /** {@code event_id}, {@code eventId}, {@code EventID} and {@code event-id} all fold to {@code eventid}. */
    static String fold(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String naming(Set<String> names) {
        boolean snake = names.stream().anyMatch(name -> name.contains("_"));
        boolean camel =
                names.stream().anyMatch(name -> !name.contains("_") && !name.equals(name.toLowerCase(Locale.ROOT)));
        if (snake && camel) {
            return "mixed";
        }
        if (snake) {
            return "snake_case";
        }
        if (camel) {
            return "camelCase";
        }
        return names.isEmpty() ? "no" : "one-word";
    }

    private static String described(Set<String> kinds) {
        return kinds.isEmpty() ? "no" : String.join(" and ", kinds);
    }

    private static void warn(Cookie cookie, List<TransactionRecord> unreadable, int readable, Format format) {
        Set<String> members = new TreeSet<>();
        unreadable.forEach(record -> members.addAll(record.memberNames()));
        LOG.warning(() -> "ExpressPlay record retrieval: " + unreadable.size() + " record(s) about cookie "
                + cookie.value().substring(0, 4) + "... name no device id Tether can read, so they do not count"
                + " towards the cookie's device (" + readable + " readable device(s) beside them). Their members: "
                + members + "; the answer: " + format + ". Has ExpressPlay changed its record format?"
                + " (README: \"Choices where the specifications are silent\")");
    }
}
