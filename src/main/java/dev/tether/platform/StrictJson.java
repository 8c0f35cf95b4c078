package dev.tether.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a request body as exactly one JSON object, strictly: UTF-8, nothing after the object, no
 * member name twice in one object, at most {@link #MAX_DEPTH} levels, and numbers only as integer
 * literals that fit a {@code long}. Lenient readers take the first or the last of two members
 * of one name, ignore what follows the first object and turn {@code 1e0} into 1, so that two
 * readers of one body can disagree about what it asks for; every JSON field of Tether takes
 * whole numbers, so a fraction or an exponent is refused here rather than rounded or overflowed
 * by a parser.
 */
public final class StrictJson {

    /** Nesting levels of objects and arrays, the body's own object being the first. */
    public static final int MAX_DEPTH = 8;

    /** An integer literal of at most 18 digits: always within the range of a long. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private static final JsonProvider JSON = Jsonp.provider();

    /** What makes a body unreadable; the text is for the client and quotes nothing of the body. */
    public enum Violation {
        NOT_UTF8("The request body is not UTF-8."),
        NOT_JSON("The request body is not JSON."),
        NOT_AN_OBJECT("The request body must be one JSON object."),
        TRAILING_CONTENT("The request body must hold one JSON object and nothing after it."),
        DUPLICATE_MEMBER("A member name appears twice in one JSON object."),
        TOO_DEEP("The request body nests objects or arrays deeper than " + MAX_DEPTH + " levels."),
        NOT_AN_INTEGER("Numbers must be integer literals of at most 18 digits (no fraction, no exponent).");

        private final String text;

        Violation(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A body that {@link #readObject} refuses, with its {@link Violation}. */
    public static final class MalformedJsonException extends RuntimeException {

        private final Violation violation;

        MalformedJsonException(Violation violation) {
            super(violation.name(), null, false, false);
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    private StrictJson() {}

    /** The body's one JSON object; a {@link MalformedJsonException} for anything else. */
    public static JsonObject readObject(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new MalformedJsonException(Violation.NOT_AN_OBJECT);
        }
        InputStreamReader reader = new InputStreamReader(
                new ByteArrayInputStream(body),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonParser parser = JSON.createParser(reader)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedJsonException(Violation.NOT_AN_OBJECT);
            }
            JsonObject object = object(parser, 1);
            if (hasMore(parser)) {
                throw new MalformedJsonException(Violation.TRAILING_CONTENT);
            }
            return object;
        } catch (JsonParsingException | NoSuchElementException | IllegalStateException e) {
            throw new MalformedJsonException(Violation.NOT_JSON);
        } catch (JsonException e) {
            // The decoder's refusal of a byte sequence arrives wrapped in the parser's I/O failure.
            throw new MalformedJsonException(
                    e.getCause() instanceof CharacterCodingException ? Violation.NOT_UTF8 : Violation.NOT_JSON);
        }
    }

    /**
     * Whether {@code contentType} is {@code application/json}, with at most a {@code charset}
     * parameter of {@code utf-8} (JSON has no other encoding, RFC 8259 section 8.1).
     */
    public static boolean isJsonMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (parts.length > 2 || !parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        String[] parameter = parts[1].split("=", -1);
        if (parameter.length != 2 || !parameter[0].trim().equalsIgnoreCase("charset")) {
            return false;
        }
        String value = parameter[1].trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.equalsIgnoreCase("utf-8");
    }

    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            // The parser refuses the token after the object: there is one.
            return true;
        }
    }

    private static JsonObject object(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException(Violation.TOO_DEEP);
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw new MalformedJsonException(Violation.DUPLICATE_MEMBER);
            }
            object.add(name, value(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException(Violation.TOO_DEEP);
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> JSON.createValue(parser.getString());
            case VALUE_NUMBER -> integer(parser.getString());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new MalformedJsonException(Violation.NOT_JSON);
        };
    }

    /** The number from its literal, read only once the literal is known to fit: no parser overflows. */
    private static JsonValue integer(String literal) {
        if (!INTEGER.matcher(literal).matches()) {
            throw new MalformedJsonException(Violation.NOT_AN_INTEGER);
        }
        return JSON.createValue(Long.parseLong(literal));
    }
}
