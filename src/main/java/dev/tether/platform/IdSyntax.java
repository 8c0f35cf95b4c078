package dev.tether.platform;

/**
 * The characters of the ids Tether exchanges with ExpressPlay and its clients (content ids, device
 * ids, SSO groups): one character class and its wording, so that a pattern, the Bean Validation
 * annotation built on it and the message that explains it cannot drift apart. Each id type adds
 * its own length: {@code CHARACTERS + "{1," + MAX_LENGTH + "}"} stays a compile-time constant.
 */
public final class IdSyntax {

    /** One allowed character, as a regular expression. */
    public static final String CHARACTERS = "[A-Za-z0-9._:-]";

    /** {@link #CHARACTERS} in words, for messages. */
    public static final String CHARACTERS_TEXT = "letters, digits, '.', '_', ':' or '-'";

    private IdSyntax() {}
}
