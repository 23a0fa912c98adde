package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.rules.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PlanCheckTest {

    @Test
    void theExamplesAreSound() {
        assertThat(PlanCheck.check(TestPlans.plan(TestPlans.GALLERY))).isEmpty();
        assertThat(PlanCheck.check(TestPlans.plan(TestPlans.MANAGED))).isEmpty();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("/image/osType", TestPlans.json("\"linux\""), "PLAN_BAD_VALUE", "/image/osType"),
                Arguments.of("/image/target", TestPlans.json("\"vhd\""), "PLAN_BAD_VALUE", "/image/target"),
                Arguments.of("/image/securityType", TestPlans.json("\"Trusted\""), "PLAN_BAD_VALUE", "/image/securityType"),
                Arguments.of("/source/hyperVGeneration", TestPlans.json("\"Gen2\""), "PLAN_BAD_VALUE", "/source/hyperVGeneration"),
                Arguments.of("/pool/targetDedicatedNodes", TestPlans.json("-1"), "PLAN_BAD_NUMBER", "/pool/targetDedicatedNodes"),
                Arguments.of("/pool/resizeTimeout", TestPlans.json("\"20 minutes\""), "PLAN_BAD_DURATION", "/pool/resizeTimeout"),
                Arguments.of("/image/gallery/targetRegions/0/replicaCount", TestPlans.json("0"), "PLAN_BAD_NUMBER",
                        "/image/gallery/targetRegions/0/replicaCount"),
                Arguments.of("/image/gallery/targetRegions", TestPlans.json("[]"), "PLAN_MISSING_FIELD", "/image/gallery/targetRegions"),
                Arguments.of("/image/gallery", null, "PLAN_MISSING_FIELD", "/image/gallery"),
                Arguments.of("/pool/poolId", TestPlans.json("\"  \""), "PLAN_MISSING_FIELD", "/pool/poolId"),
                Arguments.of("/pool/batchAccount/name", null, "PLAN_MISSING_FIELD", "/pool/batchAccount/name"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("defects")
    void reportsEachDefectWithItsPath(String pointer, JsonNode value, String code, String path) {
        List<Finding> findings = PlanCheck.check(TestPlans.plan(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), pointer, value)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.args().get(0)).isEqualTo(path);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.messageKey()).startsWith("plan.check.");
        });
    }

    @Test
    void twoDataDisksCannotShareALun() {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.MANAGED), "/snapshots/dataDisks/1/lun", TestPlans.json("0"));
        assertThat(PlanCheck.check(TestPlans.plan(tree))).extracting(Finding::code).containsExactly("PLAN_DUPLICATE_LUN");
    }

    @Test
    void aManagedTargetNeedsItsManagedImage() {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.MANAGED), "/image/managedImage", (JsonNode) null);
        assertThat(PlanCheck.check(TestPlans.plan(tree))).extracting(Finding::path).containsExactly("/image/managedImage");
    }
}
