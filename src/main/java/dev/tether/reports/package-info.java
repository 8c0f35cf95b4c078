/**
 * The auditor's reports that combine capabilities: the summary joins the audit trail's aggregates
 * with the device policy's near-limit report. It sits above {@code audit} and {@code binding} so
 * that the audit trail never reaches into the device policy; its configuration is
 * {@link dev.tether.reports.ReportSettings}.
 */
package dev.tether.reports;
