package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieTest {

    @Test
    void mintedCookiesFitExpressPlayAndCarry144RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Cookie cookie = Cookie.mint();
            assertEquals(24, cookie.value().length(), "18 random bytes in URL-safe base64");
            assertTrue(cookie.value().length() <= Cookie.MAX_LENGTH);
            assertTrue(Cookie.isWellFormed(cookie.value()));
            seen.add(cookie.value());
        }
        assertEquals(10_000, seen.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "a-b_c-d_e-f_g-h_"})
    void clientCookiesOfTheRightShapeAreAccepted(String value) {
        assertEquals(value, new Cookie(value).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "short",
                "abcdefghijklmno",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
                "abcdefghijklmnop!",
                "abcdefgh ijklmnop",
                "abcdefghijklmnop\n",
                "ábcdefghijklmnop"
            })
    void otherCookiesAreRefused(String value) {
        assertFalse(Cookie.isWellFormed(value));
        assertThrows(IllegalArgumentException.class, () -> new Cookie(value));
    }
}
