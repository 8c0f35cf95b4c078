/**
 * The SEES entitlement API: reading a request strictly ({@code SeesRequests}), the three use cases
 * (time-based, device registration, device-bound) in {@code EntitlementService}, which calls
 * ExpressPlay between the short transactions of {@code EntitlementSteps}, and Tether's SEES error
 * codes ({@code SeesError}, this capability's refusal reasons), answered in SEES form.
 */
package dev.tether.entitlement;
