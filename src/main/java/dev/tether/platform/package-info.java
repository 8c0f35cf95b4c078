/**
 * What the application needs from its platform before it serves: the start-up check that refuses
 * a configuration without its secrets and trust anchors, or with the development ones outside the
 * {@code dev} profile, so that production fails closed.
 */
package dev.tether.platform;
