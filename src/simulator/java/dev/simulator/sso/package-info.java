/**
 * The development SSO: signs bearer tokens for any user and groups and publishes its public key,
 * so the flow can be tried without a company identity provider. Never deployed in production.
 */
package dev.simulator.sso;
