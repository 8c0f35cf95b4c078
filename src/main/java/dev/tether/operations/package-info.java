/**
 * Tools for the operator of a Tether installation: the check of ExpressPlay's contract against
 * whatever ExpressPlay is configured, run in one call before going live.
 */
package dev.tether.operations;
