package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.AccountFacts;
import io.poolforge.azure.AccountReader;
import io.poolforge.domain.AccountUsage;
import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.rules.PoolContext;
import io.poolforge.domain.rules.PoolRules;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Violation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PF-8: the quota and sharing rules fire from the PRODUCTION read path ({@link AccountReader} over the real SDK
 * adapters) against sandbox accounts that hold pools — nothing filled in by hand.
 */
class AccountReaderSandboxTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static PoolPlan plan(String id, String size, String image, int dedicated, int low) {
        return new PoolPlan(id, id, size, image, "batch.node.ubuntu 22.04", dedicated, low, Duration.ofMinutes(20));
    }

    private static List<Violation> check(AccountFacts f, PoolPlan plan) {
        PoolContext ctx = new PoolContext(f.account(), AuthMethod.ENTRA_ID, f.pools(), f.vmSizes(), f.supportedImages(),
                ImageTarget.GALLERY, OsType.LINUX, HyperVGeneration.V2, null, f.imageSources(), 2, TODAY);
        return PoolRules.check(plan, ctx);
    }

    private static List<RuleCode> codes(List<Violation> v) {
        return v.stream().map(Violation::code).toList();
    }

    @Test
    void batchServiceAccountUsageComesFromItsPools() throws Exception {
        try (AdapterSandbox sb = AdapterSandbox.start(o -> o)) {
            AccountReader reader = new AccountReader(sb.compute(), sb.batch());
            AccountFacts f = reader.read(sb.account("pfdemobatchweu"), List.of());
            AccountUsage u = f.account().usage();
            // render-gallery: 2 × Standard_D4s_v5 (4 vCPUs) = 8; legacy-managed-image: 1 × Standard_D2s_v3 = 2;
            // render-orphaned is steady at 0 of 4 (its resize failed): it holds nothing.
            assertThat(u.source()).isEqualTo(AccountUsage.Source.ACCOUNT_POOLS);
            assertThat(u.dedicatedCores()).isEqualTo(10);
            assertThat(u.familyCores("standardDSv5Family")).isEqualTo(8);
            assertThat(u.familyCores("standardDSv3Family")).isEqualTo(2);
            assertThat(u.pools()).isEqualTo(3);
            assertThat(f.account().dedicatedCoreQuota()).isEqualTo(48);

            // 48 - 10 = 38 dedicated cores left: 10 × D4s_v5 = 40 breaks the account quota; the family (32, 8 used) too.
            List<Violation> tooBig = check(f, plan("too-big", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 10, 0));
            assertThat(codes(tooBig)).contains(RuleCode.QUOTA_DEDICATED_CORES, RuleCode.QUOTA_FAMILY_CORES);
            // 6 × D4s_v5 = 24 fits the account (38 left) but not the family (32 - 8 = 24 → exactly fits); 7 does not.
            assertThat(codes(check(f, plan("fits", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 6, 0))))
                    .doesNotContain(RuleCode.QUOTA_DEDICATED_CORES, RuleCode.QUOTA_FAMILY_CORES);
            assertThat(codes(check(f, plan("family", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 7, 0))))
                    .contains(RuleCode.QUOTA_FAMILY_CORES).doesNotContain(RuleCode.QUOTA_DEDICATED_CORES);

            // Sharing: render-gallery already uses the image version, and the version's snapshot is known.
            List<Violation> shared = check(f, plan("second", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 1, 0));
            assertThat(codes(shared)).contains(RuleCode.IMAGE_SHARED_WITH_POOL);
            assertThat(f.imageSources()).containsKey(AdapterSandbox.RENDER_VERSION.toLowerCase(java.util.Locale.ROOT));
            // PF-18: the 2,000-node limit is for pools created with a managed image (batch-quota-limit); on this gallery
            // version, render-gallery's 2 nodes plus 1,999 more are bounded by the quotas, not by that limit.
            assertThat(codes(check(f, plan("huge", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 1_999, 0))))
                    .doesNotContain(RuleCode.POOL_DEDICATED_LIMIT).contains(RuleCode.QUOTA_DEDICATED_CORES);

            // The sandbox enforces what the reader read: a pool of 10 × D4s_v5 ends with AccountCoreQuotaReached-like errors.
            BatchAccountInfo weu = sb.account("pfdemobatchweu");
            var created = sb.batch().createPool(weu, plan("over-quota", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 10, 0));
            assertThat(created.id()).isEqualTo("over-quota");
            var after = sb.batch().getPool(weu, "over-quota").orElseThrow();
            assertThat(after.resizeErrors()).extracting(e -> e.code()).containsAnyOf("AccountVMSeriesCoreQuotaReached", "AccountCoreQuotaReached");
            assertThat(after.currentDedicatedNodes() * 4).isEqualTo(24); // what the family had left
        }
    }

    @Test
    void userSubscriptionAccountUsageComesFromTheRegionalComputeUsages() throws Exception {
        try (AdapterSandbox sb = AdapterSandbox.start(o -> o)) {
            BatchAccountInfo eus = sb.account("pfdemobatcheus");
            // A pool in the user-subscription account holds 8 × D4s_v5 = 32 of the subscription's 40 DSv5 cores in East US.
            sb.batch().createPool(eus, plan("eus-render", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 8, 0));
            assertThat(sb.batch().getPool(eus, "eus-render").orElseThrow().currentDedicatedNodes()).isEqualTo(8);

            sb.clearLog();
            AccountFacts f = new AccountReader(sb.compute(), sb.batch()).read(eus, List.of());
            assertThat(sb.log()).anyMatch(l -> l.contains("/providers/Microsoft.Compute/locations/eastus/usages") && l.contains(" 200 "));
            AccountUsage u = f.account().usage();
            assertThat(u.source()).isEqualTo(AccountUsage.Source.SUBSCRIPTION);
            assertThat(u.dedicatedCores()).isEqualTo(32);
            assertThat(u.familyCores("standardDSv5Family")).isEqualTo(32);
            assertThat(f.account().dedicatedCoreQuota()).isEqualTo(100);
            assertThat(f.account().lowPriorityCoreQuota()).isEqualTo(50);
            assertThat(f.account().familyCoreQuota("standardDSv5Family")).isEqualTo(40);

            // 3 × D4s_v5 = 12 > 40 - 32: the regional family quota fires; the "cannot read" note does not.
            List<Violation> v = check(f, plan("eus-more", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 3, 0));
            assertThat(codes(v)).contains(RuleCode.QUOTA_FAMILY_CORES, RuleCode.IMAGE_SHARED_WITH_POOL)
                    .doesNotContain(RuleCode.QUOTA_USER_SUBSCRIPTION);
            assertThat(codes(check(f, plan("eus-ok", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 2, 0))))
                    .doesNotContain(RuleCode.QUOTA_FAMILY_CORES, RuleCode.QUOTA_DEDICATED_CORES);
            // Spot: 50 low-priority cores, none used: 13 × D4s_v5 = 52 is too many.
            assertThat(codes(check(f, plan("eus-spot", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 0, 13))))
                    .contains(RuleCode.QUOTA_LOW_PRIORITY_CORES);

            // And the sandbox enforces the same figures: 3 more nodes get 2 (8 cores left in the family).
            sb.batch().createPool(eus, plan("eus-more", "Standard_D4s_v5", AdapterSandbox.RENDER_VERSION, 3, 0));
            var more = sb.batch().getPool(eus, "eus-more").orElseThrow();
            assertThat(more.currentDedicatedNodes()).isEqualTo(2);
            assertThat(more.resizeErrors()).extracting(e -> e.code()).contains("AccountVMSeriesCoreQuotaReached");
        }
    }
}
