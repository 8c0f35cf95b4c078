package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aValidTraceparentGivesItsTraceId() {
        assertEquals(Optional.of(TRACE_ID), RequestIds.fromTraceparent("00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        assertEquals(
                Optional.of(TRACE_ID),
                RequestIds.fromTraceparent("01-" + TRACE_ID + "-00f067aa0ba902b7-00-later-fields"),
                "a later version is read as version 00 reads it");
    }

    @Test
    void anInvalidTraceparentGivesNone() {
        for (String invalid : new String[] {
            null,
            "",
            "garbage",
            "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra"
        }) {
            assertEquals(Optional.empty(), RequestIds.fromTraceparent(invalid), String.valueOf(invalid));
        }
    }

    @Test
    void withoutATraceparentAFreshIdOfTheSameShape() {
        String one = RequestIds.forRequest(null);
        assertTrue(one.matches("[0-9a-f]{32}"), one);
        assertNotEquals(one, RequestIds.forRequest("garbage"));
    }

    @Test
    void aBindingLastsUntilItsScopeCloses() {
        assertEquals(Optional.empty(), RequestIds.current());
        try (RequestIds.Scope outer = RequestIds.bind("a")) {
            try (RequestIds.Scope inner = RequestIds.bind("b")) {
                assertEquals(Optional.of("b"), RequestIds.current());
            }
            assertEquals(Optional.of("a"), RequestIds.current());
        }
        assertEquals(Optional.empty(), RequestIds.current());
    }
}
