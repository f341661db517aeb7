package dev.firebreak.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The house rules, over every module's main classes (the tools module has them all on its class path):
 * no package cycles, each module uses only the modules of ours its pom means it to, the pure modules
 * touch no I/O library, and the connectors are reached only through connect-api (ServiceLoader).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firebreak");

    @Test
    void noPackageCycles() {
        List<Set<String>> cycles = PackageCycles.of(MAIN, "dev.firebreak.");
        assertEquals(List.of(), cycles, "packages that import each other in a loop");
    }

    @Test
    void eachModuleUsesOnlyTheModulesItsPomMeans() {
        for (Modules.Module module : Modules.ALL) {
            String[] others = Modules.ALL.stream()
                    .filter(m -> !m.name().equals(module.name()) && !module.mayUse().contains(m.name()))
                    .map(Modules.Module::packages).toArray(String[]::new);
            noClasses().that().resideInAPackage(module.packages())
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(module.name() + " may use only " + (module.mayUse().isEmpty() ? "nothing of ours" : module.mayUse()))
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void pureModulesTouchNoBannedLibrary() {
        Modules.BANNED.forEach((name, banned) -> noClasses().that().resideInAPackage(Modules.named(name).packages())
                .should().dependOnClassesThat().resideInAnyPackage(banned.toArray(String[]::new))
                .because(name + " stays free of " + banned)
                .check(MAIN));
    }

    @Test
    void connectorsAreReachedThroughConnectApi() {
        noClasses().that().resideOutsideOfPackage(Modules.named("connectors").packages())
                .should().dependOnClassesThat().resideInAPackage(Modules.named("connectors").packages())
                .because("connectors are found with ServiceLoader through connect-api")
                .check(MAIN);
    }
}
