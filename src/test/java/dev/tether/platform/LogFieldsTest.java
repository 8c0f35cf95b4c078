package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log fields go to whichever facility the server has, and to none without failing when it has none. */
class LogFieldsTest {

    /** A facility of the MDC's shape: static put and remove on the calling thread. */
    public static final class FakeMdc {
        static final Map<String, String> FIELDS = new HashMap<>();

        public static String put(String name, String value) {
            return FIELDS.put(name, value);
        }

        public static String remove(String name) {
            return FIELDS.remove(name);
        }
    }

    /** A facility that fails on every call. */
    public static final class BrokenMdc {
        public static void put(String name, String value) {
            throw new IllegalStateException("broken");
        }

        public static void remove(String name) {
            throw new IllegalStateException("broken");
        }
    }

    /** Sees the JDK only: neither server's classes. */
    private static final ClassLoader NO_SERVER = new ClassLoader(null) {};

    @AfterEach
    void clear() {
        LogFields.bind(Map.of()).close();
        FakeMdc.FIELDS.clear();
    }

    @Test
    void withNeitherServersFacilityTheFieldsGoNowhereAndNothingFails() {
        LogFields.Sink none = LogFields.Sink.find(List.of(NO_SERVER));
        assertEquals("none", none.name());
        assertDoesNotThrow(() -> none.put(LogFields.REQUEST_ID, "4bf92f3577b34da6a3ce929d0e0e4736"));
        assertDoesNotThrow(() -> none.remove(LogFields.REQUEST_ID));
        assertNull(LogFields.Sink.of(
                NO_SERVER, "com.ibm.websphere.logging.hpel.LogRecordContext", "addExtension", "removeExtension"));
        assertNull(LogFields.Sink.of(NO_SERVER, "org.jboss.logmanager.MDC", "put", "remove"));
    }

    @Test
    void aClassWithoutTheMethodsIsNoFacility() {
        assertNull(LogFields.Sink.of(getClass().getClassLoader(), String.class.getName(), "put", "remove"));
    }

    @Test
    void aFacilityFoundByNameReceivesTheFieldsAndLosesThemOnRemove() {
        LogFields.Sink sink = LogFields.Sink.of(getClass().getClassLoader(), FakeMdc.class.getName(), "put", "remove");
        assertNotNull(sink);
        sink.put(LogFields.USER_ID, "user-1");
        assertEquals("user-1", FakeMdc.FIELDS.get(LogFields.USER_ID));
        sink.remove(LogFields.USER_ID);
        assertNull(FakeMdc.FIELDS.get(LogFields.USER_ID));
    }

    @Test
    void aFailingFacilityDoesNotFailTheRequest() {
        LogFields.Sink sink =
                LogFields.Sink.of(getClass().getClassLoader(), BrokenMdc.class.getName(), "put", "remove");
        assertNotNull(sink);
        assertDoesNotThrow(() -> sink.put(LogFields.USER_ID, "user-1"));
        assertDoesNotThrow(() -> sink.remove(LogFields.USER_ID));
    }

    @Test
    void aBindingReplacesTheFieldsAndItsEndRestoresThem() {
        try (LogFields.Scope request = LogFields.bind(Map.of(LogFields.REQUEST_ID, "a".repeat(32)))) {
            LogFields.put(LogFields.USER_ID, "user-1");
            try (LogFields.Scope decision = LogFields.with(Map.of(LogFields.DECISION, "REFUSED", "token", "x"))) {
                assertEquals(
                        Map.of(
                                LogFields.REQUEST_ID,
                                "a".repeat(32),
                                LogFields.USER_ID,
                                "user-1",
                                LogFields.DECISION,
                                "REFUSED"),
                        LogFields.current(),
                        "only Tether's own names are fields");
            }
            assertEquals(
                    Map.of(LogFields.REQUEST_ID, "a".repeat(32), LogFields.USER_ID, "user-1"), LogFields.current());
            try (LogFields.Scope attempt = LogFields.bind(Map.of(LogFields.REQUEST_ID, "b".repeat(32)))) {
                assertEquals(Map.of(LogFields.REQUEST_ID, "b".repeat(32)), LogFields.current());
            }
            assertEquals("user-1", LogFields.current().get(LogFields.USER_ID));
        }
        assertEquals(Map.of(), LogFields.current(), "the end of the request leaves no field on the thread");
    }
}
