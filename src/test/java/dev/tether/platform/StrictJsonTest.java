package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reading of a body: what is one JSON object, and what each refusal is. */
class StrictJsonTest {

    private static JsonObject read(String body) {
        return StrictJson.readObject(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " {\"a\":1} \r\n\t",
                "{\"a\":-0,\"b\":999999999999999999,\"c\":-999999999999999999}",
                "{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}",
                "{\"s\":\"\\u00e9\\ud83c\\udfac\",\"t\":true,\"f\":false,\"n\":null}"
            })
    void readsExactlyOneObject(String body) {
        assertTrue(read(body).getValueType() == jakarta.json.JsonValue.ValueType.OBJECT);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | NOT_AN_OBJECT
            '   '                               | NOT_AN_OBJECT
            null                                | NOT_AN_OBJECT
            []                                  | NOT_AN_OBJECT
            '"text"'                            | NOT_AN_OBJECT
            7                                   | NOT_AN_OBJECT
            {                                   | NOT_JSON
            {"a":}                              | NOT_JSON
            {a:1}                               | NOT_JSON
            {"a":1,}                            | NOT_JSON
            {"a":NaN}                           | NOT_JSON
            {"a":01}                            | NOT_JSON
            {}{}                                | TRAILING_CONTENT
            {} {"a":1}                          | TRAILING_CONTENT
            {}]                                 | TRAILING_CONTENT
            {} x                                | TRAILING_CONTENT
            {"a":1,"a":1}                       | DUPLICATE_MEMBER
            {"a":1,"b":{"c":1,"c":2}}           | DUPLICATE_MEMBER
            {"a":[{"b":1,"b":1}]}               | DUPLICATE_MEMBER
            {"a":1.0}                           | NOT_AN_INTEGER
            {"a":1e2}                           | NOT_AN_INTEGER
            {"a":1E-2}                          | NOT_AN_INTEGER
            {"a":1e999999999999}                | NOT_AN_INTEGER
            {"a":9999999999999999999}           | NOT_AN_INTEGER
            {"a":-1234567890123456789012345}    | NOT_AN_INTEGER
            {"a":[[[[[[[[1]]]]]]]]}             | TOO_DEEP
            {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}} | TOO_DEEP
            """)
    void refuses(String body, StrictJson.Violation violation) {
        StrictJson.MalformedJsonException refused =
                assertThrows(StrictJson.MalformedJsonException.class, () -> read(body));
        assertEquals(violation, refused.violation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\u00e9\"}", "{\"a\":\"\uFEFF\"}"})
    void refusesBytesThatAreNotUtf8(String body) {
        byte[] latin1 = body.getBytes(StandardCharsets.ISO_8859_1);
        latin1[latin1.length - 3] = (byte) 0xff;
        assertEquals(
                StrictJson.Violation.NOT_UTF8,
                assertThrows(StrictJson.MalformedJsonException.class, () -> StrictJson.readObject(latin1))
                        .violation());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "Application/JSON",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "application/json; charset=\"utf-8\""
            })
    void acceptsJsonInUtf8(String contentType) {
        assertTrue(StrictJson.isJsonMediaType(contentType));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "text/plain",
                "application/json5",
                "application/jsonp",
                "application/problem+json",
                "application/json; charset=iso-8859-1",
                "application/json; charset=utf-16",
                "application/json; charset=utf-8; boundary=x",
                "application/json; boundary=x",
                "application/json;",
                "application/json, text/plain"
            })
    void refusesEveryOtherContentType(String contentType) {
        assertFalse(StrictJson.isJsonMediaType(contentType));
    }
}
