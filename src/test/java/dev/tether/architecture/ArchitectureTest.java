package dev.tether.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules a picture of the code cannot keep. Tether and the ExpressPlay simulator meet only over
 * HTTP, as Tether and the real ExpressPlay do: were either to import the other, the simulator could
 * share Tether's mistakes about ExpressPlay, or the production WAR could need a test double.
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
        noClasses().that().resideInAPackage("dev.tether..")
                .should().dependOnClassesThat().resideInAPackage("dev.simulator..")
                .check(classes);
    }

    @Test
    void theSimulatorImportsNothingOfTether() {
        noClasses().that().resideInAPackage("dev.simulator..")
                .should().dependOnClassesThat().resideInAPackage("dev.tether..")
                .check(classes);
    }

    /** One WAR for both servers: only standard APIs, with Hibernate and Flyway behind JPA and the migration. */
    @Test
    void tetherUsesNoServerVendorApi() {
        noClasses().that().resideInAPackage("dev.tether..")
                .should().dependOnClassesThat().resideInAnyPackage("com.ibm..", "io.openliberty..", "org.jboss..",
                        "org.wildfly..", "io.smallrye..", "org.eclipse.yasson..", "org.apache.cxf..", "com.nimbusds..")
                .check(classes);
    }

    /** The two classes of each kind exist: an importer that found nothing would pass every rule above. */
    @Test
    void bothCodeBasesWereImported() {
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.tether.entitlement.SeesResource"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.simulator.expressplay.SimulatedTokenApi"));
    }
}
