package dev.tether.identity;

import dev.tether.platform.Jsonp;
import dev.tether.platform.StrictJson;
import dev.tether.security.UserId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes SCIM 2.0 JSON (RFC 7643, 7644) for the User resource: strictly, so a body that
 * is not JSON, names an attribute Tether does not know or gives one a value of the wrong type is
 * refused with the SCIM error that says so, never half-applied. Attribute names are
 * case-insensitive, as RFC 7643 section 2.1 says.
 */
public final class ScimJson {

    public static final String MEDIA_TYPE = "application/scim+json";
    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** Attributes a User body may carry; the ones not kept are checked for type and dropped. */
    private static final Set<String> USER_ATTRIBUTES = Set.of(
            "schemas",
            "id",
            "externalid",
            "username",
            "displayname",
            "active",
            "name",
            "emails",
            "meta",
            ENTERPRISE_SCHEMA.toLowerCase(Locale.ROOT));

    private ScimJson() {}

    /** The body's one JSON object, or the SCIM error {@code invalidSyntax}. */
    public static JsonObject object(byte[] body) {
        try {
            return StrictJson.readObject(body);
        } catch (StrictJson.MalformedJsonException e) {
            throw refused(ScimRefusal.INVALID_SYNTAX, "The body is not one JSON object (" + e.violation() + ").");
        }
    }

    /** A User body of a POST or PUT. */
    public static ScimUser user(JsonObject body) {
        schemas(body, USER_SCHEMA);
        for (String name : body.keySet()) {
            if (!USER_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
                throw refused(ScimRefusal.INVALID_VALUE, "Unknown attribute '" + name + "' for a User.");
            }
        }
        Optional<String> userName = string(body, "userName");
        if (userName.isEmpty()) {
            throw refused(ScimRefusal.INVALID_VALUE, "userName is required.");
        }
        if (!UserId.isWellFormed(userName.get())) {
            throw refused(ScimRefusal.INVALID_VALUE, "userName: " + UserId.RULE + ".");
        }
        expect(body, "name", JsonValue.ValueType.OBJECT);
        expect(body, "emails", JsonValue.ValueType.ARRAY);
        expect(body, "meta", JsonValue.ValueType.OBJECT);
        expect(body, ENTERPRISE_SCHEMA, JsonValue.ValueType.OBJECT);
        Optional<String> externalId = string(body, "externalId");
        Optional<String> displayName = string(body, "displayName");
        externalId.ifPresent(v -> bounded("externalId", v));
        displayName.ifPresent(v -> bounded("displayName", v));
        Optional<JsonValue> active = member(body, "active");
        return new ScimUser(
                userName.get(), externalId.orElse(null), displayName.orElse(null), active.map(v -> bool("active", v)));
    }

    /**
     * A PatchOp body: {@code add}/{@code replace} of {@code active}, {@code displayName} or
     * {@code externalId} (with a path, or without one and a value object, as Entra ID and Okta
     * send them), {@code remove} of the latter two.
     */
    public static ScimPatch patch(JsonObject body) {
        schemas(body, PATCH_SCHEMA);
        for (String name : body.keySet()) {
            if (!name.equalsIgnoreCase("schemas") && !name.equalsIgnoreCase("Operations")) {
                throw refused(ScimRefusal.INVALID_VALUE, "Unknown member '" + name + "' of a PatchOp.");
            }
        }
        JsonValue operations = member(body, "Operations")
                .orElseThrow(() -> refused(ScimRefusal.INVALID_VALUE, "Operations is required."));
        if (operations.getValueType() != JsonValue.ValueType.ARRAY
                || operations.asJsonArray().isEmpty()) {
            throw refused(ScimRefusal.INVALID_VALUE, "Operations must be a non-empty array.");
        }
        List<String[]> changes = new ArrayList<>();
        for (JsonValue operation : operations.asJsonArray()) {
            if (operation.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(ScimRefusal.INVALID_VALUE, "Each operation is an object.");
            }
            operation(operation.asJsonObject(), changes);
        }
        return ScimPatch.of(changes);
    }

    private static void operation(JsonObject operation, List<String[]> changes) {
        for (String name : operation.keySet()) {
            if (!Set.of("op", "path", "value").contains(name.toLowerCase(Locale.ROOT))) {
                throw refused(ScimRefusal.INVALID_VALUE, "Unknown member '" + name + "' of an operation.");
            }
        }
        String op = string(operation, "op")
                .orElseThrow(() -> refused(ScimRefusal.INVALID_VALUE, "Each operation has an op."))
                .toLowerCase(Locale.ROOT);
        Optional<String> path = string(operation, "path");
        Optional<JsonValue> value = member(operation, "value");
        switch (op) {
            case "add", "replace" -> {
                JsonValue given = value.orElseThrow(
                        () -> refused(ScimRefusal.INVALID_VALUE, "An " + op + " operation has a value."));
                if (path.isPresent()) {
                    changes.add(change(attribute(path.get()), given));
                } else if (given.getValueType() == JsonValue.ValueType.OBJECT) {
                    for (var entry : given.asJsonObject().entrySet()) {
                        changes.add(change(attribute(entry.getKey()), entry.getValue()));
                    }
                } else {
                    throw refused(ScimRefusal.INVALID_VALUE, "Without a path, the value is an object of attributes.");
                }
            }
            case "remove" -> {
                String attribute = attribute(
                        path.orElseThrow(() -> refused(ScimRefusal.NO_TARGET, "A remove operation needs a path.")));
                if (attribute.equals("active")) {
                    throw refused(ScimRefusal.MUTABILITY, "active cannot be removed; set it to false.");
                }
                changes.add(new String[] {attribute, ""});
            }
            default -> throw refused(ScimRefusal.INVALID_VALUE, "op must be add, replace or remove.");
        }
    }

