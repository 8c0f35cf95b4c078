/**
 * Who is calling: the roles and the current user taken from the SSO's bearer JWT.
 */
package dev.tether.security;
