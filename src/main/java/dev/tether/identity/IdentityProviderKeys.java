package dev.tether.identity;

import dev.tether.platform.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity provider's public signing keys, for the tokens Tether checks itself (back-channel
 * logout tokens; bearer tokens are the server's MicroProfile JWT's to check). Read from the same
 * location as the bearer tokens' keys, a JWKS or a PEM key, and read again when a token names a
 * key id not among them (the IdP rotated its keys), at most once per
 * {@code tether.identity.keys.min-refresh-interval}, so a flood of tokens with invented key ids
 * cannot turn Tether into a client hammering the IdP.
 */
@ApplicationScoped
public class IdentityProviderKeys {

    private static final Logger LOG = Logger.getLogger(IdentityProviderKeys.class.getName());
    private static final String PEM_START = "-----BEGIN PUBLIC KEY-----";

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "tether.identity.keys.min-refresh-interval", defaultValue = "PT10S")
    Duration minRefreshInterval;

    private HttpClient client;
    private Map<String, PublicKey> keys = Map.of();
    private PublicKey onlyKey;
    private Instant lastFetch = Instant.EPOCH;

    @PostConstruct
    void open() {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /**
     * The key a token names by {@code kid} (or the one key of a PEM or of a single-key JWKS when
     * it names none); empty when the IdP, asked again if it may be, does not publish it.
     */
    public synchronized Optional<PublicKey> key(Optional<String> kid) {
        Optional<PublicKey> known = known(kid);
        if (known.isPresent()) {
            return known;
        }
        Instant now = Instant.now();
        if (lastFetch.plus(minRefreshInterval).isAfter(now)) {
            return Optional.empty();
        }
        lastFetch = now;
        fetch();
        return known(kid);
    }

    private Optional<PublicKey> known(Optional<String> kid) {
        if (kid.isPresent() && keys.containsKey(kid.get())) {
            return Optional.of(keys.get(kid.get()));
        }
        return kid.isEmpty() || keys.isEmpty() ? Optional.ofNullable(onlyKey) : Optional.empty();
    }

    private void fetch() {
        if (location.isEmpty()) {
            return;
        }
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(location.get()))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warning(() -> "The IdP's keys at " + location.get() + " answered " + response.statusCode());
                return;
            }
            read(response.body().strip());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the IdP's keys at " + location.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(String body) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (body.startsWith(PEM_START)) {
            String base64 = body.replace(PEM_START, "")
                    .replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            keys = Map.of();
            onlyKey = rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return;
        }
        JsonObject jwks = Jsonp.provider().createReader(new StringReader(body)).readObject();
        Map<String, PublicKey> found = new HashMap<>();
        for (JsonValue value : jwks.getJsonArray("keys")) {
            JsonObject jwk = value.asJsonObject();
            if (!"RSA".equals(jwk.getString("kty", null)) || "enc".equals(jwk.getString("use", null))) {
                continue;
            }
            Base64.Decoder url = Base64.getUrlDecoder();
            PublicKey key = rsa.generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, url.decode(jwk.getString("n"))),
                    new BigInteger(1, url.decode(jwk.getString("e")))));
            found.put(jwk.getString("kid", ""), key);
        }
        keys = Map.copyOf(found);
        onlyKey = found.size() == 1 ? found.values().iterator().next() : null;
    }
}
