package dev.tether.binding.reset;

/** Where a two-person device reset stands. */
public enum ResetStatus {
    /** Requested by one admin, waiting for another. */
    PENDING,
    /** Approved by a second admin: the user's devices were removed. */
    APPROVED,
    /** Rejected by a second admin. */
    REJECTED,
    /** Nobody decided before it expired; shown as such, never stored. */
    EXPIRED
}
