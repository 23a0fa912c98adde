package io.poolforge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DESIGN.md ("Architecture", "Rules of the house"). */
@AnalyzeClasses(packages = "io.poolforge", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Main classes only, whatever the build folder is called (see pf.buildDir in pom.xml). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule onlyAdaptersAndSandboxTouchTheAzureSdk = noClasses()
            .that().resideOutsideOfPackages("io.poolforge.azure.sdk..", "io.poolforge.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.microsoft.aad..")
            .because("only io.poolforge.azure.sdk (and the sandbox) may use the Azure SDK (DESIGN.md)");

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("io.poolforge.ui..", "io.poolforge.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("only ui and app import JavaFX (DESIGN.md)");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfTheApp = classes()
            .that().resideInAPackage("io.poolforge.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.poolforge.domain..", "java..")
            .because("domain imports nothing of the app, of JavaFX or of Azure (DESIGN.md)");

    @ArchTest
    static final ArchRule taskLayerIsPlainJava = classes()
            .that().resideInAPackage("io.poolforge.task..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.poolforge.task..", "java..");

    @ArchTest
    static final ArchRule uiNeverCallsAzureAdapters = noClasses()
            .that().resideInAPackage("io.poolforge.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolforge.azure.sdk..", "io.poolforge.sandbox..")
            .because("the UI sees only the ports; app wires the adapters");

    @ArchTest
    static final ArchRule layersPointOneWay = noClasses()
            .that().resideInAnyPackage("io.poolforge.domain..", "io.poolforge.azure..", "io.poolforge.task..",
                    "io.poolforge.plan..", "io.poolforge.run..", "io.poolforge.export..", "io.poolforge.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolforge.ui..", "io.poolforge.app..", "io.poolforge.cli..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("io.poolforge.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStaticSingletons = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("io.poolforge..")
            .and().areStatic()
            .and().areDeclaredInClassesThat().areNotEnums()
            .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe("its own declaring class",
                    (com.tngtech.archunit.core.domain.JavaClass t) -> false))
            .orShould().haveNameMatching("(?i)instance|INSTANCE|singleton")
            .because("no static singletons or service locators: AppContext builds the graph (DESIGN.md)");
}
