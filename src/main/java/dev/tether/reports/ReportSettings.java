package dev.tether.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configuration of the auditor's composed reports: each {@code tether.report.*} key and its default. */
@ApplicationScoped
public class ReportSettings {

    @Inject
    @ConfigProperty(name = "tether.report.device-limit-margin", defaultValue = "1")
    int deviceLimitMargin;

    /** How far below the device limit a user counts as near it. */
    public int deviceLimitMargin() {
        return deviceLimitMargin;
    }
}
