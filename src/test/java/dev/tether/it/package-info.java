/**
 * Black-box integration tests: the packaged WAR deployed by Arquillian on a real server, driven
 * over HTTP like a player, an SSO and an auditor would.
 */
package dev.tether.it;
