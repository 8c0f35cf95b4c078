package dev.tether.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the SCIM endpoint reads of a User and a PatchOp, and what it refuses. */
class ScimJsonTest {

    private static final String USER = "{\"schemas\":[\"" + ScimJson.USER_SCHEMA + "\"],";
    private static final String PATCH = "{\"schemas\":[\"" + ScimJson.PATCH_SCHEMA + "\"],\"Operations\":";

    @Test
    void aUserKeepsItsAttributesAndDropsNameAndEmails() {
        ScimUser user = read(USER
                + "\"userName\":\"alice\",\"externalId\":\"e-1\",\"displayName\":\"Alice\",\"active\":false,"
                + "\"name\":{\"givenName\":\"A\"},\"emails\":[{\"value\":\"a@example.com\"}],"
                + "\"" + ScimJson.ENTERPRISE_SCHEMA + "\":{\"department\":\"x\"}}");

        assertEquals(new ScimUser("alice", "e-1", "Alice", Optional.of(false)), user);
    }

    @Test
    void attributeNamesAreCaseInsensitive() {
        assertEquals("bob", read(USER + "\"USERNAME\":\"bob\"}").userName());
    }

    @Test
    void badUsersAreRefusedWithTheirScimType() {
        assertRefused(ScimRefusal.INVALID_SYNTAX, () -> ScimJson.object("{".getBytes(StandardCharsets.UTF_8)));
        assertRefused(ScimRefusal.INVALID_SYNTAX, () -> ScimJson.object("[1]".getBytes(StandardCharsets.UTF_8)));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read(USER + "\"userName\":\"a\",\"shoeSize\":42}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read("{\"userName\":\"a\"}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read("{\"schemas\":[\"urn:other\"],\"userName\":\"a\"}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read(USER + "\"active\":true}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read(USER + "\"userName\":\" \"}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read(USER + "\"userName\":\"a\",\"active\":1}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> read(USER + "\"userName\":\"a\",\"emails\":\"a@b\"}"));
    }

    @Test
    void patchesAsOktaAndEntraIdSendThem() {
        assertEquals(
                Optional.of(false),
                patch(PATCH + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
                        .active());
        ScimPatch entra = patch(PATCH
                + "[{\"op\":\"Replace\",\"value\":{\"active\":\"False\",\"displayName\":\"Gone\"}},"
                + "{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"e-9\"}]}");
        assertEquals(new ScimPatch(Optional.of("e-9"), Optional.of("Gone"), Optional.of(false)), entra);
        assertEquals(
                Optional.of(""),
                patch(PATCH + "[{\"op\":\"remove\",\"path\":\"displayName\"}]}").displayName());
    }

    @Test
    void badPatchesAreRefusedWithTheirScimType() {
        assertRefused(ScimRefusal.INVALID_VALUE, () -> patch(PATCH + "[]}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> patch(PATCH + "[{\"op\":\"move\",\"path\":\"active\"}]}"));
        assertRefused(
                ScimRefusal.INVALID_PATH,
                () -> patch(PATCH + "[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}"));
        assertRefused(
                ScimRefusal.MUTABILITY,
                () -> patch(PATCH + "[{\"op\":\"add\",\"path\":\"userName\",\"value\":\"x\"}]}"));
        assertRefused(ScimRefusal.MUTABILITY, () -> patch(PATCH + "[{\"op\":\"remove\",\"path\":\"active\"}]}"));
        assertRefused(ScimRefusal.NO_TARGET, () -> patch(PATCH + "[{\"op\":\"remove\"}]}"));
        assertRefused(
                ScimRefusal.INVALID_VALUE,
                () -> patch(PATCH + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"yes\"}]}"));
        assertRefused(ScimRefusal.INVALID_VALUE, () -> patch(PATCH + "[{\"op\":\"replace\",\"value\":true}]}"));
        assertRefused(
                ScimRefusal.INVALID_VALUE,
                () -> patch(PATCH + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true,\"x\":1}]}"));
    }

    private static ScimUser read(String json) {
        return ScimJson.user(ScimJson.object(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ScimPatch patch(String json) {
        return ScimJson.patch(ScimJson.object(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(ScimRefusal expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(ScimRefusedException.class, call).refusal());
    }
}
