package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The free-text rule: letters of any script and symbols pass; Cc, Cf, Cs, Zl and Zp do not. */
class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Anna's iPhone", "Zoë", "東京の端末", "🎬 living room", "a b\u00a0c", "-=+@", ""})
    void printableTextPasses(String text) {
        assertTrue(FreeText.isPrintable(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b", // NUL (Cc)
                "a\nb", // line feed (Cc)
                "a\tb", // tab (Cc)
                "a\u007fb", // DEL (Cc)
                "a\u0085b", // next line (Cc)
                "fdp.\u202eexe", // right-to-left override (Cf)
                "a\u2066b\u2069", // left-to-right isolate (Cf)
                "ad\u200bmin", // zero-width space (Cf)
                "a\u200db", // zero-width joiner (Cf)
                "\ufeffalice", // byte-order mark (Cf)
                "a\u00adb", // soft hyphen (Cf)
                "a\u2028b", // line separator (Zl)
                "a\u2029b", // paragraph separator (Zp)
                "a\ud800b" // lone surrogate (Cs)
            })
    void controlFormatAndSeparatorCharactersDoNot(String text) {
        assertFalse(FreeText.isPrintable(text));
    }
}
