package dev.tether.operations;

import java.time.Instant;

/**
 * What the contract check saw of ExpressPlay, without any secret: no authenticator, no key, no
 * token URL (only its scheme and host), no cookie of a real user.
 *
 * @param token the token request for the registration content, with a cookie and a device restriction
 * @param records the record lookup for the check's fresh cookie, which nobody has redeemed
 */
public record ContractReport(Instant checkedAt, boolean passed, TokenCheck token, RecordCheck records) {

    /**
     * @param outcome {@code issued}, {@code refused}, {@code misconfigured} (HTTP 401) or {@code unavailable}
     * @param expressPlayError ExpressPlay's code when it refused, else null
     * @param https whether the token URL is https
     * @param host the token URL's host
     * @param deviceRestrictionEchoed whether the device restriction can be read back from the token: a
     *     token that is not readable says nothing either way (false)
     */
    public record TokenCheck(
            String outcome,
            Integer expressPlayError,
            String expressPlayMessage,
            Boolean https,
            String host,
            Boolean deviceRestrictionEchoed) {}

    /**
     * @param outcome {@code answered}, {@code refused}, {@code misconfigured} or {@code unavailable}
     * @param format what the records' answer looked like (see the README's record formats)
     * @param deviceFound whether a device was named for the fresh cookie (it must not be)
     */
    public record RecordCheck(
            String outcome, Integer expressPlayError, String expressPlayMessage, String format, Boolean deviceFound) {}
}
