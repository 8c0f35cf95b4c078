/**
 * The SEES entitlement API: the request and response records, the three use cases (time-based, device registration, device-bound) and Tether's SEES error codes.
 */
package dev.tether.entitlement;
