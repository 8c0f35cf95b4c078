/**
 * The fail-closed start-up: the check that refuses a configuration without its secrets and trust
 * anchors, or with the development ones outside the {@code dev} profile. It sits above the
 * capabilities whose keys it checks, and nothing depends on it.
 */
package dev.tether.startup;
