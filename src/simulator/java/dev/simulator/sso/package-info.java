/**
 * The development SSO: signs bearer tokens for any user and groups and publishes its public key,
 * so the flow can be tried without a company identity provider; and a minimal authorization code
 * flow with PKCE and a login form, for the audit console in the browser. Never deployed in production.
 */
package dev.simulator.sso;