    /** The attribute a path or a value's key names, in its canonical spelling. */
    private static String attribute(String path) {
        String name = path.startsWith(USER_SCHEMA + ":") ? path.substring(USER_SCHEMA.length() + 1) : path;
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "active" -> "active";
            case "displayname" -> "displayName";
            case "externalid" -> "externalId";
            case "username", "id" -> throw refused(ScimRefusal.MUTABILITY, name + " cannot be changed.");
            default -> throw refused(ScimRefusal.INVALID_PATH, "Tether does not keep the attribute '" + name + "'.");
        };
    }

    private static String[] change(String attribute, JsonValue value) {
        if (attribute.equals("active")) {
            return new String[] {attribute, Boolean.toString(bool("active", value))};
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw refused(ScimRefusal.INVALID_VALUE, attribute + " is a string.");
        }
        String text = ((JsonString) value).getString();
        bounded(attribute, text);
        return new String[] {attribute, text};
    }

    /**
     * A boolean, or the strings "True"/"False" as Entra ID sends them in a PATCH.
     */
    private static boolean bool(String name, JsonValue value) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) value).getString();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw refused(ScimRefusal.INVALID_VALUE, name + " is true or false.");
    }

    private static void bounded(String name, String value) {
        if (value.length() > UserId.MAX_LENGTH) {
            throw refused(ScimRefusal.INVALID_VALUE, name + " is at most " + UserId.MAX_LENGTH + " characters.");
        }
    }

    private static void schemas(JsonObject body, String required) {
        JsonValue schemas =
                member(body, "schemas").orElseThrow(() -> refused(ScimRefusal.INVALID_VALUE, "schemas is required."));
        if (schemas.getValueType() != JsonValue.ValueType.ARRAY) {
            throw refused(ScimRefusal.INVALID_VALUE, "schemas is an array of schema URIs.");
        }
        JsonArray list = schemas.asJsonArray();
        boolean found = false;
        for (JsonValue schema : list) {
            if (schema.getValueType() != JsonValue.ValueType.STRING) {
                throw refused(ScimRefusal.INVALID_VALUE, "schemas is an array of schema URIs.");
            }
            String uri = ((JsonString) schema).getString();
            if (uri.equals(required)) {
                found = true;
            } else if (!(required.equals(USER_SCHEMA) && uri.equals(ENTERPRISE_SCHEMA))) {
                throw refused(ScimRefusal.INVALID_VALUE, "Unknown schema '" + uri + "'.");
            }
        }
        if (!found) {
            throw refused(ScimRefusal.INVALID_VALUE, "schemas must contain " + required + ".");
        }
    }

    private static Optional<JsonValue> member(JsonObject body, String name) {
        for (var entry : body.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonObject body, String name) {
        Optional<JsonValue> value = member(body, name);
        if (value.isPresent() && value.get().getValueType() != JsonValue.ValueType.STRING) {
            throw refused(ScimRefusal.INVALID_VALUE, name + " is a string.");
        }
        return value.map(v -> ((JsonString) v).getString());
    }

    private static void expect(JsonObject body, String name, JsonValue.ValueType type) {
        Optional<JsonValue> value = member(body, name);
        if (value.isPresent() && value.get().getValueType() != type) {
            throw refused(ScimRefusal.INVALID_VALUE, name + " is of the wrong type.");
        }
    }

    /** The SCIM representation of {@code user}, its location under {@code base}. */
    public static JsonObject render(DirectoryUser user, String location) {
        JsonObjectBuilder json = Jsonp.provider()
                .createObjectBuilder()
                .add("schemas", Jsonp.provider().createArrayBuilder().add(USER_SCHEMA))
                .add("id", user.id())
                .add("userName", user.user().value())
                .add("active", user.isActive());
        user.externalId().ifPresent(v -> json.add("externalId", v));
        user.displayName().ifPresent(v -> json.add("displayName", v));
        json.add(
                "meta",
                Jsonp.provider()
                        .createObjectBuilder()
                        .add("resourceType", "User")
                        .add("created", DateTimeFormatter.ISO_INSTANT.format(user.createdAt()))
                        .add("lastModified", DateTimeFormatter.ISO_INSTANT.format(user.updatedAt()))
                        .add("location", location)
                        .add("version", "W/\"" + user.version() + "\""));
        return json.build();
    }

    /** A ListResponse of {@code users}, already rendered. */
    public static JsonObject list(List<JsonObject> users, long total, int startIndex) {
        var resources = Jsonp.provider().createArrayBuilder();
        users.forEach(resources::add);
        return Jsonp.provider()
                .createObjectBuilder()
                .add("schemas", Jsonp.provider().createArrayBuilder().add(LIST_SCHEMA))
                .add("totalResults", total)
                .add("startIndex", startIndex)
                .add("itemsPerPage", users.size())
                .add("Resources", resources)
                .build();
    }

    /** The SCIM error body (RFC 7644 section 3.12): {@code status} is a string there. */
    public static JsonObject error(ScimRefusal refusal, String detail) {
        JsonObjectBuilder json = Jsonp.provider()
                .createObjectBuilder()
                .add("schemas", Jsonp.provider().createArrayBuilder().add(ERROR_SCHEMA))
                .add("status", Integer.toString(refusal.status()))
                .add("detail", detail);
        if (refusal.scimType() != null) {
            json.add("scimType", refusal.scimType());
        }
        return json.build();
    }

    static ScimRefusedException refused(ScimRefusal refusal, String detail) {
        return new ScimRefusedException(refusal, detail);
    }
}
