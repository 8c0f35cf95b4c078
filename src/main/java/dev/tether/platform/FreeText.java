package dev.tether.platform;

import java.util.regex.Pattern;

/**
 * The one rule for text that people type and others read (device labels, admins' reasons, user
 * ids from the SSO): no control characters (Unicode category Cc), no format characters (Cf:
 * bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order mark), no
 * line or paragraph separators (Zl, Zp) and no lone surrogate halves (Cs). Each can make text
 * read differently from what it holds: a right-to-left override turns {@code exe.pdf} around, an
 * invisible character makes two ids look alike, a line break forges a line in a log or a report.
 */
public final class FreeText {

    /** One character the rule allows, as a regular expression (Java's, as Bean Validation uses it). */
    public static final String CHARACTER = "[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]";

    /** The rule in words, for answers that refuse a text. */
    public static final String RULE =
            "printable text: no control, format (bidirectional or invisible) or line and paragraph separator characters";

    private static final Pattern TEXT = Pattern.compile(CHARACTER + "*");

    private FreeText() {}

    public static boolean isPrintable(String text) {
        return text != null && TEXT.matcher(text).matches();
    }
}
