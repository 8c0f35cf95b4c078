/**
 * The audit console: a static single page for auditors and admins, served from the WAR with its
 * charting library (Apache ECharts, a WebJar), and the sign-in settings it reads before it sends
 * the browser to the identity provider. The page reads the audit, ledger and ExpressPlay APIs with
 * the bearer token it holds in memory; this package reads nothing of theirs.
 */
package dev.tether.console;
