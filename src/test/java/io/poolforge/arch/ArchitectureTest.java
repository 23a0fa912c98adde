package io.poolforge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
    static final ArchRule sandboxIsIndependentOfPoolForge = noClasses()
            .that().resideInAPackage("io.poolforge.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolforge.domain..", "io.poolforge.azure..", "io.poolforge.ui..",
                    "io.poolforge.run..", "io.poolforge.plan..", "io.poolforge.export..", "io.poolforge.task..", "io.poolforge.i18n..")
            .because("the sandbox stands in for Azure: its rules must not be ours, or tests against it prove nothing (PF-10)");

    /** A static field that holds an instance of its own class (or of a type it implements): a singleton by another name. */
    static final ArchCondition<JavaField> NOT_HOLD_THEIR_OWN_CLASS = new ArchCondition<>("not hold an instance of their declaring class") {
        @Override
        public void check(JavaField f, ConditionEvents events) {
            JavaClass owner = f.getOwner();
            JavaClass type = f.getRawType();
            // Null objects of an interface (Listener.NONE) and constants of immutable records (Progress.INDETERMINATE) hold
            // no state: values, not singletons.
            boolean value = owner.isInterface() || owner.getRawSuperclass().map(c -> c.getName().equals("java.lang.Record")).orElse(false);
            boolean own = !value && (type.equals(owner) || owner.isAssignableTo(type.getName()) && !type.getName().startsWith("java."));
            events.add(new SimpleConditionEvent(f, !own, f.getFullName() + (own ? " is" : " is not")
                    + " a static field holding its own class " + type.getName()));
        }
    };

    @ArchTest
    static final ArchRule noStaticSingletons = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("io.poolforge..")
            .and().areStatic()
            .and().areDeclaredInClassesThat().areNotEnums()
            .should(NOT_HOLD_THEIR_OWN_CLASS)
            .andShould().haveNameNotMatching("(?i).*(instance|singleton).*")
            .because("no static singletons or service locators: AppContext builds the graph (DESIGN.md)");
}
