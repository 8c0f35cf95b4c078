/**
 * The append-only audit trail: one event per decision, written in the decision's transaction
 * (refusals, through {@link dev.tether.audit.RecordsRefusals}, in their own), the database's guard
 * against changing it, and the auditor's reporting API over the trail (search with keyset
 * pagination, CSV export, per-user and per-device views, the trail's aggregates). It records the
 * decisions of the capabilities and reaches none of them: a report that needs another capability's
 * data is composed above both ({@code dev.tether.reports}).
 */
package dev.tether.audit;
