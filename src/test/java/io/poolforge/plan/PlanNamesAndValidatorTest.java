package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.rules.NamingRules;
import org.junit.jupiter.api.Test;

class PlanNamesAndValidatorTest {
    private final PlanCodec codec = new PlanCodec();
    private final PlanValidator validator = new PlanValidator(codec, new OfflineDomainRules());

    @Test
    void derivesMissingNamesDeterministicallyAndKeepsGivenOnes() {
        Plan plan = TestPlans.plan(TestPlans.MANAGED);
        Plan a = PlanNames.resolve(plan, "20260501-142233-3fa9", "2026.501.142233");
        Plan b = PlanNames.resolve(plan, "20260501-142233-3fa9", "2026.501.142233");
        assertThat(a).isEqualTo(b);
        assertThat(a.snapshots().osDisk().snapshotName()).isEqualTo("vm-render-datadisks-os-20260501-142233-3fa9");
        assertThat(a.snapshots().dataDisks()).extracting(Plan.DataDisk::snapshotName)
                .containsExactly("vm-render-datadisks-lun0-20260501-142233-3fa9", "vm-render-datadisks-lun1-20260501-142233-3fa9");
        assertThat(PlanNames.resolve(plan, "20260501-142234-0000", "1.0.0").snapshots().osDisk().snapshotName())
                .isNotEqualTo(a.snapshots().osDisk().snapshotName());

        Plan gallery = TestPlans.plan(TestPlans.GALLERY);
        assertThat(PlanNames.resolve(gallery, "x", "9.9.9")).isEqualTo(gallery);
        Plan noVersion = TestPlans.plan(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/image/gallery/version",
                (com.fasterxml.jackson.databind.JsonNode) null));
        assertThat(PlanNames.resolve(noVersion, "x", "2026.501.142233").image().gallery().version()).isEqualTo("2026.501.142233");
        assertThat(NamingRules.validVersion(PlanNames.resolveForExport(noVersion, codec).image().gallery().version())).isTrue();
    }

    @Test
    void derivedNamesAreValidAzureNamesEvenForLongOrOddVmNames() {
        String name = PlanNames.name("-" + "x".repeat(100) + " ü", "lun12", "20260501-142233-3fa9");
        assertThat(name).hasSizeLessThanOrEqualTo(80).endsWith("-lun12-20260501-142233-3fa9");
        assertThat(NamingRules.validSnapshotName(name)).isTrue();
    }

    @Test
    void validatesStructureFirstThenTheOfflineRules() {
        assertThat(validator.validate(TestPlans.plan(TestPlans.GALLERY))).isEmpty();
        assertThat(validator.validate(TestPlans.plan(TestPlans.MANAGED))).extracting(Finding::code)
                .containsExactly("POOL_MANAGED_IMAGE_RETIRED");
        Plan badNames = TestPlans.plan(TestPlans.edit(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY),
                "/image/gallery/name", "gal-with-hyphen"), "/pool/poolId", "pool id with spaces"));
        assertThat(validator.validate(badNames)).extracting(Finding::code)
                .containsExactlyInAnyOrder("NAME_GALLERY_INVALID", "POOL_ID_INVALID");
        Plan broken = TestPlans.plan(TestPlans.edit(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY),
                "/image/gallery/name", "gal-with-hyphen"), "/image/osType", "Solaris"));
        assertThat(validator.validate(broken)).extracting(Finding::code).containsExactly("PLAN_BAD_VALUE");
    }
}
