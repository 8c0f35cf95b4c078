package dev.tether.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens TelemetryIT's OTLP receiver when the integration-test run starts, before Arquillian starts
 * the server, which exports to it from its first second; the unit tests (no port set) leave it closed.
 */
public class OtlpReceiverSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(OtlpReceiver.PORT) != null) {
            OtlpReceiver.shared();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        OtlpReceiver.closeShared();
    }
}
