package io.icesync.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each module's {@code .internal} packages are its own: no other module's main code, the CLI's
 * included, may use them. A violation fails the build with the classes and lines that break it.
 */
class ModuleBoundaryTest {
    /** Each module's root package. */
    static final List<String> MODULES = List.of("core", "net", "imap", "groupware", "webdav", "rules", "smartdiscover", "client", "fleet",
            "testkit", "examples");

    static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        // Only IceSync's classes matter here: third-party ones are not read in.
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("io.icesync");
    }

    static List<String> modules() {
        return MODULES;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noOtherModuleUsesTheInternalsOf(String module) {
        String root = "io.icesync." + module;
        noClasses().that().resideOutsideOfPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + "..internal..")
                .because("the .internal packages of " + root + " are not its API")
                .allowEmptyShould(true)
                .check(main);
    }
}
