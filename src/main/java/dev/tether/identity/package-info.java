/**
 * The company's identity provider's say over Tether's users: SCIM 2.0 provisioning (a user
 * deprovisioned there loses access here, at once and everywhere) and OpenID Connect back-channel
 * logout (a session ended there stops its bearer tokens here). Other capabilities learn of a
 * deprovisioning through the {@link dev.tether.identity.UserDeprovisioned} event.
 */
package dev.tether.identity;
