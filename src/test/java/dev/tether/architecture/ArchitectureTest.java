package dev.tether.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tether.audit.RecordsRefusals;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules a picture of the code cannot keep. Tether and the ExpressPlay simulator meet only over
 * HTTP, as Tether and the real ExpressPlay do: were either to import the other, the simulator could
 * share Tether's mistakes about ExpressPlay, or the production WAR could need a test double. Inside
 * Tether, packages form no cycle, so each can be understood (and changed) with only what it uses
 * in mind; the layers are: resources over use cases over entities and adapters, with api, platform
 * and audit's recording below every capability.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tether", "dev.simulator");
    }

    @Test
    void tetherImportsNothingOfTheSimulator() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.simulator..")
                .check(classes);
    }

    @Test
    void theSimulatorImportsNothingOfTether() {
        noClasses()
                .that()
                .resideInAPackage("dev.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.tether..")
                .check(classes);
    }

    /** One WAR for both servers: only standard APIs, with Hibernate and Flyway behind JPA and the migration. */
    @Test
    void tetherUsesNoServerVendorApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.hibernate..",
                        "com.ibm..",
                        "io.openliberty..",
                        "org.jboss..",
                        "org.wildfly..",
                        "io.smallrye..",
                        "org.eclipse.yasson..",
                        "org.apache.cxf..",
                        "com.nimbusds..")
                .check(classes);
    }

    /**
     * OpenTelemetry's API is MicroProfile Telemetry's, so allowed; it stays in the telemetry package
     * (the instruments) and in platform (the trace context that follows an asynchronous call), so
     * the capabilities keep their counters in plain Java.
     */
    @Test
    void onlyTelemetryAndTheContextPropagationUseOpenTelemetry() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether..")
                .and()
                .resideOutsideOfPackages("dev.tether.operations.telemetry..", "dev.tether.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.opentelemetry..")
                .check(classes);
    }

    /** Every package, sub-packages included, is a slice: none may reach back to one that uses it. */
    @Test
    void tetherHasNoPackageCycle() {
        slices().matching("dev.tether.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The ExpressPlay adapter turns calls into HTTP and answers into values; it decides nothing. */
    @Test
    void theExpressPlayAdapterKnowsNoUseCase() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether.expressplay..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tether.entitlement..", "dev.tether.audit..", "dev.tether.api..")
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(RecordsRefusals.class)
                .check(classes);
    }

    /** The audit trail records and reports decisions; it takes none, so it needs neither devices nor ExpressPlay. */
    @Test
    void auditReachesNeitherBindingNorExpressPlay() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tether.binding..", "dev.tether.expressplay..")
                .check(classes);
    }

    /**
     * Streams sit beside the flow that opens them: the entitlement flow calls streams, and binding
     * announces revoked and reset devices with an event, so neither binding nor streams reaches back.
     */
    @Test
    void streamsAreUsedByTheFlowAndKnowNeitherItNorAreKnownByBinding() {
        noClasses()
                .that()
                .resideInAPackage("dev.tether.binding..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.tether.streams..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.tether.streams..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tether.entitlement..", "dev.tether.expressplay..")
                .check(classes);
    }

    /** A resource converts and delegates: the use case it calls owns the transaction. */
    @Test
    void resourcesHoldNoTransaction() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(classes);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(classes);
        noFields()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .should()
                .haveRawType(EntityManager.class)
                .check(classes);
    }

    /** Entities and use cases refuse in domain terms; only the api package and resources speak HTTP. */
    @Test
    void entitiesAndUseCasesSpeakNoHttp() {
        noClasses()
                .that()
                .areAnnotatedWith(Entity.class)
                .or()
                .areAnnotatedWith(RecordsRefusals.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "dev.tether.api..")
                .check(classes);
    }

    /** The two classes of each kind exist: an importer that found nothing would pass every rule above. */
    @Test
    void bothCodeBasesWereImported() {
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.tether.entitlement.SeesResource"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.simulator.expressplay.SimulatedTokenApi"));
    }
}
