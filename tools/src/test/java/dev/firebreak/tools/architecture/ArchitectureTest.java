package dev.firebreak.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The house rules, over every module's main classes (the tools module has them all on its class path):
 * no package cycles beyond the frozen ones below, each module uses only the modules of ours its pom
 * means it to, the pure modules touch no I/O library, and the connectors are reached only through
 * connect-api (ServiceLoader) except by the frozen daemon classes below.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firebreak");

    /**
     * The package cycles left when the tools module was made. FROZEN: do not add to this list; break a
     * cycle and take it out. A new cycle, or a new package joining one of these, fails the test.
     */
    private static final List<Set<String>> KNOWN_CYCLES = List.of(
            Set.of("dev.firebreak.daemon.alerting", "dev.firebreak.daemon.pipeline"),
            Set.of("dev.firebreak.daemon.auth", "dev.firebreak.daemon.http"));

    /** Daemon classes that still use a connector directly (not through connect-api). FROZEN, as above. */
    private static final Set<String> KNOWN_CONNECTOR_USERS = Set.of(
            "dev.firebreak.daemon.Firebreak", "dev.firebreak.daemon.http.HttpApi", "dev.firebreak.daemon.http.WebhookRoute");

    @Test
    void noNewPackageCycles() {
        List<Set<String>> cycles = PackageCycles.of(MAIN, "dev.firebreak.");
        List<Set<String>> unknown = new ArrayList<>();
        for (Set<String> cycle : cycles) if (!KNOWN_CYCLES.contains(cycle)) unknown.add(cycle);
        assertEquals(List.of(), unknown, "package cycles not in the frozen list (all cycles now: " + cycles + ")");
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
                .and(DescribedPredicate.describe("are not frozen connector users",
                        (JavaClass c) -> !KNOWN_CONNECTOR_USERS.contains(c.getName().split("\\$")[0])))
                .should().dependOnClassesThat().resideInAPackage(Modules.named("connectors").packages())
                .because("connectors are found with ServiceLoader through connect-api")
                .check(MAIN);
    }
}
