package dev.simulator.http;

import dev.simulator.expressplay.AccountsResource;
import dev.simulator.expressplay.DeviceLab;
import dev.simulator.expressplay.DrmDeviceLab;
import dev.simulator.expressplay.FaultInjectionFilter;
import dev.simulator.expressplay.FaultsResource;
import dev.simulator.expressplay.SimulatedPlayReadyLicenseApi;
import dev.simulator.expressplay.SimulatedPlayReadyTokenApi;
import dev.simulator.expressplay.SimulatedRecordApi;
import dev.simulator.expressplay.SimulatedRightsApi;
import dev.simulator.expressplay.SimulatedTokenApi;
import dev.simulator.expressplay.SimulatedWidevineRightsApi;
import dev.simulator.expressplay.SimulatedWidevineTokenApi;
import dev.simulator.sso.AdminOnlyFilter;
import dev.simulator.sso.DevelopmentSso;
import dev.simulator.sso.OidcCodeFlow;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The simulator's HTTP surface, under its own context root ({@code /simulator}): ExpressPlay's
 * APIs under {@code expressplay/}, the device lab, fault injection, account modes and the
 * development SSO.
 * Every resource and provider is named here rather than scanned for: the build compiles the
 * simulator from this class outwards (pom.xml, default-compile), so what is not reachable from
 * here is not built.
 */
@ApplicationPath("/")
public class SimulatorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SimulatedTokenApi.class,
                SimulatedRightsApi.class,
                SimulatedRecordApi.class,
                SimulatedWidevineTokenApi.class,
                SimulatedWidevineRightsApi.class,
                SimulatedPlayReadyTokenApi.class,
                SimulatedPlayReadyLicenseApi.class,
                DeviceLab.class,
                DrmDeviceLab.class,
                FaultsResource.class,
                AccountsResource.class,
                FaultInjectionFilter.class,
                DevelopmentSso.class,
                OidcCodeFlow.class,
                AdminOnlyFilter.class,
                UncompressedBodies.class,
                ProblemMappers.Refusals.class,
                ProblemMappers.InvalidBodies.class,
                ProblemMappers.UnreadableBodies.class,
                ProblemMappers.HttpErrors.class,
                ProblemMappers.Unexpected.class);
    }
}
