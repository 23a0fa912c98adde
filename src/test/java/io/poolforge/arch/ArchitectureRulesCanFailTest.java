package io.poolforge.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureTest} fail on code that breaks them (a rule that cannot fail proves nothing). */
class ArchitectureRulesCanFailTest {
    /** A static singleton by its type. */
    static final class Registry {
        static final Registry SHARED = new Registry();
    }

    /** A service locator held in a static field of an interface type the class implements. */
    interface Locator {
    }

    static final class GlobalLocator implements Locator {
        static final Locator CURRENT = new GlobalLocator();
    }

    /** Named as one. */
    static final class Holder {
        static Object theInstance;
    }

    /** Fine: a constant of another type. */
    static final class Plain {
        static final String NAME = "plain";
    }

    @Test
    void theNoSingletonRuleFailsOnEachKindOfSingleton() {
        for (Class<?> c : new Class<?>[] {Registry.class, GlobalLocator.class, Holder.class}) {
            JavaClasses classes = new ClassFileImporter().importClasses(c);
            assertThat(ArchitectureTest.noStaticSingletons.evaluate(classes).hasViolation()).as(c.getSimpleName()).isTrue();
        }
        assertThat(ArchitectureTest.noStaticSingletons.evaluate(new ClassFileImporter().importClasses(Plain.class)).hasViolation())
                .isFalse();
    }

    @Test
    void theSandboxRuleFailsWhenTheSandboxImportsOurDomain() {
        // A sandbox class that used our domain's rules would break it (the fixture lives in the sandbox package of the tests).
        JavaClasses offender = new ClassFileImporter().importClasses(io.poolforge.sandbox.UsesDomainForArchTest.class);
        assertThat(ArchitectureTest.sandboxIsIndependentOfPoolForge.evaluate(offender).hasViolation()).isTrue();
    }
}
