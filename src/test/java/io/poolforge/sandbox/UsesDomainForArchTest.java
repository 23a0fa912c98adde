package io.poolforge.sandbox;

/** A test-only class in the sandbox package that breaks the sandbox's independence (for ArchitectureRulesCanFailTest). */
public final class UsesDomainForArchTest {
    public static Object rules() {
        return io.poolforge.domain.rules.PoolRules.class;
    }
}
