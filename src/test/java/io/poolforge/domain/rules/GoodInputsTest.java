package io.poolforge.domain.rules;

import io.poolforge.domain.DataDiskSnapshot;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.SubscriptionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Good inputs produce no errors (warnings and advice may remain). */
class GoodInputsTest {
    static List<Violation> errors(List<Violation> all) {
        return all.stream().filter(Violation::blocks).toList();
    }

    @Test
    void goodVmHasNoErrorsAndNoWarnings() {
        List<Violation> v = VmRules.check(Fixtures.vm(), Fixtures.account(), Fixtures.supportedImages(), ImageTarget.GALLERY,
                Fixtures.TODAY);
        assertThat(errors(v)).isEmpty();
        assertThat(v).extracting(Violation::severity).containsOnly(Severity.INFO);
    }

    @Test
    void goodGalleryPlanHasNoViolations() {
        assertThat(ImageRules.checkPlan(Fixtures.image(), Fixtures.vm(), Fixtures.account(), null, 2, Fixtures.TODAY)).isEmpty();
    }

    @Test
    void goodPoolHasNoErrorsOrWarnings() {
        List<Violation> v = PoolRules.check(Fixtures.poolPlan(), new Ctx().build());
        assertThat(v).extracting(Violation::severity).containsOnly(Severity.INFO);
    }

    @Test
    void userSubscriptionAccountsAreNotHeldToTheirZeroAccountCoreQuotas() {
        Fixtures.Account a = new Fixtures.Account();
        a.mode = io.poolforge.domain.PoolAllocationMode.USER_SUBSCRIPTION;
        a.dedicated = 0;
        a.lowPriority = 0;
        a.family = java.util.Map.of();
        Ctx c = new Ctx();
        c.account = a.build();
        List<Violation> v = PoolRules.check(Fixtures.poolPlan(), c.build());
        assertThat(v).extracting(Violation::code).doesNotContain(RuleCode.QUOTA_DEDICATED_CORES, RuleCode.QUOTA_FAMILY_CORES,
                RuleCode.QUOTA_LOW_PRIORITY_CORES).contains(RuleCode.QUOTA_USER_SUBSCRIPTION);
        assertThat(errors(v)).isEmpty();
    }

    @Test
    void bigPoolWithEnoughReplicasQuotaAndTimeoutHasNoErrors() {
        Ctx c = new Ctx();
        c.account = RuleExamples.withQuota(100_000, 100_000);
        c.replicas = 7;
        List<Violation> v = PoolRules.check(Fixtures.poolPlan("pool-big", "Standard_D2s_v3", 1500, 500, 30), c.build());
        assertThat(errors(v)).isEmpty();
        assertThat(v).extracting(Violation::code).contains(RuleCode.RESIZE_IN_STEPS).doesNotContain(RuleCode.RESIZE_TIMEOUT_ADVICE);
    }

    @Test
    void existingGalleryVersionInAnotherRegionWithReplicaIsFine() {
        GalleryImageInfo def = new GalleryImageInfo("/img", "ubuntu-batch", "pfGallery", Fixtures.SUB, "rg-images", "eastus",
                OsType.LINUX, OsState.GENERALIZED, HyperVGeneration.V2, SecurityType.STANDARD, "PoolForge", "ubuntu", "22.04", null);
        GalleryImageVersionInfo ver = new GalleryImageVersionInfo("/img/versions/1.2.3", "1.2.3", def,
                List.of(new RegionReplica("eastus", 1, "Completed"), new RegionReplica("westeurope", 2, "Completed")),
                List.of("/snap"), "Succeeded");
        assertThat(ImageRules.checkGalleryVersion(ver, Fixtures.vm(), Fixtures.account(),
                new SubscriptionInfo(Fixtures.SUB, Fixtures.TENANT, true), 600)).isEmpty();
    }

    @Test
    void specializedExistingVersionIsRefused() {
        GalleryImageInfo def = new GalleryImageInfo("/img", "ubuntu-batch", "pfGallery", Fixtures.SUB, "rg-images", "westeurope",
                OsType.LINUX, OsState.SPECIALIZED, HyperVGeneration.V2, SecurityType.STANDARD, "PoolForge", "ubuntu", "22.04", null);
        GalleryImageVersionInfo ver = new GalleryImageVersionInfo("/v", "1.0.0", def,
                List.of(new RegionReplica("westeurope", 1, "Completed")), List.of(), "Succeeded");
        assertThat(ImageRules.checkGalleryVersion(ver, null, Fixtures.account(), null, 2))
                .extracting(Violation::code).containsExactly(RuleCode.IMAGE_SPECIALIZED);
    }

    @Test
    void existingManagedImageAfterRetirementWarnsToPublish() {
        ManagedImageInfo img = new ManagedImageInfo("/m", "img-old", Fixtures.SUB, "rg", "westeurope", OsType.LINUX,
                OsState.GENERALIZED, HyperVGeneration.V2, List.of("/snap"));
        assertThat(ImageRules.checkManagedImage(img, Fixtures.vm(), Fixtures.account(), Fixtures.AFTER_RETIREMENT))
                .extracting(Violation::code).containsExactly(RuleCode.IMAGE_MANAGED_RETIRED_BUILD);
    }

    @Test
    void goodSnapshotNames() {
        assertThat(NamingRules.checkSnapshots(new SnapshotPlan("vm", Fixtures.SUB, "rg", "westeurope", "/d", "snap_os.1",
                List.of(new DataDiskSnapshot("/d1", 0, "snap-data0_"))))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.0.0", "2147483647.2147483647.2147483647", "10.20.30"})
    void goodVersions(String v) {
        assertThat(NamingRules.validVersion(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pfGallery", "pf_gallery.v2", "G1"})
    void goodGalleryNames(String n) {
        assertThat(NamingRules.validGalleryName(n)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "pool-01", "POOL_01", "a234567890123456789012345678901234567890123456789012345678901234"})
    void goodPoolIds(String id) {
        assertThat(NamingRules.validPoolId(id)).isTrue();
    }
}
